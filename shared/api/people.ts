import { z } from 'zod';
import { id, isoDate, method, pageInput, requiredText, text, type Page, WRITES } from './contract';

export const ROLES = ['rep', 'manager', 'trainer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Team {
  id: number;
  name: string;
  description: string;
  memberCount: number;
  managerId: number | null;
}

/** A person's name in other languages, by locale ("ru", "zh", …): the UI shows the one for its language, else `name`. */
export type LocalizedNames = Record<string, string>;
/** A locale code such as ru, zh or pt-BR. */
export const localeCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, { message: 'Invalid value' });
export const localizedNames = z.record(localeCode, text(120)).refine((r) => Object.keys(r).length <= 20, { message: 'Invalid value' });

export interface Person {
  id: number;
  name: string;
  names: LocalizedNames;
  email: string;
  teamId: number | null;
  teamName: string | null;
  roles: Role[];
  hiredAt: string | null;
  active: boolean;
  updatedAt: string;
}

export const personInput = z.object({
  name: requiredText(120),
  names: localizedNames.default({}),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(200, { message: 'Must be at most 200 characters' })
    .pipe(z.email({ message: 'Enter a valid e-mail address' })),
  teamId: id.nullable().default(null),
  roles: z.array(z.enum(ROLES)).min(1, { message: 'Choose at least one role' }).max(4),
  hiredAt: isoDate.nullable().default(null),
});
export type PersonInput = z.input<typeof personInput>;

export const teamInput = z.object({
  name: requiredText(80),
  description: text(500).default(''),
  managerId: id.nullable().default(null),
});

export interface RosterRowError {
  row: number;
  field: string;
  value: string;
  /** English text; `key` (under `rowErrors.`) and `params` give it in the UI language */
  message: string;
  key?: string;
  params?: Record<string, string | number>;
}

export interface RosterPreviewRow {
  row: number;
  email: string;
  name: string;
  names: LocalizedNames;
  team: string;
  roles: Role[];
  hiredAt: string | null;
  action: 'create' | 'update' | 'unchanged';
}

export interface RosterPreview {
  encoding: string;
  delimiter: string;
  columns: string[];
  rows: RosterPreviewRow[];
  errors: RosterRowError[];
  counts: { total: number; create: number; update: number; unchanged: number; invalid: number; newTeams: number };
}

export const rosterInput = z.object({
  /** The file's bytes as base64: rosters are small (a few hundred KB at most). */
  contentBase64: z.string().max(8_000_000, { message: 'The roster file is larger than 6 MB' }),
  fileName: text(260).default('roster.csv'),
});

export const peopleMethods = {
  'people.list': method(
    z.object({
      query: text(200).default(''),
      teamId: id.nullable().default(null),
      role: z.enum(ROLES).nullable().default(null),
      includeInactive: z.boolean().default(false),
      sort: z.enum(['name', 'team', 'hiredAt', 'updatedAt']).default('name'),
      ...pageInput,
    }),
    'signedIn',
  ).returns<Page<Person>>(),
  'people.get': method(z.object({ id }), 'signedIn').returns<Person>(),
  'people.create': method(personInput, ['admin'], WRITES).returns<Person>(),
  'people.update': method(z.object({ id, data: personInput }), ['admin'], WRITES).returns<Person>(),
  'people.setActive': method(z.object({ id, active: z.boolean() }), ['admin'], WRITES).returns<Person>(),
  'people.rosterPreview': method(rosterInput, ['admin']).returns<RosterPreview>(),
  'people.rosterImport': method(rosterInput, ['admin'], WRITES).returns<{
    created: number;
    updated: number;
    unchanged: number;
    skipped: number;
    teamsCreated: number;
  }>(),
  'teams.list': method(z.object({ includeEmpty: z.boolean().default(true) }), 'signedIn').returns<Team[]>(),
  'teams.create': method(teamInput, ['admin'], WRITES).returns<Team>(),
  'teams.update': method(z.object({ id, data: teamInput }), ['admin'], WRITES).returns<Team>(),
  'teams.remove': method(z.object({ id }), ['admin'], WRITES).returns<{ removed: boolean }>(),
};

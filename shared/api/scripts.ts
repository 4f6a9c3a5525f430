/**
 * Scripts: call flows (steps with branches), the shared objection bank,
 * revisions, import/export, live-call search and usage logging.
 */
import { z } from 'zod';
import { id, method, pageInput, requiredText, text, type Page, WRITES } from './contract';
import type { Segment } from '../search/text';

export const STAGES = ['opening', 'discovery', 'presentation', 'objection_handling', 'closing', 'follow_up'] as const;
export type Stage = (typeof STAGES)[number];
export const CHANNELS = ['phone', 'chat', 'email', 'messenger', 'in_person'] as const;
export const SEGMENTS = ['new', 'active', 'long_standing'] as const;
export const FUNNEL_STAGES = ['lead', 'qualification', 'proposal', 'negotiation', 'closing'] as const;
export const SCRIPT_LANGUAGES = ['en', 'ru', 'zh'] as const;
export type ScriptLanguage = (typeof SCRIPT_LANGUAGES)[number];

/** Talking points are bounded: a pasted megabyte is refused with a message naming the step. */
export const MAX_TALKING_POINTS = 20_000;
export const MAX_STEPS = 200;

export const scriptTagsInput = z.object({
  products: z.array(requiredText(60)).max(20).default([]),
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).default([]),
  funnelStages: z.array(z.enum(FUNNEL_STAGES)).max(FUNNEL_STAGES.length).default([]),
  segments: z.array(z.enum(SEGMENTS)).max(SEGMENTS.length).default([]),
});
export type ScriptTags = z.output<typeof scriptTagsInput>;

export const choiceInput = z.object({
  label: requiredText(200),
  /** Key of the step this answer leads to (null with no objection = end of call). */
  toStepKey: z.string().max(40).nullable().default(null),
  toObjectionId: id.nullable().default(null),
});
export type ChoiceData = z.output<typeof choiceInput>;

export const stepInput = z.object({
  /** Stable key inside the script (kept across saves, revisions and export), used by branch links. */
  key: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/, { message: 'Use letters, digits, - or _' }),
  stage: z.enum(STAGES),
  title: requiredText(200),
  talkingPointsMd: text(MAX_TALKING_POINTS).default(''),
  sayIt: text(4000).default(''),
  listenFor: text(2000).default(''),
  mustSay: z.array(requiredText(300)).max(20).default([]),
  choices: z.array(choiceInput).max(12).default([]),
});
export type StepData = z.output<typeof stepInput>;

export const scriptInput = z.object({
  title: requiredText(200),
  description: text(2000).default(''),
  language: z.enum(SCRIPT_LANGUAGES),
  tags: scriptTagsInput.default({ products: [], channels: [], funnelStages: [], segments: [] }),
  steps: z.array(stepInput).max(MAX_STEPS, { message: `A script can have at most ${MAX_STEPS} steps` }),
});
export type ScriptInput = z.input<typeof scriptInput>;
export type ScriptData = z.output<typeof scriptInput>;

export type ScriptStatus = 'draft' | 'published' | 'changed';

export interface ScriptSummary {
  id: number;
  title: string;
  language: ScriptLanguage;
  status: ScriptStatus;
  stepCount: number;
  tags: ScriptTags;
  updatedAt: string;
  updatedBy: string | null;
  pinned: boolean;
}

export interface StepView extends StepData {
  id: number;
}

export interface ScriptDetail {
  id: number;
  title: string;
  description: string;
  language: ScriptLanguage;
  tags: ScriptTags;
  status: ScriptStatus;
  /** Revision number of the current draft and of the published version (null: never published). */
  revision: number;
  publishedRevision: number | null;
  steps: StepView[];
  updatedAt: string;
  pinned: boolean;
  /** Objection cards the branches point to (id, text), for the outline. */
  objections: { id: number; objection: string }[];
}

export interface RevisionSummary {
  id: number;
  rev: number;
  kind: 'save' | 'publish' | 'restore' | 'import' | 'create';
  at: string;
  authorId: number | null;
  authorName: string | null;
  title: string;
  stepCount: number;
}

export interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

/** "What customers say": phrases that bring the card up in search and, live, when the customer says them. */
const triggerList = z.array(requiredText(200)).max(30, { message: 'At most 30 phrases per language' }).default([]);
export const triggersInput = z.object({ en: triggerList, ru: triggerList, zh: triggerList });
export type Triggers = z.output<typeof triggersInput>;
export const NO_TRIGGERS: Triggers = { en: [], ru: [], zh: [] };

export const objectionInput = z.object({
  objection: requiredText(500),
  responses: z
    .array(requiredText(4000))
    .min(1, { message: 'Write at least one response' })
    .max(3, { message: 'An objection card has at most 3 responses' }),
  tags: z.array(requiredText(40)).max(15).default([]),
  language: z.enum(SCRIPT_LANGUAGES),
  triggers: triggersInput.default({ en: [], ru: [], zh: [] }),
});
export type ObjectionInput = z.input<typeof objectionInput>;

export interface ObjectionCard {
  id: number;
  objection: string;
  responses: string[];
  tags: string[];
  language: ScriptLanguage;
  triggers: Triggers;
  usedInScripts: number;
  updatedAt: string;
}

export interface SearchHit {
  /** library: a library item (id = library item id); opens in a preview. */
  kind: 'step' | 'objection' | 'library';
  id: number;
  scriptId: number | null;
  scriptTitle: string | null;
  stepKey: string | null;
  title: Segment[];
  snippet: Segment[];
  /** Objection responses (for copy); empty for steps. */
  responses: string[];
  language: ScriptLanguage;
  score: number;
}

export interface UsageSummary {
  pinned: { id: number; title: string; language: ScriptLanguage }[];
  recent: { id: number; title: string; language: ScriptLanguage; at: string }[];
  published: { id: number; title: string; language: ScriptLanguage; stepCount: number }[];
}

export interface ImportResult {
  scripts: { id: number; title: string }[];
  objectionsCreated: number;
  objectionsReused: number;
}

export const usageInput = z.object({
  sessionKey: z.string().min(4).max(64),
  action: z.enum(['start', 'open_step', 'open_card', 'copy_response', 'choose']),
  scriptId: id.nullable().default(null),
  stepId: id.nullable().default(null),
  objectionId: id.nullable().default(null),
});

export const MAX_SYNONYM_GROUPS = 500;
export const synonymGroupInput = z
  .array(requiredText(100))
  .min(2, { message: 'A synonym group needs at least two entries' })
  .max(20, { message: 'At most 20 entries in one group' });
export type SynonymGroup = string[];

const languageFilter = z.enum(SCRIPT_LANGUAGES).nullable().default(null);

export const scriptsMethods = {
  'scripts.list': method(
    z.object({
      query: text(200).default(''),
      language: languageFilter,
      status: z.enum(['all', 'draft', 'published']).default('all'),
      ...pageInput,
    }),
    'signedIn',
  ).returns<Page<ScriptSummary>>(),
  /** view "published": what reps see (reps always get this). */
  'scripts.get': method(z.object({ id, view: z.enum(['draft', 'published']).default('draft') }), 'signedIn').returns<ScriptDetail>(),
  'scripts.create': method(scriptInput, ['manager', 'trainer'], WRITES).returns<ScriptDetail>(),
  'scripts.save': method(
    z.object({ id, data: scriptInput, expectedRevision: z.number().int().min(0).nullable().default(null) }),
    ['manager', 'trainer'],
    WRITES,
  ).returns<ScriptDetail>(),
  'scripts.publish': method(z.object({ id }), ['manager', 'trainer'], WRITES).returns<ScriptDetail>(),
  'scripts.unpublish': method(z.object({ id }), ['manager', 'trainer'], WRITES).returns<ScriptDetail>(),
  'scripts.remove': method(z.object({ id }), ['manager', 'trainer'], WRITES).returns<{ removed: boolean }>(),
  'scripts.revisions': method(z.object({ id }), ['manager', 'trainer']).returns<RevisionSummary[]>(),
  'scripts.diff': method(z.object({ id, fromRev: z.number().int().min(1), toRev: z.number().int().min(1) }), [
    'manager',
    'trainer',
  ]).returns<DiffPart[]>(),
  'scripts.restore': method(z.object({ id, rev: z.number().int().min(1) }), ['manager', 'trainer'], WRITES).returns<ScriptDetail>(),
  'scripts.exportMarkdown': method(z.object({ id }), 'signedIn').returns<{ fileName: string; text: string }>(),
  'scripts.exportLibrary': method(z.object({}), ['manager', 'trainer']).returns<{ fileName: string; text: string }>(),
  'scripts.import': method(
    z.object({
      fileName: text(260).default('import'),
      text: z.string().max(10_000_000, { message: 'The import file is larger than 10 MB' }),
    }),
    ['manager', 'trainer'],
    WRITES,
  ).returns<ImportResult>(),
  'scripts.search': method(
    z.object({
      query: text(200),
      language: languageFilter,
      kinds: z
        .array(z.enum(['step', 'objection', 'library']))
        .min(1)
        .default(['step', 'objection', 'library']),
      limit: z.number().int().min(1).max(50).default(20),
    }),
    'signedIn',
  ).returns<SearchHit[]>(),
  'scripts.pin': method(z.object({ id, pinned: z.boolean() }), 'signedIn', WRITES).returns<{ pinned: boolean }>(),
  'scripts.usage': method(z.object({}), 'signedIn').returns<UsageSummary>(),
  'scripts.logUsage': method(usageInput, 'signedIn').returns<{ logged: boolean }>(),
  'scripts.openLiveWindow': method(z.object({}), 'signedIn').returns<{ opened: boolean }>(),
  'scripts.objections.list': method(z.object({ query: text(200).default(''), language: languageFilter, ...pageInput }), 'signedIn').returns<
    Page<ObjectionCard>
  >(),
  'scripts.objections.get': method(z.object({ id }), 'signedIn').returns<ObjectionCard>(),
  'scripts.objections.create': method(objectionInput, ['manager', 'trainer'], WRITES).returns<ObjectionCard>(),
  'scripts.objections.update': method(z.object({ id, data: objectionInput }), ['manager', 'trainer'], WRITES).returns<ObjectionCard>(),
  'scripts.objections.remove': method(z.object({ id }), ['manager', 'trainer'], WRITES).returns<{ removed: boolean }>(),
  /** The workspace's search synonyms: groups of equivalent words or phrases, applied to every live search. */
  'scripts.synonyms.get': method(z.object({}), 'signedIn').returns<SynonymGroup[]>(),
  'scripts.synonyms.save': method(
    z.object({ groups: z.array(synonymGroupInput).max(MAX_SYNONYM_GROUPS, { message: `At most ${MAX_SYNONYM_GROUPS} synonym groups` }) }),
    ['manager', 'trainer', 'admin'],
    WRITES,
  ).returns<SynonymGroup[]>(),
};

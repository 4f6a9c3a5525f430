import { z } from 'zod';
import type { Actor } from './access';
import { id, method } from './contract';
import { ROLES, type Person, type Role } from './people';

export interface SessionInfo {
  /** solo: the local owner picks any person and role in the header; team: the signed-in person, switching among their own roles */
  mode: 'solo' | 'team';
  person: Person | null;
  /** the role whose home page is shown */
  role: Role;
  /** roles the header may switch between (every role in solo mode) */
  roles: Role[];
  /** Who is asking: roles and managed teams (the UI hides what they may not do; the server refuses anyway). */
  actor: Actor;
}

export interface UploadRef {
  id: string;
  name: string;
  size: number;
}

export const sessionMethods = {
  /** Who is using the app now (chosen in the header) and in which role. */
  'session.get': method(z.object({}), 'signedIn').returns<SessionInfo>(),
  'session.set': method(z.object({ personId: id.nullable(), role: z.enum(ROLES) }), 'signedIn').returns<SessionInfo>(),
  /** Electron only: native file picker; the chosen files are staged and returned as upload refs. */
  'files.pick': method(
    z.object({
      multiple: z.boolean().default(true),
      filters: z
        .array(z.object({ name: z.string().max(80), extensions: z.array(z.string().max(10)).max(40) }))
        .max(10)
        .default([]),
    }),
    'signedIn',
  ).returns<UploadRef[]>(),
};

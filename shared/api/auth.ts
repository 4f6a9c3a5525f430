/**
 * Team server accounts: sign-in, invitations, the owner's set-up, sessions and
 * the admin's Team settings. Secrets (passwords, tokens, codes) only ever
 * travel in inputs; results never echo them, except the one-time invitation
 * code to the admin who made it and a bearer token to a desktop client.
 */
import { z } from 'zod';
import { id, method, requiredText, WRITES } from './contract';
import type { LocalizedNames, Role } from './people';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;
export const INVITATION_DAYS = 7;
export const SESSION_LIMITS = { idleMinutes: { min: 5, max: 30 * 24 * 60 }, absoluteHours: { min: 1, max: 365 * 24 } } as const;

/** The actor of a request without a session (only `public` methods accept it). */
export { ANONYMOUS } from './access';

export interface AuthStatus {
  mode: 'solo' | 'team';
  signedIn: boolean;
  /** "Sign in with SSO" is offered */
  sso: boolean;
}

export interface SignedIn {
  personId: number;
  name: string;
  /** Only for `client: 'bearer'` (desktop/API clients); browsers get an HttpOnly cookie instead. */
  token?: string;
}

export interface SessionSettings {
  idleMinutes: number;
  absoluteHours: number;
}

export interface SessionRow {
  id: string;
  personId: number;
  kind: 'browser' | 'bearer';
  createdAt: string;
  lastSeenAt: string;
  userAgent: string;
  ip: string;
  current: boolean;
}

export interface InvitationRow {
  id: number;
  personId: number;
  name: string;
  email: string;
  createdAt: string;
  expiresAt: string;
}

export interface TeamAccount {
  personId: number;
  name: string;
  names: LocalizedNames;
  email: string;
  roles: Role[];
  hasPassword: boolean;
  locked: boolean;
  failures: number;
  sessions: number;
  lastSeenAt: string | null;
  pendingInvitation: boolean;
}

export interface TeamOverview {
  /** accounts exist: a team server can serve this workspace */
  enabled: boolean;
  accounts: TeamAccount[];
  invitations: InvitationRow[];
  settings: SessionSettings;
}

const secret = z.string().trim().min(1).max(100);
const password = z.string().min(1).max(1024);
const client = z.enum(['browser', 'bearer']).default('browser');
const email = z.string().trim().toLowerCase().min(1).max(200);

export const authMethods = {
  /** Solo or team, whether this request is signed in, whether SSO is offered. */
  'auth.status': method(z.object({}), 'public').returns<AuthStatus>(),
  'auth.signIn': method(z.object({ email, password, client }), 'public').returns<SignedIn>(),
  'auth.signOut': method(z.object({}), 'signedIn', WRITES).returns<null>(),
  /** Ends every session of the signed-in person, this one included. */
  'auth.signOutEverywhere': method(z.object({}), 'signedIn', WRITES).returns<{ revoked: number }>(),
  /** Ends the person's other sessions. */
  'auth.changePassword': method(z.object({ current: password, next: password }), 'signedIn', WRITES).returns<{ revoked: number }>(),
  /** Who an invitation is for (the acceptance screen), or a localized expired/used error. */
  'auth.invitation': method(z.object({ code: secret }), 'public').returns<{ name: string; email: string; expiresAt: string }>(),
  'auth.acceptInvitation': method(z.object({ code: secret, password, client }), 'public', WRITES).returns<SignedIn>(),
  /** The owner's one-time set-up link: the active people to choose from. */
  'auth.setupInfo': method(z.object({ code: secret }), 'public').returns<{ people: { id: number; name: string; email: string }[] }>(),
  /** Owner set-up: an existing person, or a new one (name + e-mail) on an empty workspace; becomes admin. */
  'auth.completeSetup': method(
    z.object({ code: secret, personId: id.nullable(), name: requiredText(120).optional(), email: email.optional(), password, client }),
    'public',
    WRITES,
  ).returns<SignedIn>(),

  'team.overview': method(z.object({}), ['admin']).returns<TeamOverview>(),
  /** Solo workspace → team workspace: the owner picks their person and sets a password. */
  'team.enable': method(z.object({ personId: id, password }), ['admin'], WRITES).returns<TeamOverview>(),
  /** A single-use code (7 days) for an active person; the code is shown once, only its hash is kept. */
  'team.invite': method(z.object({ personId: id }), ['admin'], WRITES).returns<{ id: number; code: string; expiresAt: string }>(),
  'team.revokeInvitation': method(z.object({ id }), ['admin'], WRITES).returns<null>(),
  'team.sessions': method(z.object({ personId: id }), ['admin']).returns<SessionRow[]>(),
  'team.revokeSession': method(z.object({ id: z.string().regex(/^[0-9a-f]{64}$/) }), ['admin'], WRITES).returns<null>(),
  'team.revokePersonSessions': method(z.object({ personId: id }), ['admin'], WRITES).returns<{ revoked: number }>(),
  'team.unlock': method(z.object({ personId: id }), ['admin'], WRITES).returns<null>(),
  'team.setSettings': method(
    z.object({
      idleMinutes: z.number().int().min(SESSION_LIMITS.idleMinutes.min).max(SESSION_LIMITS.idleMinutes.max),
      absoluteHours: z.number().int().min(SESSION_LIMITS.absoluteHours.min).max(SESSION_LIMITS.absoluteHours.max),
    }),
    ['admin'],
    WRITES,
  ).returns<SessionSettings>(),
};

/**
 * Who is asking. Every API call runs for one actor: in solo mode the local
 * owner (every role), on a team server the person behind the session. The
 * dispatcher checks each method's access policy against it; services scope
 * rows by it and never take "me" from the input.
 */
import type { Access } from './contract';
import type { Role } from './people';

export interface Actor {
  /** The signed-in person; null only for the solo owner before any person exists. */
  personId: number | null;
  /** Roles held (a person with several roles gets the union of their rights). */
  roles: Role[];
  /** Teams this person manages (managers see those teams' people, calls and insights). */
  managedTeamIds: number[];
  /** The person's own team, if any. */
  teamId: number | null;
  /** Solo desktop/loopback owner: every role, no sign-in. */
  owner: boolean;
  /** Opaque session id (hash) on a team server, for sign-out and audit. */
  sessionId?: string;
}

export const SOLO_OWNER: Actor = {
  personId: null,
  roles: ['rep', 'manager', 'trainer', 'admin'],
  managedTeamIds: [],
  teamId: null,
  owner: true,
};

/** Nobody signed in (a team server without a valid session): only public methods. */
export const ANONYMOUS: Actor = { personId: null, roles: [], managedTeamIds: [], teamId: null, owner: false };

export const hasRole = (a: Actor, ...roles: Role[]) => a.owner || roles.some((r) => a.roles.includes(r));

/**
 * Whether a method's policy lets this actor call it: the solo owner passes
 * everything; a method without a policy is refused for everyone else.
 */
export function allows(access: Access | undefined, actor: Actor): boolean {
  if (actor.owner) return true;
  if (access === undefined) return false;
  if (access === 'public') return true;
  if (access === 'signedIn') return actor.personId !== null;
  return access.some((r) => actor.roles.includes(r));
}

/**
 * `can(actor, method)`: the policy table read by the UI to hide what a person
 * may not do. The server enforces the same table in `dispatch`.
 */
import { contract, type MethodName } from './index';
import { allows, type Actor } from './access';
import type { Role } from './people';

/** An actor, or just a list of roles (a signed-in person who is not the solo owner). */
export type Who = Actor | { roles: readonly Role[] };

const asActor = (w: Who): Actor =>
  'owner' in w ? w : { personId: 0, roles: [...w.roles], managedTeamIds: [], teamId: null, owner: false };

export function can(who: Who, method: MethodName): boolean {
  return allows(contract[method].access, asActor(who));
}

/** Methods that change stored data (audited after each success). */
export function writes(method: MethodName, input: unknown): boolean {
  const w = contract[method].writes as true | ((i: unknown) => boolean) | undefined;
  return w === undefined ? false : w === true ? true : w(input);
}

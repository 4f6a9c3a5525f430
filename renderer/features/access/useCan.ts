/**
 * `useCan()(method)`: whether the current person may call a method, from the
 * same policy table the server enforces, so the UI hides what they may not do.
 * The solo owner may do everything; their header's "rep" view shows what a rep
 * would see (as scripts and the library already do).
 */
import { useCallback } from 'react';
import type { MethodName } from '../../../shared/api';
import { can } from '../../../shared/api/can';
import { useSession } from '../../app/session';

export function useCan(): (method: MethodName) => boolean {
  const { session } = useSession();
  const actor = session?.actor;
  const role = session?.role;
  return useCallback(
    (method: MethodName) => {
      if (!actor) return false;
      if (actor.owner) return role === 'rep' ? can({ roles: ['rep'] }, method) : true;
      return can(actor, method);
    },
    [actor, role],
  );
}

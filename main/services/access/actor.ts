/** Builds the actor for a signed-in person from People (roles, own team, managed teams). */
import type { Actor } from '../../../shared/api/access';
import type { Role } from '../../../shared/api/people';
import type { DB } from '../../db/open';

/** The actor for an active person, or null when the person is missing or deactivated (their session is then void). */
export function actorFor(db: DB, personId: number, sessionId?: string): Actor | null {
  const p = db.prepare('SELECT id, team_id AS teamId FROM people WHERE id = ? AND active = 1').get(personId) as
    { id: number; teamId: number | null } | undefined;
  if (!p) return null;
  const roles = (db.prepare('SELECT role FROM person_roles WHERE person_id = ? ORDER BY role').all(personId) as { role: Role }[]).map(
    (r) => r.role,
  );
  const managedTeamIds = (db.prepare('SELECT id FROM teams WHERE manager_id = ? ORDER BY id').all(personId) as { id: number }[]).map(
    (r) => r.id,
  );
  return { personId: p.id, roles, managedTeamIds, teamId: p.teamId, owner: false, ...(sessionId ? { sessionId } : {}) };
}

/**
 * Row scoping by the actor, as SQL conditions the services add to their
 * queries (lists are filtered in SQL) and single-record checks that refuse
 * someone else's record. The solo owner sees everything.
 *
 * - own rows: everyone sees rows about themselves;
 * - managers: rows about people of the teams they manage, plus calls given
 *   to them in a calibration session;
 * - some areas are open to a whole role (trainers read all competence and
 *   training; admins and trainers see all people).
 */
import { AppError } from '../../../shared/api/contract';
import type { Actor } from '../../../shared/api/access';
import type { Role } from '../../../shared/api/people';
import type { DB } from '../../db/open';

export type Area = 'calls' | 'people' | 'competence' | 'training';

const SEES_ALL: Record<Area, Role[]> = { calls: [], people: ['admin', 'trainer'], competence: ['trainer'], training: ['trainer'] };

export interface Cond {
  sql: string;
  params: number[];
}

export const seesAll = (a: Actor, area: Area) => a.owner || SEES_ALL[area].some((r) => a.roles.includes(r));
const manages = (a: Actor) => a.roles.includes('manager') && a.managedTeamIds.length > 0;
const qs = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** A condition on a person-id column (`col`): own rows, managed teams' people, or all. */
export function personScope(a: Actor, area: Area, col: string): Cond {
  if (seesAll(a, area)) return { sql: '1', params: [] };
  const parts = [`${col} = ?`];
  const params = [a.personId ?? -1];
  if (manages(a)) {
    parts.push(`${col} IN (SELECT id FROM people WHERE team_id IN (${qs(a.managedTeamIds.length)}))`);
    params.push(...a.managedTeamIds);
  }
  // managers pick fellow managers, trainers and admins (calibration graders, owners of content)
  if (area === 'people' && a.roles.includes('manager')) parts.push(`${col} IN (SELECT person_id FROM person_roles WHERE role <> 'rep')`);
  return { sql: `(${parts.join(' OR ')})`, params };
}

/** Calls: the rep's own, the managed teams' calls, and calls in calibration sessions the actor grades. */
export function callScope(a: Actor, alias = 'c'): Cond {
  if (seesAll(a, 'calls')) return { sql: '1', params: [] };
  const p = personScope(a, 'calls', `${alias}.rep_id`);
  if (!a.roles.includes('manager')) return p;
  return {
    sql: `(${p.sql} OR ${alias}.id IN (SELECT cc.call_id FROM calibration_calls cc JOIN calibration_graders g ON g.session_id = cc.session_id WHERE g.grader_id = ?))`,
    params: [...p.params, a.personId ?? -1],
  };
}

/**
 * Evaluations: a rep sees the submitted, non-calibration evaluations of their
 * own calls; a manager those of their teams, their own, and their calibration
 * sessions' (blindness is checked on opening one).
 */
export function evaluationScope(a: Actor, alias = 'e'): Cond {
  if (seesAll(a, 'calls')) return { sql: '1', params: [] };
  const me = a.personId ?? -1;
  const parts = [`${alias}.grader_id = ?`, `(${alias}.rep_id = ? AND ${alias}.status = 'submitted' AND ${alias}.calibration_id IS NULL)`];
  const params = [me, me];
  if (manages(a)) {
    parts.push(
      `(${alias}.rep_id IN (SELECT id FROM people WHERE team_id IN (${qs(a.managedTeamIds.length)})) AND ${alias}.calibration_id IS NULL)`,
    );
    params.push(...a.managedTeamIds);
  }
  if (a.roles.includes('manager')) {
    parts.push(`${alias}.calibration_id IN (SELECT session_id FROM calibration_graders WHERE grader_id = ?)`);
    params.push(me);
  }
  return { sql: `(${parts.join(' OR ')})`, params };
}

/** Adds a scope to a WHERE list (`where`/`params` as the services build them). */
export function addScope(where: string[], params: unknown[], c: Cond) {
  if (c.sql === '1') return;
  where.push(c.sql);
  params.push(...c.params);
}

// ---- single records --------------------------------------------------------

const CALL_DENIED = () => new AppError('forbidden', "You don't have access to this call.", undefined, { key: 'access.callForbidden' });
const EVAL_DENIED = () =>
  new AppError('forbidden', "You don't have access to this evaluation.", undefined, { key: 'access.evaluationForbidden' });
const PERSON_DENIED = () =>
  new AppError('forbidden', "You don't have access to this person's records.", undefined, { key: 'access.personForbidden' });
const RECORD_DENIED = () =>
  new AppError('forbidden', "You don't have access to this record.", undefined, { key: 'access.recordForbidden' });

/** Refuses a call the actor may not see (a missing call is left to the service's not-found). */
export function assertCallVisible(db: DB, a: Actor, callId: number) {
  if (seesAll(a, 'calls')) return;
  const s = callScope(a, 'c');
  const r = db.prepare(`SELECT ${s.sql} AS ok FROM calls c WHERE c.id = ?`).get(...s.params, callId) as { ok: number } | undefined;
  if (r && !r.ok) throw CALL_DENIED();
}

export function assertEvaluationVisible(db: DB, a: Actor, evaluationId: number) {
  if (seesAll(a, 'calls')) return;
  const s = evaluationScope(a, 'e');
  const r = db.prepare(`SELECT ${s.sql} AS ok FROM evaluations e WHERE e.id = ?`).get(...s.params, evaluationId) as
    { ok: number } | undefined;
  if (r && !r.ok) throw EVAL_DENIED();
}

export function assertPersonVisible(db: DB, a: Actor, area: Area, personId: number) {
  if (!personVisible(db, a, area, personId)) throw PERSON_DENIED();
}

/** A record that belongs to one person (a coaching note, a dispute, a certificate): refused unless that person is visible. */
export function assertOwnedRowVisible(
  db: DB,
  a: Actor,
  area: Area,
  table: 'coaching_notes' | 'evaluation_feedback' | 'course_completions' | 'call_comments',
  id: number,
) {
  if (seesAll(a, area)) return;
  const col = { coaching_notes: 'rep_id', evaluation_feedback: 'rep_id', course_completions: 'person_id', call_comments: 'call_id' }[table];
  const r = db.prepare(`SELECT ${col} AS v FROM ${table} WHERE id = ?`).get(id) as { v: number } | undefined;
  if (!r) return;
  if (table === 'call_comments') return assertCallVisible(db, a, r.v);
  if (!personVisible(db, a, area, r.v)) throw RECORD_DENIED();
}

function personVisible(db: DB, a: Actor, area: Area, personId: number): boolean {
  if (seesAll(a, area)) return true;
  const s = personScope(a, area, 'p.id');
  const r = db.prepare(`SELECT ${s.sql} AS ok FROM people p WHERE p.id = ?`).get(...s.params, personId) as { ok: number } | undefined;
  return !r || !!r.ok;
}

/** The person an insights/competence/training request is about, for a non-owner, must be visible. */
export function personIdsScope(db: DB, a: Actor, area: Area): number[] | null {
  if (seesAll(a, area)) return null;
  const s = personScope(a, area, 'p.id');
  return (db.prepare(`SELECT p.id FROM people p WHERE ${s.sql}`).all(...s.params) as { id: number }[]).map((r) => r.id);
}

/** Team filters (queue, dashboards, insights): a non-owner may name only a team they manage, unless the area is open to their role. */
export function assertTeamVisible(a: Actor, area: Area, teamId: number | null) {
  if (teamId === null || seesAll(a, area) || a.managedTeamIds.includes(teamId)) return;
  throw new AppError('forbidden', "You don't have access to this team.", 'teamId', { key: 'access.teamForbidden' });
}

/** Library readers (reps) never open an expired item or its versions. */
export function assertLibraryReadable(db: DB, q: { itemId?: number; versionId?: number }) {
  const r = (
    q.itemId !== undefined
      ? db.prepare('SELECT valid_until AS v FROM library_items WHERE id = ?').get(q.itemId)
      : db
          .prepare('SELECT i.valid_until AS v FROM library_versions x JOIN library_items i ON i.id = x.item_id WHERE x.id = ?')
          .get(q.versionId)
  ) as { v: string | null } | undefined;
  if (r?.v && r.v < new Date().toISOString().slice(0, 10)) {
    throw new AppError('forbidden', 'This item has expired and is no longer available to reps.', undefined, {
      key: 'library.expiredForReps',
    });
  }
}

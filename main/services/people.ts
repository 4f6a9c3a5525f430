/** People and teams: the roster every other feature refers to. People are deactivated, never deleted. */
import { z } from 'zod';
import { AppError, type Page } from '../../shared/api/contract';
import { ROLES, personInput, teamInput, type LocalizedNames, type Person, type Role, type Team } from '../../shared/api/people';
import { fold } from '../../shared/search/text';
import type { DB } from '../db/open';
import { addScope, type Cond } from './access/scope';
import { audit } from './audit';
import { revokePersonSessions } from './accounts/sessions';
import { namesColumn, parseNames, writeNames } from './personNames';

type PersonData = z.output<typeof personInput>;
type TeamData = z.output<typeof teamInput>;

interface PersonRow {
  id: number;
  name: string;
  names: string;
  email: string;
  team_id: number | null;
  team_name: string | null;
  roles: string | null;
  hired_at: string | null;
  active: number;
  updated_at: string;
}

const PERSON_SELECT = `
  SELECT p.id, p.name, ${namesColumn('p')} AS names, p.email, p.team_id, t.name AS team_name, p.hired_at, p.active, p.updated_at,
         (SELECT group_concat(role) FROM person_roles r WHERE r.person_id = p.id) AS roles
  FROM people p LEFT JOIN teams t ON t.id = p.team_id`;

const roleOrder = (r: string) => ROLES.indexOf(r as Role);

function toPerson(r: PersonRow): Person {
  return {
    id: r.id,
    name: r.name,
    names: parseNames(r.names),
    email: r.email,
    teamId: r.team_id,
    teamName: r.team_name,
    roles: (r.roles ? r.roles.split(',') : []).sort((a, b) => roleOrder(a) - roleOrder(b)) as Role[],
    hiredAt: r.hired_at,
    active: r.active === 1,
    updatedAt: r.updated_at,
  };
}

export const personSearchText = (p: { name: string; names: LocalizedNames; email: string }) =>
  fold([p.name, ...Object.values(p.names), p.email].join(' \u0001 '));

/** Escapes LIKE wildcards in user text. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

export interface ListPeopleInput {
  query: string;
  teamId: number | null;
  role: Role | null;
  includeInactive: boolean;
  sort: 'name' | 'team' | 'hiredAt' | 'updatedAt';
  offset: number;
  limit: number;
}

const SORTS: Record<ListPeopleInput['sort'], string> = {
  name: 'p.name COLLATE NOCASE, p.id',
  team: 't.name COLLATE NOCASE, p.name COLLATE NOCASE, p.id',
  hiredAt: 'p.hired_at DESC, p.id',
  updatedAt: 'p.updated_at DESC, p.id',
};

export function listPeople(db: DB, input: ListPeopleInput, scope?: Cond): Page<Person> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (scope) addScope(where, params, scope);
  if (!input.includeInactive) where.push('p.active = 1');
  if (input.teamId != null) {
    where.push('p.team_id = ?');
    params.push(input.teamId);
  }
  if (input.role) {
    where.push('EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = p.id AND r.role = ?)');
    params.push(input.role);
  }
  for (const word of fold(input.query).split(/\s+/).filter(Boolean).slice(0, 6)) {
    where.push("p.search_text LIKE ? ESCAPE '\\'");
    params.push(`%${likeEscape(word)}%`);
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM people p ${w}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(`${PERSON_SELECT} ${w} ORDER BY ${SORTS[input.sort]} LIMIT ? OFFSET ?`)
    .all(...params, input.limit, input.offset) as PersonRow[];
  return { rows: rows.map(toPerson), total, offset: input.offset, limit: input.limit };
}

export function getPerson(db: DB, id: number): Person {
  const row = db.prepare(`${PERSON_SELECT} WHERE p.id = ?`).get(id) as PersonRow | undefined;
  if (!row) throw new AppError('not_found', `Person #${id} does not exist.`, undefined, { key: 'people.personNotFound', params: { id } });
  return toPerson(row);
}

export function findPersonByEmail(db: DB, email: string): Person | null {
  const row = db.prepare(`${PERSON_SELECT} WHERE p.email = ?`).get(email.trim().toLowerCase()) as PersonRow | undefined;
  return row ? toPerson(row) : null;
}

function assertTeam(db: DB, teamId: number | null) {
  if (teamId != null && !db.prepare('SELECT 1 FROM teams WHERE id = ?').get(teamId)) {
    throw new AppError('invalid_input', 'This team does not exist.', 'teamId', { key: 'people.teamMissing' });
  }
}

function assertEmailFree(db: DB, email: string, exceptId: number | null) {
  const other = db.prepare('SELECT id, name FROM people WHERE email = ?').get(email) as { id: number; name: string } | undefined;
  if (other && other.id !== exceptId) {
    throw new AppError('conflict', `${other.name} already uses this e-mail address.`, 'email', {
      key: 'people.emailTaken',
      params: { name: other.name },
    });
  }
}

function writeRoles(db: DB, personId: number, roles: Role[]) {
  db.prepare('DELETE FROM person_roles WHERE person_id = ?').run(personId);
  const ins = db.prepare('INSERT INTO person_roles(person_id, role) VALUES (?, ?)');
  for (const r of new Set(roles)) ins.run(personId, r);
}

export function createPerson(db: DB, data: PersonData, actorId: number | null = null): Person {
  return db.transaction(() => {
    assertTeam(db, data.teamId);
    assertEmailFree(db, data.email, null);
    const { lastInsertRowid } = db
      .prepare(`INSERT INTO people(name, email, team_id, hired_at, search_text) VALUES (?, ?, ?, ?, ?)`)
      .run(data.name, data.email, data.teamId, data.hiredAt, personSearchText(data));
    const id = Number(lastInsertRowid);
    writeNames(db, id, data.names);
    writeRoles(db, id, data.roles);
    audit(db, actorId, 'person', id, 'create', { email: data.email });
    return getPerson(db, id);
  })();
}

export function updatePerson(db: DB, id: number, data: PersonData, actorId: number | null = null): Person {
  return db.transaction(() => {
    getPerson(db, id);
    assertTeam(db, data.teamId);
    assertEmailFree(db, data.email, id);
    db.prepare(
      `UPDATE people SET name = ?, email = ?, team_id = ?, hired_at = ?, search_text = ?,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`,
    ).run(data.name, data.email, data.teamId, data.hiredAt, personSearchText(data), id);
    writeNames(db, id, data.names);
    writeRoles(db, id, data.roles);
    audit(db, actorId, 'person', id, 'update', {});
    return getPerson(db, id);
  })();
}

export function setPersonActive(db: DB, id: number, active: boolean, actorId: number | null = null): Person {
  return db.transaction(() => {
    getPerson(db, id);
    db.prepare(`UPDATE people SET active = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`).run(active ? 1 : 0, id);
    // a deactivated person's sessions end at once (their next request gets 401)
    if (!active) revokePersonSessions(db, id);
    audit(db, actorId, 'person', id, active ? 'reactivate' : 'deactivate', {});
    return getPerson(db, id);
  })();
}

/* ---------- teams ---------- */

const teamKey = (name: string) => fold(name.trim()).replace(/\s+/g, ' ');

export function listTeams(db: DB, includeEmpty = true): Team[] {
  const rows = db
    .prepare(
      `SELECT t.id, t.name, t.description, t.manager_id AS managerId,
              (SELECT count(*) FROM people p WHERE p.team_id = t.id AND p.active = 1) AS memberCount
       FROM teams t ORDER BY t.name COLLATE NOCASE`,
    )
    .all() as Team[];
  return includeEmpty ? rows : rows.filter((t) => t.memberCount > 0);
}

export function getTeam(db: DB, id: number): Team {
  const t = listTeams(db).find((x) => x.id === id);
  if (!t) throw new AppError('not_found', `Team #${id} does not exist.`, undefined, { key: 'people.teamNotFound', params: { id } });
  return t;
}

function assertTeamNameFree(db: DB, name: string, exceptId: number | null) {
  const other = db.prepare('SELECT id FROM teams WHERE name_key = ?').get(teamKey(name)) as { id: number } | undefined;
  if (other && other.id !== exceptId)
    throw new AppError('conflict', `A team named "${name}" already exists.`, 'name', { key: 'people.teamNameTaken', params: { name } });
}

export function createTeam(db: DB, data: TeamData, actorId: number | null = null): Team {
  return db.transaction(() => {
    assertTeamNameFree(db, data.name, null);
    const { lastInsertRowid } = db
      .prepare('INSERT INTO teams(name, name_key, description, manager_id) VALUES (?, ?, ?, ?)')
      .run(data.name, teamKey(data.name), data.description, data.managerId);
    audit(db, actorId, 'team', Number(lastInsertRowid), 'create', { name: data.name });
    return getTeam(db, Number(lastInsertRowid));
  })();
}

export function updateTeam(db: DB, id: number, data: TeamData, actorId: number | null = null): Team {
  return db.transaction(() => {
    getTeam(db, id);
    assertTeamNameFree(db, data.name, id);
    db.prepare('UPDATE teams SET name = ?, name_key = ?, description = ?, manager_id = ? WHERE id = ?').run(
      data.name,
      teamKey(data.name),
      data.description,
      data.managerId,
      id,
    );
    audit(db, actorId, 'team', id, 'update', {});
    return getTeam(db, id);
  })();
}

/** A team can be removed only when nobody (active or not) belongs to it, so history keeps its team. */
export function removeTeam(db: DB, id: number, actorId: number | null = null): { removed: boolean } {
  return db.transaction(() => {
    const t = getTeam(db, id);
    const members = (db.prepare('SELECT count(*) AS n FROM people WHERE team_id = ?').get(id) as { n: number }).n;
    if (members > 0)
      throw new AppError(
        'conflict',
        `Team "${t.name}" still has ${members} member${members === 1 ? '' : 's'}. Move them to another team first.`,
        undefined,
        {
          key: 'people.teamHasMembers',
          params: { team: t.name, count: members },
        },
      );
    db.prepare('DELETE FROM teams WHERE id = ?').run(id);
    audit(db, actorId, 'team', id, 'remove', { name: t.name });
    return { removed: true };
  })();
}

export function teamIdByName(db: DB, name: string): number | null {
  const r = db.prepare('SELECT id FROM teams WHERE name_key = ?').get(teamKey(name)) as { id: number } | undefined;
  return r?.id ?? null;
}
export { teamKey };

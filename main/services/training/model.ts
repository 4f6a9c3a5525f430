/** The competency model: competencies with five level descriptors, job roles with targets, manager assessments. */
import { z } from 'zod';
import { AppError } from '../../../shared/api/contract';
import type { Assessment, Competency, CompetencyModel, competencyInput, LocalizedText } from '../../../shared/api/training';
import { fold } from '../../../shared/search/text';
import type { DB } from '../../db/open';
import { audit } from '../audit';
import { catalogNamesColumn, parseNames, writeCatalogNames } from '../catalogNames';
import { DEFAULT_JOB_ROLES, DEFAULT_LEVELS } from './defaults';
import { invalidateCompetence } from './competence';

type CompetencyData = z.output<typeof competencyInput>;

/** Adds default level descriptors and job roles the first time the model is read (competencies are seeded by the foundation). */
export function ensureCompetencyModel(db: DB) {
  const missing = db
    .prepare('SELECT c.id, c.key FROM competencies c WHERE NOT EXISTS (SELECT 1 FROM competency_levels l WHERE l.competency_id = c.id)')
    .all() as { id: number; key: string }[];
  const hasRoles = db.prepare('SELECT 1 FROM job_roles LIMIT 1').get();
  if (!missing.length && hasRoles) return;
  db.transaction(() => {
    for (const c of missing) {
      const levels = DEFAULT_LEVELS[c.key];
      writeLevelTexts(
        db,
        c.id,
        Array.from({ length: 5 }, (_, i) => {
          const [en, ru, zh] = levels?.[i] ?? ['', '', ''];
          return { en, ru, zh };
        }),
      );
    }
    if (!hasRoles) {
      const comp = new Map(
        (db.prepare('SELECT id, key FROM competencies').all() as { id: number; key: string }[]).map((r) => [r.key, r.id]),
      );
      const insRole = db.prepare('INSERT INTO job_roles(key, name, sort) VALUES (?, ?, ?)');
      const insT = db.prepare('INSERT INTO role_targets(job_role_id, competency_id, level) VALUES (?, ?, ?)');
      DEFAULT_JOB_ROLES.forEach((r, i) => {
        const id = Number(insRole.run(r.key, r.en, i).lastInsertRowid);
        writeCatalogNames(db, 'jobRole', id, { ru: r.ru, zh: r.zh });
        for (const [k, lvl] of Object.entries(r.targets)) if (comp.has(k)) insT.run(id, comp.get(k), lvl);
      });
    }
  })();
}

interface CompRow {
  id: number;
  key: string;
  name: string;
  /** JSON of the localized names (catalogNamesColumn) */
  names: string;
  /** JSON of the description per locale */
  description: string;
  archived: number;
}

// Texts per locale come as one JSON object per row (competency_descriptions, competency_level_texts: migration 015).
const COMP_SELECT = `SELECT c.id, c.key, c.name, c.archived, ${catalogNamesColumn('competency', 'c')} AS names,
  (SELECT coalesce(json_group_object(locale, text), '{}') FROM competency_descriptions d WHERE d.competency_id = c.id) AS description
  FROM competencies c`;

const noLevels = (): LocalizedText[] => Array.from({ length: 5 }, () => ({}));

/** Every competency's five level descriptors (or one competency's), in one statement. */
function levelsOf(db: DB, competencyId: number | null = null) {
  const map = new Map<number, LocalizedText[]>();
  for (const r of db
    .prepare(
      `SELECT l.competency_id, l.level,
         (SELECT coalesce(json_group_object(locale, text), '{}') FROM competency_level_texts t
          WHERE t.competency_id = l.competency_id AND t.level = l.level) AS texts
       FROM competency_levels l WHERE ? IS NULL OR l.competency_id = ? ORDER BY l.competency_id, l.level`,
    )
    .all(competencyId, competencyId) as { competency_id: number; level: number; texts: string }[]) {
    if (!map.has(r.competency_id)) map.set(r.competency_id, noLevels());
    map.get(r.competency_id)![r.level - 1] = parseNames(r.texts);
  }
  return map;
}

function toCompetency(r: CompRow, levels: Map<number, LocalizedText[]>): Competency {
  return {
    id: r.id,
    key: r.key,
    name: r.name,
    names: parseNames(r.names),
    description: parseNames(r.description),
    levels: levels.get(r.id) ?? noLevels(),
    archived: r.archived === 1,
  };
}

/** Replaces a competency's description per locale; empty texts are removed (English shows instead). */
function writeDescription(db: DB, id: number, texts: LocalizedText) {
  db.prepare('DELETE FROM competency_descriptions WHERE competency_id = ?').run(id);
  const ins = db.prepare('INSERT INTO competency_descriptions(competency_id, locale, text) VALUES (?, ?, ?)');
  for (const [locale, text] of Object.entries(texts)) if (text.trim()) ins.run(id, locale, text.trim());
}

/** Makes the five levels exist and replaces their texts per locale (empty texts removed). */
function writeLevelTexts(db: DB, id: number, levels: LocalizedText[]) {
  const level = db.prepare('INSERT OR IGNORE INTO competency_levels(competency_id, level) VALUES (?, ?)');
  const clear = db.prepare('DELETE FROM competency_level_texts WHERE competency_id = ? AND level = ?');
  const ins = db.prepare('INSERT INTO competency_level_texts(competency_id, level, locale, text) VALUES (?, ?, ?, ?)');
  levels.forEach((texts, i) => {
    level.run(id, i + 1);
    clear.run(id, i + 1);
    for (const [locale, text] of Object.entries(texts)) if (text.trim()) ins.run(id, i + 1, locale, text.trim());
  });
}

export function getModel(db: DB, includeArchived = false): CompetencyModel {
  ensureCompetencyModel(db);
  const levels = levelsOf(db);
  const comps = (
    db.prepare(`${COMP_SELECT} ${includeArchived ? '' : 'WHERE c.archived = 0'} ORDER BY c.sort, c.id`).all() as CompRow[]
  ).map((r) => toCompetency(r, levels));
  const jobRoles = (
    db
      .prepare(
        `SELECT r.id, r.key, r.name, ${catalogNamesColumn('jobRole', 'r')} AS names,
           (SELECT count(*) FROM job_role_members m JOIN people p ON p.id = m.person_id AND p.active = 1 WHERE m.job_role_id = r.id) AS n
         FROM job_roles r ORDER BY r.sort, r.id`,
      )
      .all() as { id: number; key: string; name: string; names: string; n: number }[]
  ).map((r) => ({ id: r.id, key: r.key, name: r.name, names: parseNames(r.names), memberCount: r.n }));
  const targets: Record<string, number> = {};
  for (const t of db.prepare('SELECT job_role_id, competency_id, level FROM role_targets').all() as {
    job_role_id: number;
    competency_id: number;
    level: number;
  }[])
    targets[`${t.job_role_id}:${t.competency_id}`] = t.level;
  return { competencies: comps, jobRoles, targets };
}

export function getCompetency(db: DB, id: number): Competency {
  const r = db.prepare(`${COMP_SELECT} WHERE c.id = ?`).get(id) as CompRow | undefined;
  if (!r)
    throw new AppError('not_found', `Competency #${id} does not exist.`, undefined, { key: 'training.competencyNotFound', params: { id } });
  return toCompetency(r, levelsOf(db, id));
}

function assertNameFree(db: DB, name: string, exceptId: number | null) {
  const rows = db.prepare('SELECT id, name FROM competencies').all() as { id: number; name: string }[];
  const clash = rows.find((r) => r.id !== exceptId && fold(r.name) === fold(name));
  if (clash)
    throw new AppError('conflict', `A competency named "${name}" already exists.`, 'name', {
      key: 'training.competencyNameTaken',
      params: { name },
    });
}

export function createCompetency(db: DB, data: CompetencyData, actorId: number | null): Competency {
  return db.transaction(() => {
    assertNameFree(db, data.name, null);
    const key =
      fold(data.name)
        .replace(/[^\p{L}\p{N}]+/gu, '_')
        .slice(0, 40) +
      '_' +
      Date.now().toString(36);
    const sort = (db.prepare('SELECT coalesce(max(sort), 0) + 1 AS s FROM competencies').get() as { s: number }).s;
    const id = Number(db.prepare('INSERT INTO competencies(key, name, sort) VALUES (?, ?, ?)').run(key, data.name, sort).lastInsertRowid);
    writeCatalogNames(db, 'competency', id, data.names);
    writeDescription(db, id, data.description);
    writeLevelTexts(db, id, data.levels);
    audit(db, actorId, 'competency', id, 'create', { name: data.name });
    return getCompetency(db, id);
  })();
}

export function updateCompetency(db: DB, id: number, data: CompetencyData, actorId: number | null): Competency {
  return db.transaction(() => {
    getCompetency(db, id);
    assertNameFree(db, data.name, id);
    db.prepare('UPDATE competencies SET name = ? WHERE id = ?').run(data.name, id);
    writeCatalogNames(db, 'competency', id, data.names);
    writeDescription(db, id, data.description);
    writeLevelTexts(db, id, data.levels);
    audit(db, actorId, 'competency', id, 'update', {});
    return getCompetency(db, id);
  })();
}

export function setCompetencyArchived(db: DB, id: number, archived: boolean, actorId: number | null): Competency {
  return db.transaction(() => {
    getCompetency(db, id);
    db.prepare('UPDATE competencies SET archived = ? WHERE id = ?').run(archived ? 1 : 0, id);
    audit(db, actorId, 'competency', id, archived ? 'archive' : 'restore', {});
    return getCompetency(db, id);
  })();
}

export function setTarget(db: DB, jobRoleId: number, competencyId: number, level: number | null, actorId: number | null): CompetencyModel {
  db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM job_roles WHERE id = ?').get(jobRoleId))
      throw new AppError('not_found', 'This job role does not exist.', 'jobRoleId', { key: 'training.jobRoleNotFound' });
    getCompetency(db, competencyId);
    if (level == null) db.prepare('DELETE FROM role_targets WHERE job_role_id = ? AND competency_id = ?').run(jobRoleId, competencyId);
    else
      db.prepare(
        'INSERT INTO role_targets(job_role_id, competency_id, level) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET level = excluded.level',
      ).run(jobRoleId, competencyId, level);
    audit(db, actorId, 'role_target', jobRoleId, 'set', { competencyId, level });
  })();
  return getModel(db);
}

export function setJobRole(db: DB, personId: number, jobRoleId: number | null) {
  if (jobRoleId == null) db.prepare('DELETE FROM job_role_members WHERE person_id = ?').run(personId);
  else
    db.prepare(
      'INSERT INTO job_role_members(person_id, job_role_id) VALUES (?, ?) ON CONFLICT DO UPDATE SET job_role_id = excluded.job_role_id',
    ).run(personId, jobRoleId);
  return { ok: true as const };
}

export function jobRoleOf(db: DB, personId: number): number | null {
  const r = db.prepare('SELECT job_role_id FROM job_role_members WHERE person_id = ?').get(personId) as { job_role_id: number } | undefined;
  if (r) return r.job_role_id;
  const def = db.prepare("SELECT id FROM job_roles WHERE key = 'rep'").get() as { id: number } | undefined;
  return def?.id ?? null;
}

const ASSESS_SELECT = `SELECT a.id, a.rep_id AS repId, a.competency_id AS competencyId, a.level, a.note, a.assessed_at AS assessedAt,
  a.assessor_id AS assessorId, p.name AS assessorName FROM competency_assessments a LEFT JOIN people p ON p.id = a.assessor_id`;

export function assess(
  db: DB,
  input: { repId: number; competencyId: number; level: number; note: string; date: string },
  actorId: number | null,
): Assessment {
  return db.transaction(() => {
    const rep = db.prepare('SELECT active FROM people WHERE id = ?').get(input.repId) as { active: number } | undefined;
    if (!rep)
      throw new AppError('not_found', `Person #${input.repId} does not exist.`, 'repId', {
        key: 'training.personNotFound',
        params: { id: input.repId },
      });
    getCompetency(db, input.competencyId);
    if (input.date > new Date(Date.now() + 86_400_000).toISOString().slice(0, 10))
      throw new AppError('invalid_input', 'An assessment cannot be dated in the future.', 'date', { key: 'training.assessmentInFuture' });
    const id = Number(
      db
        .prepare(
          'INSERT INTO competency_assessments(rep_id, competency_id, level, note, assessed_at, assessor_id) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(input.repId, input.competencyId, input.level, input.note, input.date, actorId).lastInsertRowid,
    );
    audit(db, actorId, 'assessment', id, 'create', { repId: input.repId, competencyId: input.competencyId, level: input.level });
    invalidateCompetence(db, input.repId);
    return db.prepare(`${ASSESS_SELECT} WHERE a.id = ?`).get(id) as Assessment;
  })();
}

export function listAssessments(db: DB, repId: number): Assessment[] {
  return db.prepare(`${ASSESS_SELECT} WHERE a.rep_id = ? ORDER BY a.assessed_at DESC, a.id DESC LIMIT 500`).all(repId) as Assessment[];
}

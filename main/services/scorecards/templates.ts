/**
 * Scorecard templates, versioned draft -> published -> archived. A version's
 * definition is frozen JSON once published: editing creates the next version,
 * and evaluations keep the version they were scored with.
 */
import type { z } from 'zod';
import { AppError } from '../../../shared/api/contract';
import type { definitionInput, TemplateSummary, TemplateVersion, VersionStatus } from '../../../shared/api/scorecards';
import { compareAverages, scoreEvaluation, type Answer, type TemplateDef } from '../../../shared/domain/scoring';
import type { DB } from '../../db/open';
import { audit } from '../audit';
import { personRefs, refOf } from './common';

type DefinitionData = z.output<typeof definitionInput>;

interface VersionRow {
  id: number;
  template_id: number;
  version: number;
  status: VersionStatus;
  definition: string;
  name: string;
}

/** Gives new criteria ids (kept across versions) and sections keys; refuses ids of another template. */
function normalize(db: DB, templateId: number, input: DefinitionData): TemplateDef {
  const alloc = db.prepare('INSERT INTO scorecard_criteria(template_id) VALUES (?)');
  const owner = db.prepare('SELECT template_id FROM scorecard_criteria WHERE id = ?');
  const seen = new Set<number>();
  const keys = new Set<string>();
  return {
    bonusCap: input.bonusCap,
    sections: input.sections.map((s, si) => {
      let key = s.key || `s${si + 1}`;
      while (keys.has(key)) key += '_';
      keys.add(key);
      return {
        key,
        title: s.title,
        kind: s.kind,
        weight: s.weight,
        criteria: s.criteria.map((c, ci) => {
          let cid = c.id;
          if (cid !== null) {
            const o = owner.get(cid) as { template_id: number } | undefined;
            if (!o || o.template_id !== templateId || seen.has(cid)) cid = null;
          }
          if (cid === null) cid = Number(alloc.run(templateId).lastInsertRowid);
          seen.add(cid);
          if (s.kind === 'auto_fail' && c.scale !== 'yes_no') {
            throw new AppError('invalid_input', 'Auto-fail items are yes/no questions.', `sections.${si}.criteria.${ci}.scale`, {
              key: 'scorecards.autoFailYesNo',
            });
          }
          return { ...c, id: cid, weight: c.weight };
        }),
      };
    }),
  };
}

function toVersion(r: VersionRow): TemplateVersion {
  return {
    id: r.id,
    templateId: r.template_id,
    name: r.name,
    version: r.version,
    status: r.status,
    definition: JSON.parse(r.definition) as TemplateDef,
  };
}

const VERSION_SQL =
  'SELECT v.id, v.template_id, v.version, v.status, v.definition, t.name FROM scorecard_versions v JOIN scorecard_templates t ON t.id = v.template_id';

export function getVersion(db: DB, id: number): TemplateVersion {
  const r = db.prepare(`${VERSION_SQL} WHERE v.id = ?`).get(id) as VersionRow | undefined;
  if (!r) throw new AppError('not_found', 'This scorecard version does not exist.', undefined, { key: 'scorecards.versionNotFound' });
  return toVersion(r);
}

/** Definitions by version id, parsed once per call (evaluations of one version share it). */
export function versionLoader(db: DB) {
  const cache = new Map<number, TemplateVersion>();
  return (id: number) => {
    let v = cache.get(id);
    if (!v) cache.set(id, (v = getVersion(db, id)));
    return v;
  };
}

export function currentVersion(db: DB, templateId: number | null): TemplateVersion | null {
  const r = db
    .prepare(
      `${VERSION_SQL} WHERE v.status = 'published' ${templateId ? 'AND v.template_id = ?' : ''} ORDER BY v.template_id, v.version DESC LIMIT 1`,
    )
    .get(...(templateId ? [templateId] : [])) as VersionRow | undefined;
  return r ? toVersion(r) : null;
}

export function listTemplates(db: DB): TemplateSummary[] {
  const templates = db.prepare('SELECT id, name, description FROM scorecard_templates ORDER BY name COLLATE NOCASE, id').all() as {
    id: number;
    name: string;
    description: string;
  }[];
  const versions = db
    .prepare(
      `SELECT v.id, v.template_id, v.version, v.status, v.definition, v.created_at, v.published_at,
              (SELECT count(*) FROM evaluations e WHERE e.version_id = v.id) AS evaluations
       FROM scorecard_versions v ORDER BY v.version DESC`,
    )
    .all() as {
    id: number;
    template_id: number;
    version: number;
    status: VersionStatus;
    definition: string;
    created_at: string;
    published_at: string | null;
    evaluations: number;
  }[];
  return templates.map((t) => ({
    ...t,
    versions: versions
      .filter((v) => v.template_id === t.id)
      .map((v) => ({
        id: v.id,
        version: v.version,
        status: v.status,
        criteria: (JSON.parse(v.definition) as TemplateDef).sections.reduce((s, x) => s + x.criteria.length, 0),
        evaluations: v.evaluations,
        createdAt: v.created_at,
        publishedAt: v.published_at,
      })),
  }));
}

export function createTemplate(
  db: DB,
  input: { name: string; description: string; definition: DefinitionData },
  actorId: number | null,
): TemplateVersion {
  return db.transaction(() => {
    const tid = Number(
      db.prepare('INSERT INTO scorecard_templates(name, description) VALUES (?, ?)').run(input.name, input.description).lastInsertRowid,
    );
    const def = normalize(db, tid, input.definition);
    const vid = Number(
      db
        .prepare("INSERT INTO scorecard_versions(template_id, version, status, definition, created_by) VALUES (?, 1, 'draft', ?, ?)")
        .run(tid, JSON.stringify(def), actorId).lastInsertRowid,
    );
    audit(db, actorId, 'scorecard_template', tid, 'create', { name: input.name });
    return getVersion(db, vid);
  })();
}

export function saveDraft(db: DB, templateId: number, name: string, input: DefinitionData, actorId: number | null): TemplateVersion {
  return db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM scorecard_templates WHERE id = ?').get(templateId))
      throw new AppError('not_found', 'This scorecard does not exist.', undefined, { key: 'scorecards.scorecardNotFound' });
    db.prepare('UPDATE scorecard_templates SET name = ? WHERE id = ?').run(name, templateId);
    const def = JSON.stringify(normalize(db, templateId, input));
    const draft = db.prepare("SELECT id FROM scorecard_versions WHERE template_id = ? AND status = 'draft'").get(templateId) as
      { id: number } | undefined;
    let vid: number;
    if (draft) {
      db.prepare('UPDATE scorecard_versions SET definition = ? WHERE id = ?').run(def, draft.id);
      vid = draft.id;
    } else {
      const next = (
        db.prepare('SELECT IFNULL(max(version), 0) + 1 AS v FROM scorecard_versions WHERE template_id = ?').get(templateId) as { v: number }
      ).v;
      vid = Number(
        db
          .prepare("INSERT INTO scorecard_versions(template_id, version, status, definition, created_by) VALUES (?, ?, 'draft', ?, ?)")
          .run(templateId, next, def, actorId).lastInsertRowid,
      );
    }
    audit(db, actorId, 'scorecard_version', vid, 'save_draft', {});
    return getVersion(db, vid);
  })();
}

export function publishVersion(db: DB, id: number, actorId: number | null): TemplateVersion {
  return db.transaction(() => {
    const v = getVersion(db, id);
    if (v.status !== 'draft') throw new AppError('conflict', 'Only a draft can be published.', undefined, { key: 'scorecards.draftOnly' });
    db.prepare("UPDATE scorecard_versions SET status = 'archived' WHERE template_id = ? AND status = 'published'").run(v.templateId);
    db.prepare("UPDATE scorecard_versions SET status = 'published', published_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?").run(
      id,
    );
    audit(db, actorId, 'scorecard_version', id, 'publish', { version: v.version });
    return getVersion(db, id);
  })();
}

export function archiveVersion(db: DB, id: number, actorId: number | null): TemplateVersion {
  return db.transaction(() => {
    getVersion(db, id);
    db.prepare("UPDATE scorecard_versions SET status = 'archived' WHERE id = ?").run(id);
    audit(db, actorId, 'scorecard_version', id, 'archive', {});
    return getVersion(db, id);
  })();
}

/** Re-scores the template's last N submitted evaluations under another version (a draft) and compares averages. */
export function whatIf(db: DB, id: number, lastN: number) {
  const target = getVersion(db, id);
  const evals = db
    .prepare(
      `SELECT e.id, e.score, e.rep_id FROM evaluations e JOIN scorecard_versions v ON v.id = e.version_id
       WHERE v.template_id = ? AND e.status = 'submitted' AND e.calibration_id IS NULL ORDER BY e.call_at DESC LIMIT ?`,
    )
    .all(target.templateId, lastN) as { id: number; score: number | null; rep_id: number }[];
  const ans = db.prepare('SELECT criterion_id, value, na FROM evaluation_answers WHERE evaluation_id = ?');
  const rows = evals.map((e) => {
    const answers: Record<number, Answer> = {};
    for (const a of ans.all(e.id) as { criterion_id: number; value: number | null; na: number }[])
      answers[a.criterion_id] = { value: a.value, na: a.na === 1 };
    return { rep: e.rep_id, before: e.score, after: scoreEvaluation(target.definition, answers).score };
  });
  const refs = personRefs(db);
  const byRep = new Map<number, typeof rows>();
  for (const r of rows) byRep.set(r.rep, [...(byRep.get(r.rep) ?? []), r]);
  return {
    ...compareAverages(rows),
    byRep: [...byRep.entries()].map(([rep, rs]) => {
      const c = compareAverages(rs);
      return { rep: refOf(refs, rep)!, n: rs.length, before: c.before, after: c.after };
    }),
  };
}

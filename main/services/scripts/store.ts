/**
 * Scripts: the draft flow, revisions (a full snapshot per save), publishing
 * (a copy reps and live search read) and restore. Every write is one transaction.
 */
import { diffLines } from 'diff';
import { AppError, type Page } from '../../../shared/api/contract';
import {
  scriptInput,
  type DiffPart,
  type RevisionSummary,
  type ScriptData,
  type ScriptDetail,
  type ScriptLanguage,
  type ScriptStatus,
  type ScriptSummary,
  type ScriptTags,
  type StepView,
} from '../../../shared/api/scripts';
import { flowErrors, validateFlow } from '../../../shared/domain/scriptFlow';
import { revisionText } from '../../../shared/domain/scriptsTransfer';
import { fold } from '../../../shared/search/text';
import { ftsWriter } from '../../db/fts';
import type { DB } from '../../db/open';
import { audit } from '../audit';

interface ScriptRow {
  id: number;
  title: string;
  description: string;
  language: ScriptLanguage;
  tags: string;
  revision: number;
  published_revision: number | null;
  updated_at: string;
}

interface StepRow {
  id: number;
  key: string;
  stage: StepView['stage'];
  title: string;
  talking_points_md: string;
  say_it: string;
  listen_for: string;
  must_say: string;
}

const EMPTY_TAGS: ScriptTags = { products: [], channels: [], funnelStages: [], segments: [] };

export function statusOf(revision: number, published: number | null): ScriptStatus {
  if (published == null) return 'draft';
  return published === revision ? 'published' : 'changed';
}

function scriptRow(db: DB, id: number): ScriptRow {
  const row = db.prepare('SELECT * FROM scripts WHERE id = ?').get(id) as ScriptRow | undefined;
  if (!row)
    throw new AppError('not_found', `Script #${id} does not exist (it may have been deleted).`, undefined, {
      key: 'scripts.scriptNotFound',
      params: { id },
    });
  return row;
}

export function isPinned(db: DB, personId: number | null, scriptId: number) {
  return personId != null && !!db.prepare('SELECT 1 FROM script_pins WHERE person_id = ? AND script_id = ?').get(personId, scriptId);
}

/** The working (draft) version as the editor's data. */
export function readDraft(db: DB, id: number): { row: ScriptRow; data: ScriptData; steps: StepView[] } {
  const row = scriptRow(db, id);
  const steps = db.prepare('SELECT * FROM script_steps WHERE script_id = ? ORDER BY position').all(id) as StepRow[];
  const choices = db.prepare('SELECT label, to_step_key, to_objection_id FROM script_choices WHERE step_id = ? ORDER BY position');
  const views: StepView[] = steps.map((s) => ({
    id: s.id,
    key: s.key,
    stage: s.stage,
    title: s.title,
    talkingPointsMd: s.talking_points_md,
    sayIt: s.say_it,
    listenFor: s.listen_for,
    mustSay: JSON.parse(s.must_say) as string[],
    choices: (choices.all(s.id) as { label: string; to_step_key: string | null; to_objection_id: number | null }[]).map((c) => ({
      label: c.label,
      toStepKey: c.to_step_key,
      toObjectionId: c.to_objection_id,
    })),
  }));
  const data: ScriptData = {
    title: row.title,
    description: row.description,
    language: row.language,
    tags: { ...EMPTY_TAGS, ...(JSON.parse(row.tags) as Partial<ScriptTags>) },
    steps: views.map(({ id: _id, ...s }) => s),
  };
  return { row, data, steps: views };
}

function objectionsFor(db: DB, steps: { choices: { toObjectionId: number | null }[] }[]) {
  const ids = [...new Set(steps.flatMap((s) => s.choices.map((c) => c.toObjectionId).filter((x): x is number => x != null)))];
  const get = db.prepare('SELECT id, objection FROM objection_cards WHERE id = ?');
  return ids
    .map((i) => get.get(i) as { id: number; objection: string } | undefined)
    .filter((x): x is { id: number; objection: string } => !!x);
}

export function getScript(db: DB, id: number, view: 'draft' | 'published', actorId: number | null = null): ScriptDetail {
  if (view === 'published') return getPublishedDetail(db, id, actorId);
  const { row, data, steps } = readDraft(db, id);
  return {
    id,
    title: data.title,
    description: data.description,
    language: data.language,
    tags: data.tags,
    status: statusOf(row.revision, row.published_revision),
    revision: row.revision,
    publishedRevision: row.published_revision,
    steps,
    updatedAt: row.updated_at,
    pinned: isPinned(db, actorId, id),
    objections: objectionsFor(db, steps),
  };
}

/** What reps see: the published copy (title etc. from the published revision's snapshot). */
export function getPublishedDetail(db: DB, id: number, actorId: number | null = null): ScriptDetail {
  const row = scriptRow(db, id);
  if (row.published_revision == null)
    throw new AppError('not_found', `"${row.title}" is not published yet.`, undefined, {
      key: 'scripts.notPublished',
      params: { title: row.title },
    });
  const snap = revisionData(db, id, row.published_revision);
  const steps = (
    db.prepare('SELECT * FROM script_published_steps WHERE script_id = ? ORDER BY position').all(id) as (StepRow & {
      step_id: number;
      choices: string;
    })[]
  ).map((s): StepView => ({
    id: s.step_id,
    key: s.key,
    stage: s.stage,
    title: s.title,
    talkingPointsMd: s.talking_points_md,
    sayIt: s.say_it,
    listenFor: s.listen_for,
    mustSay: JSON.parse(s.must_say) as string[],
    choices: JSON.parse(s.choices) as StepView['choices'],
  }));
  return {
    id,
    title: snap.title,
    description: snap.description,
    language: snap.language,
    tags: snap.tags,
    status: statusOf(row.revision, row.published_revision),
    revision: row.revision,
    publishedRevision: row.published_revision,
    steps,
    updatedAt: row.updated_at,
    pinned: isPinned(db, actorId, id),
    objections: objectionsFor(db, steps),
  };
}

/** Throws a field-addressed error for the first blocking flow problem. */
export function assertValidFlow(db: DB, data: ScriptData) {
  const exists = db.prepare('SELECT 1 FROM objection_cards WHERE id = ?');
  const errors = flowErrors(validateFlow(data.steps, (oid) => !!exists.get(oid)));
  if (errors.length) {
    const e = errors[0];
    const field =
      e.stepIndex == null
        ? 'steps'
        : e.choiceIndex == null
          ? `steps.${e.stepIndex}.key`
          : `steps.${e.stepIndex}.choices.${e.choiceIndex}.${e.code === 'missing_objection' ? 'toObjectionId' : 'toStepKey'}`;
    const more = errors.length > 1 ? ` (${errors.length - 1} more problem${errors.length > 2 ? 's' : ''} in the flow)` : '';
    throw new AppError('invalid_input', e.message + more, field);
  }
}

function writeDraft(db: DB, scriptId: number, data: ScriptData, actorId: number | null) {
  db.prepare(
    `UPDATE scripts SET title = ?, title_fold = ?, description = ?, language = ?, tags = ?, updated_by = ?,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`,
  ).run(data.title, fold(data.title), data.description, data.language, JSON.stringify(data.tags), actorId, scriptId);
  const existing = new Map(
    (db.prepare('SELECT id, key FROM script_steps WHERE script_id = ?').all(scriptId) as { id: number; key: string }[]).map((r) => [
      r.key,
      r.id,
    ]),
  );
  const keep = new Set(data.steps.map((s) => s.key));
  const del = db.prepare('DELETE FROM script_steps WHERE id = ?');
  for (const [key, sid] of existing) if (!keep.has(key)) del.run(sid);
  // Positions are shifted out of the way first so reordering never collides.
  db.prepare('UPDATE script_steps SET position = position + 100000 WHERE script_id = ?').run(scriptId);
  const upd = db.prepare(
    'UPDATE script_steps SET position = ?, stage = ?, title = ?, talking_points_md = ?, say_it = ?, listen_for = ?, must_say = ? WHERE id = ?',
  );
  const ins = db.prepare(
    'INSERT INTO script_steps(script_id, key, position, stage, title, talking_points_md, say_it, listen_for, must_say) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const delChoices = db.prepare('DELETE FROM script_choices WHERE step_id = ?');
  const insChoice = db.prepare('INSERT INTO script_choices(step_id, position, label, to_step_key, to_objection_id) VALUES (?, ?, ?, ?, ?)');
  data.steps.forEach((s, i) => {
    const must = JSON.stringify(s.mustSay);
    let sid = existing.get(s.key);
    if (sid != null) upd.run(i, s.stage, s.title, s.talkingPointsMd, s.sayIt, s.listenFor, must, sid);
    else sid = Number(ins.run(scriptId, s.key, i, s.stage, s.title, s.talkingPointsMd, s.sayIt, s.listenFor, must).lastInsertRowid);
    delChoices.run(sid);
    s.choices.forEach((c, j) => insChoice.run(sid, j, c.label, c.toStepKey, c.toStepKey ? null : c.toObjectionId));
  });
}

function addRevision(db: DB, scriptId: number, kind: RevisionSummary['kind'], data: ScriptData, actorId: number | null): number {
  const rev = scriptRow(db, scriptId).revision + 1;
  db.prepare('INSERT INTO script_revisions(script_id, rev, kind, author_id, snapshot) VALUES (?, ?, ?, ?, ?)').run(
    scriptId,
    rev,
    kind,
    actorId,
    JSON.stringify(data),
  );
  db.prepare('UPDATE scripts SET revision = ? WHERE id = ?').run(rev, scriptId);
  return rev;
}

/** Re-validates through the contract schema so services called directly (import, demo, bench) obey the same limits. */
const normalise = (data: ScriptData): ScriptData => scriptInput.parse(data);

export function createScript(
  db: DB,
  input: ScriptData,
  actorId: number | null = null,
  kind: RevisionSummary['kind'] = 'create',
): ScriptDetail {
  const data = normalise(input);
  return db.transaction(() => {
    assertValidFlow(db, data);
    const id = Number(
      db
        .prepare('INSERT INTO scripts(title, title_fold, language, created_by, updated_by) VALUES (?, ?, ?, ?, ?)')
        .run(data.title, fold(data.title), data.language, actorId, actorId).lastInsertRowid,
    );
    writeDraft(db, id, data, actorId);
    addRevision(db, id, kind, data, actorId);
    audit(db, actorId, 'script', id, 'create', { title: data.title });
    return getScript(db, id, 'draft', actorId);
  })();
}

export function saveScript(
  db: DB,
  id: number,
  input: ScriptData,
  expectedRevision: number | null,
  actorId: number | null = null,
  kind: RevisionSummary['kind'] = 'save',
): ScriptDetail {
  const data = normalise(input);
  return db.transaction(() => {
    const row = scriptRow(db, id);
    if (expectedRevision != null && expectedRevision !== row.revision) {
      throw new AppError(
        'conflict',
        `Someone saved this script after you opened it (now revision ${row.revision}, you edited ${expectedRevision}). Reload to see their changes; copy your text first.`,
        undefined,
        {
          key: 'scripts.editConflict',
          params: { revision: row.revision, expected: expectedRevision },
        },
      );
    }
    assertValidFlow(db, data);
    const before = readDraft(db, id).data;
    if (JSON.stringify(before) === JSON.stringify(data) && kind === 'save') return getScript(db, id, 'draft', actorId);
    writeDraft(db, id, data, actorId);
    const rev = addRevision(db, id, kind, data, actorId);
    audit(db, actorId, 'script', id, kind, { rev });
    return getScript(db, id, 'draft', actorId);
  })();
}

const stepBody = (s: { talkingPointsMd: string; sayIt: string; listenFor: string; mustSay: string[]; choices: { label: string }[] }) =>
  [s.talkingPointsMd, s.sayIt, s.listenFor, ...s.mustSay, ...s.choices.map((c) => c.label)].filter(Boolean).join('\n');

function clearPublished(db: DB, id: number) {
  const fts = ftsWriter(db, 'script_steps_fts', ['title', 'body']);
  for (const r of db.prepare('SELECT step_id FROM script_published_steps WHERE script_id = ?').all(id) as { step_id: number }[])
    fts.remove(r.step_id);
  db.prepare('DELETE FROM script_published_steps WHERE script_id = ?').run(id);
}

export function publishScript(db: DB, id: number, actorId: number | null = null): ScriptDetail {
  return db.transaction(() => {
    const { row, data, steps } = readDraft(db, id);
    if (!steps.length)
      throw new AppError('invalid_input', 'An empty script cannot be published: add at least one step.', 'steps', {
        key: 'scripts.emptyPublish',
      });
    assertValidFlow(db, data);
    clearPublished(db, id);
    const fts = ftsWriter(db, 'script_steps_fts', ['title', 'body']);
    const ins = db.prepare(
      `INSERT INTO script_published_steps(step_id, script_id, key, position, stage, title, talking_points_md, say_it, listen_for, must_say, choices)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    steps.forEach((s, i) => {
      ins.run(
        s.id,
        id,
        s.key,
        i,
        s.stage,
        s.title,
        s.talkingPointsMd,
        s.sayIt,
        s.listenFor,
        JSON.stringify(s.mustSay),
        JSON.stringify(s.choices),
      );
      fts.put(s.id, [s.title, stepBody(s)]);
    });
    db.prepare('UPDATE scripts SET published_revision = ? WHERE id = ?').run(row.revision, id);
    audit(db, actorId, 'script', id, 'publish', { rev: row.revision });
    return getScript(db, id, 'draft', actorId);
  })();
}

export function unpublishScript(db: DB, id: number, actorId: number | null = null): ScriptDetail {
  return db.transaction(() => {
    scriptRow(db, id);
    clearPublished(db, id);
    db.prepare('UPDATE scripts SET published_revision = NULL WHERE id = ?').run(id);
    audit(db, actorId, 'script', id, 'unpublish', {});
    return getScript(db, id, 'draft', actorId);
  })();
}

export function removeScript(db: DB, id: number, actorId: number | null = null) {
  return db.transaction(() => {
    const row = scriptRow(db, id);
    clearPublished(db, id);
    db.prepare('DELETE FROM scripts WHERE id = ?').run(id);
    audit(db, actorId, 'script', id, 'delete', { title: row.title });
    return { removed: true };
  })();
}

export interface ListScriptsInput {
  query: string;
  language: ScriptLanguage | null;
  status: 'all' | 'draft' | 'published';
  offset: number;
  limit: number;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

export function listScripts(db: DB, input: ListScriptsInput, actorId: number | null = null): Page<ScriptSummary> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.language) {
    where.push('s.language = ?');
    params.push(input.language);
  }
  if (input.status === 'published') where.push('s.published_revision IS NOT NULL');
  if (input.status === 'draft') where.push('(s.published_revision IS NULL OR s.published_revision <> s.revision)');
  for (const w of fold(input.query).split(/\s+/).filter(Boolean).slice(0, 6)) {
    where.push("s.title_fold LIKE ? ESCAPE '\\'");
    params.push(`%${likeEscape(w)}%`);
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM scripts s ${w}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT s.*, (SELECT count(*) FROM script_steps st WHERE st.script_id = s.id) AS step_count,
              (SELECT count(*) FROM script_published_steps ps WHERE ps.script_id = s.id) AS published_steps,
              p.name AS updated_by_name,
              EXISTS (SELECT 1 FROM script_pins pn WHERE pn.script_id = s.id AND pn.person_id = ?) AS pinned
       FROM scripts s LEFT JOIN people p ON p.id = s.updated_by ${w}
       ORDER BY pinned DESC, s.title_fold, s.id LIMIT ? OFFSET ?`,
    )
    .all(actorId ?? -1, ...params, input.limit, input.offset) as (ScriptRow & {
    step_count: number;
    published_steps: number;
    updated_by_name: string | null;
    pinned: number;
  })[];
  return {
    rows: rows.map((r) => ({
      id: r.id,
      title: r.title,
      language: r.language,
      status: statusOf(r.revision, r.published_revision),
      stepCount: input.status === 'published' ? r.published_steps : r.step_count,
      tags: { ...EMPTY_TAGS, ...(JSON.parse(r.tags) as Partial<ScriptTags>) },
      updatedAt: r.updated_at,
      updatedBy: r.updated_by_name,
      pinned: r.pinned === 1,
    })),
    total,
    offset: input.offset,
    limit: input.limit,
  };
}

/* ---------- revisions ---------- */

export function listRevisions(db: DB, id: number): RevisionSummary[] {
  scriptRow(db, id);
  return (
    db
      .prepare(
        `SELECT r.id, r.rev, r.kind, r.at, r.author_id, p.name AS author_name, r.snapshot FROM script_revisions r
         LEFT JOIN people p ON p.id = r.author_id WHERE r.script_id = ? ORDER BY r.rev DESC`,
      )
      .all(id) as {
      id: number;
      rev: number;
      kind: RevisionSummary['kind'];
      at: string;
      author_id: number | null;
      author_name: string | null;
      snapshot: string;
    }[]
  ).map((r) => {
    const snap = JSON.parse(r.snapshot) as ScriptData;
    return {
      id: r.id,
      rev: r.rev,
      kind: r.kind,
      at: r.at,
      authorId: r.author_id,
      authorName: r.author_name,
      title: snap.title,
      stepCount: snap.steps.length,
    };
  });
}

export function revisionData(db: DB, id: number, rev: number): ScriptData {
  const r = db.prepare('SELECT snapshot FROM script_revisions WHERE script_id = ? AND rev = ?').get(id, rev) as
    { snapshot: string } | undefined;
  if (!r)
    throw new AppError('not_found', `Revision ${rev} of script #${id} does not exist.`, 'rev', {
      key: 'scripts.revisionNotFound',
      params: { rev, id },
    });
  return JSON.parse(r.snapshot) as ScriptData;
}

export function diffRevisions(db: DB, id: number, fromRev: number, toRev: number): DiffPart[] {
  const get = db.prepare('SELECT objection FROM objection_cards WHERE id = ?');
  const objText = (oid: number) => (get.get(oid) as { objection: string } | undefined)?.objection ?? `#${oid} (deleted)`;
  const a = revisionText(revisionData(db, id, fromRev), objText);
  const b = revisionText(revisionData(db, id, toRev), objText);
  return diffLines(a, b).map((p) => ({ value: p.value, added: !!p.added, removed: !!p.removed }));
}

/** Restoring saves the old snapshot as a new revision: history is never rewritten. */
export function restoreRevision(db: DB, id: number, rev: number, actorId: number | null = null): ScriptDetail {
  const data = revisionData(db, id, rev);
  // Links to objection cards deleted since then are dropped (the answer then ends the call) rather than blocking the restore.
  const exists = db.prepare('SELECT 1 FROM objection_cards WHERE id = ?');
  for (const s of data.steps)
    for (const c of s.choices) if (c.toObjectionId != null && !exists.get(c.toObjectionId)) c.toObjectionId = null;
  return saveScript(db, id, data, null, actorId, 'restore');
}

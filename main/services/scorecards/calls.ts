/** Recorded calls: import (audio + metadata + transcript), list with filters, detail, comments, peaks, coverage. */
import fs from 'node:fs';
import { AppError, type Page } from '../../../shared/api/contract';
import type { CallComment, CallDetail, CallImportItem, CallRow, PersonRef } from '../../../shared/api/scorecards';
import { CHANNELS, DIRECTIONS, OUTCOMES, callImportItem } from '../../../shared/api/scorecards';
import { scriptCoverage, suggestFromCoverage } from '../../../shared/domain/coverage';
import { guidanceSegments } from '../guidance/store';
import { allCriteria } from '../../../shared/domain/scoring';
import { parseTranscript, talkMetrics, TranscriptError, type TranscriptSegment } from '../../../shared/domain/transcript';
import { fold } from '../../../shared/search/text';
import type { DB } from '../../db/open';
import { addScope, type Cond } from '../access/scope';
import { ftsWriter, parseQuery } from '../../db/fts';
import type { Staging } from '../../files/staging';
import { putBlob } from '../../files/store';
import { audit } from '../audit';
import { decodeText, parseCsv } from '../import/decode';
import { getPublishedScript, listPublishedScripts } from '../scripts/published';
import { AudioError, probeAudio } from './audio';
import { cached, personRefs, refOf, type Stmt } from './common';
import { currentVersion, getVersion } from './templates';
import { listEvaluations } from './evaluations';
import { namesColumn, parseNames } from '../personNames';

const stmts = new WeakMap<DB, Map<string, Stmt>>();

interface CallDbRow {
  id: number;
  rep_id: number;
  team_name: string | null;
  at: string;
  customer: string;
  channel: string;
  direction: 'inbound' | 'outbound';
  duration_ms: number | null;
  outcome: string;
  audio_sha: string | null;
  transcript_format: string | null;
  score: number | null;
  evaluations: number;
}

const ROW_COLS = `c.id, c.rep_id, t.name AS team_name, c.at, c.customer, c.channel, c.direction, c.duration_ms, c.outcome, c.audio_sha, c.transcript_format, c.score, c.evaluations`;

function toRow(r: CallDbRow, refs: Map<number, PersonRef>): CallRow {
  return {
    id: r.id,
    rep: refOf(refs, r.rep_id)!,
    teamName: r.team_name,
    at: r.at,
    customer: r.customer,
    channel: r.channel,
    direction: r.direction,
    durationMs: r.duration_ms,
    outcome: r.outcome,
    hasAudio: !!r.audio_sha,
    hasTranscript: !!r.transcript_format,
    score: r.score,
    evaluations: r.evaluations,
  };
}

export interface ListCallsInput {
  repId: number | null;
  teamId: number | null;
  from: string | null;
  to: string | null;
  channel: string | null;
  scored: 'all' | 'scored' | 'unscored';
  band: 'low' | 'mid' | 'high' | null;
  query: string;
  offset: number;
  limit: number;
}

export function listCalls(db: DB, i: ListCallsInput, scope?: Cond): Page<CallRow> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (scope) addScope(where, params, scope);
  if (i.repId) {
    where.push('c.rep_id = ?');
    params.push(i.repId);
  }
  if (i.teamId) {
    where.push('c.team_id = ?');
    params.push(i.teamId);
  }
  if (i.from) {
    where.push('c.at >= ?');
    params.push(i.from);
  }
  if (i.to) {
    // "T99" sorts after any time of that day, and needs no date arithmetic (9999-12-31 has no next day in ISO form)
    where.push('c.at < ?');
    params.push(`${i.to}T99`);
  }
  if (i.channel) {
    where.push('c.channel = ?');
    params.push(i.channel);
  }
  if (i.scored === 'scored') where.push('c.score IS NOT NULL');
  if (i.scored === 'unscored') where.push('c.score IS NULL');
  if (i.band === 'low') where.push('c.score < 60');
  if (i.band === 'mid') where.push('c.score >= 60 AND c.score < 80');
  if (i.band === 'high') where.push('c.score >= 80');
  const { match } = parseQuery(i.query);
  const onlyQuery = match !== null && where.length === 0;
  let hits = 0;
  if (match) {
    hits = (cached(db, stmts, 'SELECT count(*) AS n FROM calls_fts WHERE calls_fts MATCH ?').get(match) as { n: number }).n;
    where.push('c.id IN (SELECT rowid FROM calls_fts WHERE calls_fts MATCH ?)');
    params.push(match);
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // Every call has exactly one index row, so a search alone is counted by the index.
  const total = onlyQuery ? hits : (cached(db, stmts, `SELECT count(*) AS n FROM calls c ${w}`).get(...params) as { n: number }).n;
  // A broad search (thousands of hits) is fastest by walking the date index newest-first and stopping at the page;
  // a narrow one by fetching its few hits and sorting them.
  const from = match && hits > 2000 ? 'calls c INDEXED BY calls_at' : 'calls c';
  const rows = cached(
    db,
    stmts,
    `SELECT ${ROW_COLS} FROM ${from} JOIN people p ON p.id = c.rep_id LEFT JOIN teams t ON t.id = p.team_id ${w} ORDER BY c.at DESC, c.id DESC LIMIT ? OFFSET ?`,
  ).all(...params, i.limit, i.offset) as CallDbRow[];
  const refs = personRefs(db);
  return { rows: rows.map((r) => toRow(r, refs)), total, offset: i.offset, limit: i.limit };
}

export function getCallRow(db: DB, id: number): CallRow {
  const r = db
    .prepare(`SELECT ${ROW_COLS} FROM calls c JOIN people p ON p.id = c.rep_id LEFT JOIN teams t ON t.id = p.team_id WHERE c.id = ?`)
    .get(id) as CallDbRow | undefined;
  if (!r) throw new AppError('not_found', 'This call does not exist.', undefined, { key: 'scorecards.callNotFound' });
  return toRow(r, personRefs(db));
}

export function getCall(db: DB, id: number): CallDetail {
  const row = getCallRow(db, id);
  const x = db
    .prepare(
      'SELECT audio_sha, audio_type, audio_name, audio_size, audio_codec, transcript, transcript_format, language, script_id FROM calls WHERE id = ?',
    )
    .get(id) as {
    audio_sha: string | null;
    audio_type: string;
    audio_name: string;
    audio_size: number | null;
    audio_codec: string;
    transcript: string | null;
    transcript_format: string | null;
    language: string;
    script_id: number | null;
  };
  const transcript = x.transcript ? (JSON.parse(x.transcript) as TranscriptSegment[]) : null;
  const refs = personRefs(db);
  const comments = (
    db.prepare('SELECT id, at_ms, body, author_id, created_at FROM call_comments WHERE call_id = ? ORDER BY at_ms, id').all(id) as {
      id: number;
      at_ms: number;
      body: string;
      author_id: number | null;
      created_at: string;
    }[]
  ).map((c) => ({ id: c.id, atMs: c.at_ms, body: c.body, author: refOf(refs, c.author_id), createdAt: c.created_at }));
  return {
    ...row,
    audio: x.audio_sha
      ? { sha256: x.audio_sha, type: x.audio_type, name: x.audio_name, size: x.audio_size ?? 0, codec: x.audio_codec }
      : null,
    transcript,
    transcriptFormat: x.transcript_format,
    metrics: transcript ? talkMetrics(transcript) : null,
    language: x.language,
    scriptId: x.script_id,
    comments,
    evaluationsList: listEvaluations(db, { callId: id, includeCalibration: false, offset: 0, limit: 100 }).rows,
    hasPeaks: !!db.prepare('SELECT 1 FROM call_peaks WHERE call_id = ?').get(id),
  };
}

export const callSearchText = (customer: string, outcome: string) => fold(`${customer} ${outcome}`);

/** Puts a call's customer and outcome into the shared full-text index. */
export function indexCall(db: DB, id: number, customer: string, outcome: string) {
  ftsWriter(db, 'calls_fts', ['body']).put(id, [`${customer} ${outcome.replace(/_/g, ' ')}`]);
}

type ImportItem = ReturnType<typeof callImportItem.parse>;

function insertCall(
  db: DB,
  it: ImportItem,
  audio: { sha: string; type: string; name: string; size: number; codec: string; durationMs: number } | null,
  actorId: number | null,
) {
  if (!db.prepare("SELECT 1 FROM person_roles WHERE person_id = ? AND role = 'rep'").get(it.repId)) {
    throw new AppError('invalid_input', 'Choose a sales rep for this call.', 'repId', { key: 'scorecards.callRepRequired' });
  }
  let transcript: string | null = null;
  let format: string | null = null;
  if (it.transcript) {
    const parsed = parseTranscript(it.transcript, audio?.durationMs ?? null);
    transcript = JSON.stringify(parsed.segments);
    format = parsed.format;
  }
  const at = it.at.length === 10 ? `${it.at}T12:00:00.000Z` : new Date(it.at.endsWith('Z') ? it.at : `${it.at}Z`).toISOString();
  const id = Number(
    db
      .prepare(
        `INSERT INTO calls(rep_id, team_id, at, customer, channel, direction, duration_ms, outcome, language, audio_sha, audio_type, audio_name, audio_size, audio_codec, transcript, transcript_format, script_id, search_text)
         VALUES (?, (SELECT team_id FROM people WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        it.repId,
        it.repId,
        at,
        it.customer,
        it.channel,
        it.direction,
        audio?.durationMs ?? null,
        it.outcome,
        it.language,
        audio?.sha ?? null,
        audio?.type ?? '',
        audio?.name ?? '',
        audio?.size ?? null,
        audio?.codec ?? '',
        transcript,
        format,
        it.scriptId,
        callSearchText(it.customer, it.outcome),
      ).lastInsertRowid,
  );
  indexCall(db, id, it.customer, it.outcome);
  audit(db, actorId, 'call', id, 'import', { file: audio?.name ?? null });
  return id;
}

/** Imports a batch: each item is validated and committed on its own, so one bad file does not stop the rest. */
export async function importCalls(db: DB, staging: Staging, filesDir: string, items: CallImportItem[], actorId: number | null) {
  const imported: { index: number; call: CallRow }[] = [];
  const errors: { index: number; fileName: string; field?: string; message: string }[] = [];
  for (let index = 0; index < items.length; index++) {
    const it = callImportItem.parse(items[index]);
    const fileName = it.fileName;
    try {
      if (it.transcriptUploadId) {
        const t = staging.get(it.transcriptUploadId);
        if (t.size > 2_000_000)
          throw new AppError('too_large', `Transcript "${t.name}" is larger than 2 MB.`, 'transcript', {
            key: 'scorecards.transcriptTooLarge',
            params: { name: t.name },
          });
        it.transcript = decodeText(fs.readFileSync(t.path)).text;
        staging.release(it.transcriptUploadId);
      }
      let audio = null;
      if (it.uploadId) {
        const staged = staging.get(it.uploadId);
        const info = await probeAudio(staged.path, staged.name, staged.size);
        putBlob(filesDir, staged.path, staged.sha256);
        audio = {
          sha: staged.sha256,
          type: info.mime,
          name: staged.name,
          size: staged.size,
          codec: info.codec,
          durationMs: info.durationMs,
        };
      }
      const id = db.transaction(() => insertCall(db, it, audio, actorId))();
      if (it.uploadId) staging.release(it.uploadId);
      imported.push({ index, call: getCallRow(db, id) });
    } catch (e) {
      if (it.uploadId) staging.release(it.uploadId);
      if (e instanceof AudioError) errors.push({ index, fileName, field: 'file', message: e.message });
      else if (e instanceof TranscriptError) errors.push({ index, fileName, field: 'transcript', message: `Transcript: ${e.message}` });
      else if (e instanceof AppError) errors.push({ index, fileName, field: e.field, message: e.message });
      else throw e;
    }
  }
  return { imported, errors };
}

/** Inserts a call without audio (demo data, CRM call logs). */
export function createCallRecord(db: DB, it: CallImportItem, actorId: number | null) {
  return insertCall(db, callImportItem.parse(it), null, actorId);
}

const MANIFEST_HEADERS: Record<string, string[]> = {
  file: ['file', 'filename', 'file name', 'recording', 'audio', 'файл', 'имя файла', 'запись', '文件', '文件名', '录音'],
  rep: ['rep', 'rep email', 'email', 'agent', 'seller', 'менеджер', 'продавец', 'сотрудник', '销售', '坐席'],
  at: ['date', 'datetime', 'date/time', 'time', 'started', 'дата', 'дата и время', '日期', '时间'],
  customer: ['customer', 'client', 'company', 'клиент', 'компания', '客户', '公司'],
  channel: ['channel', 'канал', '渠道'],
  direction: ['direction', 'направление', '方向'],
  outcome: ['outcome', 'result', 'результат', 'итог', '结果'],
};
const DIRECTION_WORDS: Record<string, string> = {
  inbound: 'inbound',
  in: 'inbound',
  входящий: 'inbound',
  呼入: 'inbound',
  outbound: 'outbound',
  out: 'outbound',
  исходящий: 'outbound',
  呼出: 'outbound',
};

/** Reads a CSV manifest; reps are matched by e-mail or by any spelling of their name. */
export function readManifest(db: DB, bytes: Buffer) {
  const { text } = decodeText(bytes);
  const { header, rows } = parseCsv(text);
  const col: Record<string, number> = {};
  header.forEach((h, i) => {
    const f = fold(h.trim());
    for (const [k, names] of Object.entries(MANIFEST_HEADERS)) if (col[k] === undefined && names.includes(f)) col[k] = i;
  });
  const errors: { row: number; field: string; value: string; message: string }[] = [];
  if (col.file === undefined)
    errors.push({
      row: 1,
      field: 'file',
      value: header.join(', '),
      message: 'The manifest needs a "file" column with the recording file names.',
    });
  if (col.rep === undefined)
    errors.push({ row: 1, field: 'rep', value: header.join(', '), message: 'The manifest needs a "rep" column (e-mail or name).' });
  if (errors.length) return { rows: [], errors };
  const reps = db
    .prepare(
      `SELECT p.id, p.email, p.name, ${namesColumn('p')} AS names FROM people p JOIN person_roles r ON r.person_id = p.id AND r.role = 'rep'`,
    )
    .all() as { id: number; email: string; name: string; names: string }[];
  const byKey = new Map<string, number>();
  for (const r of reps) for (const k of [r.email, r.name, ...Object.values(parseNames(r.names))]) if (k) byKey.set(fold(k.trim()), r.id);
  const out = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const n = i + 2;
    const get = (k: string) => (col[k] === undefined ? '' : (row[col[k]] ?? '').trim());
    const file = get('file');
    const repText = get('rep');
    const repId = byKey.get(fold(repText));
    if (!file) {
      errors.push({ row: n, field: 'file', value: '', message: 'The file name is empty.' });
      continue;
    }
    if (!repId) {
      errors.push({ row: n, field: 'rep', value: repText, message: `No sales rep "${repText}" in the roster.` });
      continue;
    }
    const atText = get('at');
    const at = atText ? new Date(atText.replace(' ', 'T')) : new Date();
    if (Number.isNaN(at.getTime())) {
      errors.push({ row: n, field: 'date', value: atText, message: 'Use a date like 2026-03-05 14:30.' });
      continue;
    }
    const channel = fold(get('channel')) || 'phone';
    const direction = DIRECTION_WORDS[fold(get('direction'))] ?? 'outbound';
    const outcome = fold(get('outcome')).replace(/\s+/g, '_');
    out.push({
      row: n,
      file,
      repId,
      at: at.toISOString(),
      customer: get('customer').slice(0, 200),
      channel: (CHANNELS as readonly string[]).includes(channel) ? channel : 'other',
      direction: (DIRECTIONS as readonly string[]).includes(direction) ? direction : 'outbound',
      outcome: (OUTCOMES as readonly string[]).includes(outcome) ? outcome : '',
    });
  }
  return { rows: out, errors };
}

export function setTranscript(db: DB, callId: number, text: string, actorId: number | null): CallDetail {
  const call = getCallRow(db, callId);
  let parsed;
  try {
    parsed = parseTranscript(text, call.durationMs);
  } catch (e) {
    if (e instanceof TranscriptError) throw new AppError('bad_file', `Transcript: ${e.message}`, 'transcript');
    throw e;
  }
  db.transaction(() => {
    db.prepare('UPDATE calls SET transcript = ?, transcript_format = ? WHERE id = ?').run(
      JSON.stringify(parsed.segments),
      parsed.format,
      callId,
    );
    audit(db, actorId, 'call', callId, 'transcript', { format: parsed.format, segments: parsed.segments.length });
  })();
  return getCall(db, callId);
}

export function setScript(db: DB, callId: number, scriptId: number | null, actorId: number | null): CallDetail {
  getCallRow(db, callId);
  db.transaction(() => {
    db.prepare('UPDATE calls SET script_id = ? WHERE id = ?').run(scriptId, callId);
    audit(db, actorId, 'call', callId, 'script', { scriptId });
  })();
  return getCall(db, callId);
}

/** Peaks are stored as 8-bit levels (2,000 buckets = 2 KB per call). */
export function getPeaks(db: DB, callId: number): number[] | null {
  const r = cached(db, stmts, 'SELECT peaks FROM call_peaks WHERE call_id = ?').get(callId) as { peaks: Buffer } | undefined;
  if (!r) return null;
  return Array.from(r.peaks, (b) => b / 255);
}

export function savePeaks(db: DB, callId: number, peaks: number[]) {
  getCallRow(db, callId);
  const buf = Buffer.from(peaks.map((p) => Math.round(Math.min(1, Math.max(0, p)) * 255)));
  db.prepare('INSERT INTO call_peaks(call_id, peaks) VALUES (?, ?) ON CONFLICT(call_id) DO UPDATE SET peaks = excluded.peaks').run(
    callId,
    buf,
  );
  return { saved: true };
}

export function addComment(db: DB, callId: number, atMs: number, body: string, actorId: number | null): CallComment {
  getCallRow(db, callId);
  const id = Number(
    db.prepare('INSERT INTO call_comments(call_id, author_id, at_ms, body) VALUES (?, ?, ?, ?)').run(callId, actorId, atMs, body)
      .lastInsertRowid,
  );
  const c = db.prepare('SELECT id, at_ms, body, author_id, created_at FROM call_comments WHERE id = ?').get(id) as {
    id: number;
    at_ms: number;
    body: string;
    author_id: number | null;
    created_at: string;
  };
  return { id: c.id, atMs: c.at_ms, body: c.body, author: refOf(personRefs(db), c.author_id), createdAt: c.created_at };
}

export function removeComment(db: DB, id: number, actorId: number | null) {
  const c = db.prepare('SELECT author_id FROM call_comments WHERE id = ?').get(id) as { author_id: number | null } | undefined;
  if (!c) return { removed: false };
  if (c.author_id !== null && actorId !== null && c.author_id !== actorId)
    throw new AppError('forbidden', 'Only the author can delete this comment.', undefined, { key: 'scorecards.commentAuthorOnly' });
  db.prepare('DELETE FROM call_comments WHERE id = ?').run(id);
  return { removed: true };
}

export function callCoverage(db: DB, callId: number, versionId: number | null) {
  const call = getCall(db, callId);
  if (!call.scriptId) return { script: null, steps: [], suggestions: [], reason: 'no_script' as const };
  const script = getPublishedScript(db, call.scriptId);
  if (!script) return { script: null, steps: [], suggestions: [], reason: 'script_missing' as const };
  // A call without a transcript file may have the live transcript kept by guidance during the call.
  const transcript = call.transcript ?? guidanceSegments(db, callId);
  if (!transcript) return { script: { id: script.id, title: script.title }, steps: [], suggestions: [], reason: 'no_transcript' as const };
  const steps = scriptCoverage(
    script.steps.map((s) => ({
      id: s.id,
      stage: s.stage,
      title: s.title,
      talkingPointsMd: s.talkingPointsMd,
      sayIt: s.sayIt,
      mustSay: s.mustSay,
    })),
    transcript,
  );
  const version = versionId ? getVersion(db, versionId) : currentVersion(db, null);
  const suggestions = version ? suggestFromCoverage(allCriteria(version.definition), steps) : [];
  return { script: { id: script.id, title: script.title }, steps, suggestions, reason: 'ok' as const };
}

export const publishedScripts = (db: DB) => listPublishedScripts(db);

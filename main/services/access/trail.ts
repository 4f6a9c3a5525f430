/**
 * What `dispatch` writes to the audit log for each call that changed data or
 * was refused: the record it touched (from the input or the result) and a
 * short summary of the change. Secrets and bulk content are never copied.
 */
import type { DB } from '../../db/open';
import { audit } from '../audit';

const ID_KEYS = [
  'id',
  'callId',
  'evaluationId',
  'courseId',
  'itemId',
  'personId',
  'repId',
  'templateId',
  'competencyId',
  'jobRoleId',
  'versionId',
  'cardId',
  'targetId',
];
/** Never written to the log, not even their length. */
const SECRET = /password|secret|token|base64|^(answers|peaks|items|text|transcript|bodyMd|definition|steps|mapping)$/i;

/** The method's group names the entity ("people.update" → "people", "scorecards.calls.setScript" → "scorecards.calls"). */
export const entityOf = (method: string) => method.split('.').slice(0, -1).join('.') || method;
export const actionOf = (method: string) => method.split('.').pop() ?? method;

export function recordIdOf(input: unknown, result: unknown): number | null {
  for (const src of [input, result]) {
    if (src && typeof src === 'object') {
      for (const k of ID_KEYS) {
        const v = (src as Record<string, unknown>)[k];
        if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
      }
    }
  }
  return null;
}

function show(v: unknown): string | null {
  if (v === null || v === undefined) return 'none';
  if (typeof v === 'string') return v.length > 40 ? `"${v.slice(0, 37)}…"` : `"${v}"`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.length <= 5 && v.every((x) => typeof x !== 'object') ? `[${v.join(', ')}]` : `${v.length} items`;
  return null;
}

/** "people.update #12: name "Anna", roles [rep]" — fields and short values, nested one level. */
export function summarize(method: string, input: unknown, recordId: number | null): string {
  const parts: string[] = [];
  const walk = (o: Record<string, unknown>, prefix: string, depth: number) => {
    for (const [k, v] of Object.entries(o)) {
      if (ID_KEYS.includes(k) && !prefix) continue;
      if (SECRET.test(k)) {
        parts.push(prefix + k);
        continue;
      }
      if (v && typeof v === 'object' && !Array.isArray(v) && depth < 1) walk(v as Record<string, unknown>, `${prefix}${k}.`, depth + 1);
      else {
        const s = show(v);
        parts.push(s === null ? prefix + k : `${prefix}${k} ${s}`);
      }
    }
  };
  if (input && typeof input === 'object') walk(input as Record<string, unknown>, '', 0);
  const head = `${method}${recordId ? ` #${recordId}` : ''}`;
  const text = parts.length ? `${head}: ${parts.join(', ')}` : head;
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

export function auditWrite(db: DB, actorId: number | null, method: string, input: unknown, result: unknown) {
  const recordId = recordIdOf(input, result);
  audit(db, actorId, entityOf(method), recordId, actionOf(method), { method, summary: summarize(method, input, recordId) });
}

export function auditRefusal(db: DB, actorId: number | null, method: string, input: unknown, reason: string) {
  const recordId = recordIdOf(input, null);
  audit(db, actorId, entityOf(method), recordId, 'refused', {
    method,
    summary: `${method}${recordId ? ` #${recordId}` : ''} refused: ${reason}`,
  });
}

/**
 * Words said on a call: the transcript lines that contain every query term
 * (words at word starts, by their stem; CJK anywhere). Transcripts are JSON on
 * the call row and only recorded calls have one, so the newest SCAN calls with
 * a transcript the actor may see are read and matched in JS.
 */
import { fold, parseQuery } from '../../../shared/search/text';
import type { TranscriptSegment } from '../../../shared/domain/transcript';
import type { DB } from '../../db/open';
import { addScope, type Cond } from '../access/scope';

const SCAN = 500;

export interface TranscriptHit {
  callId: number;
  atMs: number;
  text: string;
  customer: string;
  at: string;
  repId: number;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function searchTranscripts(db: DB, query: string, scope: Cond | undefined, limit: number): TranscriptHit[] {
  const { terms } = parseQuery(query);
  if (!terms.length) return [];
  const tests = terms.map((t) =>
    t.cjk ? (s: string) => s.includes(t.text) : (s: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${esc(t.text)}`, 'u').test(s),
  );
  const where = ['c.transcript IS NOT NULL'];
  const params: unknown[] = [];
  if (scope) addScope(where, params, scope);
  const rows = db
    .prepare(
      `SELECT c.id, c.transcript, c.customer, c.at, c.rep_id FROM calls c WHERE ${where.join(' AND ')} ORDER BY c.at DESC LIMIT ${SCAN}`,
    )
    .all(...params) as { id: number; transcript: string; customer: string; at: string; rep_id: number }[];
  const hits: TranscriptHit[] = [];
  for (const r of rows) {
    // one line per call: the first that says every term
    const seg = (JSON.parse(r.transcript) as TranscriptSegment[]).find((s) => {
      const f = fold(s.text);
      return tests.every((t) => t(f));
    });
    if (seg) hits.push({ callId: r.id, atMs: seg.startMs, text: seg.text, customer: r.customer, at: r.at, repId: r.rep_id });
    if (hits.length >= limit) break;
  }
  return hits;
}

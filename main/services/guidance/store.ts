/**
 * Guidance data in the workspace: the forbidden-phrase list, the bank the engine
 * listens for, and each call's transcript and guidance events (kept with the call,
 * read by scoring for coverage and evidence).
 */
import { AppError } from '../../../shared/api/contract';
import type { CallGuidance } from '../../../shared/api/guidance';
import type { TranscriptSegment } from '../../../shared/domain/transcript';
import type { GuidanceBank, GuidanceEvent, TranscriptEvent } from '../../../shared/guidance/types';
import type { DB } from '../../db/open';
import { audit } from '../audit';
import { triggerBank } from '../scripts/objections';
import { getScript } from '../scripts/store';

export function forbiddenPhrases(db: DB): string[] {
  return (db.prepare('SELECT phrase FROM guidance_forbidden ORDER BY position').all() as { phrase: string }[]).map((r) => r.phrase);
}

export function saveForbidden(db: DB, phrases: string[], actorId: number | null = null): string[] {
  const seen = new Set<string>();
  const clean = phrases
    .map((p) => p.trim().replace(/\s+/g, ' '))
    .filter((p) => p && !seen.has(p.toLowerCase()) && seen.add(p.toLowerCase()));
  db.transaction(() => {
    db.prepare('DELETE FROM guidance_forbidden').run();
    const ins = db.prepare('INSERT INTO guidance_forbidden(position, phrase) VALUES (?, ?)');
    clean.forEach((p, i) => ins.run(i, p));
    audit(db, actorId, 'guidance_forbidden', null, 'update', { phrases: clean.length });
  })();
  return forbiddenPhrases(db);
}

export function guidanceBank(db: DB, scriptId: number | null): GuidanceBank {
  const cards = triggerBank(db).map((c) => ({ id: c.id, objection: c.objection, triggers: c.triggers }));
  // the published version, as the rep sees it (throws a readable error when there is none)
  const script = scriptId ? getScript(db, scriptId, 'published') : null;
  return {
    cards,
    scripts: script
      ? [
          {
            id: script.id,
            steps: script.steps.map((s) => ({ key: s.key, title: s.title, mustSay: s.mustSay, talkingPointsMd: s.talkingPointsMd })),
          },
        ]
      : [],
    forbidden: forbiddenPhrases(db),
  };
}

interface Row {
  call_id: number;
  source: CallGuidance['source'];
  script_id: number | null;
  transcript: string;
  events: string;
  created_at: string;
}

export function getCallGuidance(db: DB, callId: number): CallGuidance | null {
  const r = db.prepare('SELECT * FROM call_guidance WHERE call_id = ?').get(callId) as Row | undefined;
  if (!r) return null;
  return {
    callId: r.call_id,
    source: r.source,
    scriptId: r.script_id,
    transcript: JSON.parse(r.transcript) as TranscriptEvent[],
    events: JSON.parse(r.events) as GuidanceEvent[],
    createdAt: r.created_at,
  };
}

export function saveCallGuidance(
  db: DB,
  input: {
    callId: number;
    source: CallGuidance['source'];
    scriptId: number | null;
    transcript: TranscriptEvent[];
    events: GuidanceEvent[];
  },
  actorId: number | null = null,
): CallGuidance {
  return db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM calls WHERE id = ?').get(input.callId)) {
      throw new AppError('not_found', `Call #${input.callId} does not exist.`, 'callId', {
        key: 'guidance.callNotFound',
        params: { id: input.callId },
      });
    }
    // Only final words are the record; partial hypotheses were for the screen.
    const transcript = input.transcript.filter((e) => e.final).sort((a, b) => a.atMs - b.atMs);
    db.prepare(
      `INSERT INTO call_guidance(call_id, source, script_id, transcript, events) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(call_id) DO UPDATE SET source = excluded.source, script_id = excluded.script_id, transcript = excluded.transcript, events = excluded.events, created_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
    ).run(input.callId, input.source, input.scriptId, JSON.stringify(transcript), JSON.stringify(input.events));
    audit(db, actorId, 'call', input.callId, 'guidance', { source: input.source, words: transcript.length, events: input.events.length });
    return getCallGuidance(db, input.callId)!;
  })();
}

/** A live transcript as cue-like segments (one per turn), for scoring's coverage when the call has no transcript file. */
export function guidanceSegments(db: DB, callId: number): TranscriptSegment[] | null {
  const g = getCallGuidance(db, callId);
  if (!g || !g.transcript.length) return null;
  const out: TranscriptSegment[] = [];
  for (const w of g.transcript) {
    const last = out[out.length - 1];
    const cjk = /[\u3400-\u9fff]/.test(w.text);
    if (last && last.speaker === w.speaker) {
      last.text += (cjk ? '' : ' ') + w.text;
      last.endMs = Math.max(last.endMs, w.endMs ?? w.atMs);
    } else
      out.push({
        startMs: w.atMs,
        endMs: w.endMs ?? w.atMs,
        speaker: w.speaker,
        label: w.speaker === 'rep' ? 'Rep' : 'Customer',
        text: w.text,
      });
  }
  return out;
}

/**
 * Call transcripts: parsing WebVTT, SRT and plain text ("Rep: …" lines) into
 * speaker-tagged segments, and the conversation metrics computed from them
 * (talk-to-listen ratio, longest monologue, customer interruptions). Pure.
 */

export type Speaker = 'rep' | 'customer' | 'other';
export interface TranscriptSegment {
  startMs: number;
  endMs: number;
  speaker: Speaker;
  /** The label as written in the file (e.g. "Rep", "Клиент"). */
  label: string;
  text: string;
}

const REP_LABELS = /^(rep|agent|seller|sales|operator|менеджер|продавец|оператор|сотрудник|销售|客服|坐席)/i;
const CUSTOMER_LABELS = /^(customer|client|prospect|buyer|клиент|покупатель|заказчик|客户|顾客)/i;

export function speakerOf(label: string): Speaker {
  const l = label.trim();
  if (REP_LABELS.test(l)) return 'rep';
  if (CUSTOMER_LABELS.test(l)) return 'customer';
  return 'other';
}

const TIME = /(?:(\d{1,2}):)?(\d{1,2}):(\d{2})[.,](\d{1,3})/;
function parseTime(s: string): number | null {
  const m = TIME.exec(s.trim());
  if (!m) return null;
  const [, h, mi, se, ms] = m;
  return ((Number(h ?? 0) * 60 + Number(mi)) * 60 + Number(se)) * 1000 + Number(ms.padEnd(3, '0'));
}

function stripTags(s: string) {
  return s
    .replace(/<[^>]*>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ');
}

/** Splits a cue's text into speaker + text: "<v Rep>…", "Rep: …" or "[Rep] …". */
function splitSpeaker(raw: string, fallback: string): { label: string; text: string } {
  const v = /^<v(?:\.[^\s>]*)?\s+([^>]+)>([\s\S]*)$/.exec(raw.trim());
  if (v) return { label: v[1].trim(), text: stripTags(v[2]).trim() };
  const t = stripTags(raw).trim();
  const c = /^(?:\[([^\]]{1,30})\]|([\p{L} .]{1,30}?))\s*[:：]\s*([\s\S]+)$/u.exec(t);
  if (c) return { label: (c[1] ?? c[2]).trim(), text: c[3].trim() };
  return { label: fallback, text: t };
}

export class TranscriptError extends Error {}

/** Parses a transcript file's text; format by content ('WEBVTT' header, SRT arrows, or plain lines). */
export function parseTranscript(
  input: string,
  durationMs: number | null = null,
): { format: 'vtt' | 'srt' | 'text'; segments: TranscriptSegment[] } {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.trim()) throw new TranscriptError('The transcript is empty.');
  const hasArrows = /-->/.test(text);
  if (/^WEBVTT/.test(text) || hasArrows) {
    const format = /^WEBVTT/.test(text) ? 'vtt' : 'srt';
    const segments: TranscriptSegment[] = [];
    let last = 'Speaker';
    for (const block of text.split(/\n{2,}/)) {
      const lines = block.split('\n').filter((l) => l.trim() !== '');
      const ti = lines.findIndex((l) => l.includes('-->'));
      if (ti < 0) continue;
      const [a, b] = lines[ti].split('-->');
      const startMs = parseTime(a);
      const endMs = parseTime(b);
      if (startMs === null || endMs === null) throw new TranscriptError(`Cannot read the time "${lines[ti].trim()}".`);
      const body = lines.slice(ti + 1).join(' ');
      if (!body.trim()) continue;
      const { label, text: t } = splitSpeaker(body, last);
      last = label;
      segments.push({ startMs, endMs: Math.max(endMs, startMs), speaker: speakerOf(label), label, text: t });
    }
    if (!segments.length) throw new TranscriptError('No cues with text were found in the transcript.');
    segments.sort((x, y) => x.startMs - y.startMs);
    return { format, segments };
  }
  // Plain text: one utterance per line; times spread evenly by text length across the call.
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  let last = 'Speaker';
  const raw = lines.map((l) => {
    const s = splitSpeaker(l, last);
    last = s.label;
    return s;
  });
  const totalChars = raw.reduce((s, r) => s + Math.max(1, r.text.length), 0);
  const total = durationMs && durationMs > 0 ? durationMs : totalChars * 70; // ~14 characters per second
  let t = 0;
  const segments = raw.map((r) => {
    const len = (Math.max(1, r.text.length) / totalChars) * total;
    const seg: TranscriptSegment = {
      startMs: Math.round(t),
      endMs: Math.round(t + len),
      speaker: speakerOf(r.label),
      label: r.label,
      text: r.text,
    };
    t += len;
    return seg;
  });
  return { format: 'text', segments };
}

export interface TalkMetrics {
  repMs: number;
  customerMs: number;
  /** Rep's share of talk time, 0..1 (null without speaker tags). */
  talkRatio: number | null;
  longestMonologueMs: number;
  longestMonologueAt: number | null;
  /** Times the rep started speaking while the customer was still talking. */
  interruptions: number;
  interruptionsAt: number[];
  segments: number;
}

/**
 * Talk-to-listen from speaker time; a monologue is consecutive rep segments with
 * gaps under `joinGapMs`; an interruption is a rep segment that starts before the
 * previous customer segment ended.
 */
export function talkMetrics(segments: TranscriptSegment[], joinGapMs = 1500): TalkMetrics {
  let repMs = 0;
  let customerMs = 0;
  let longest = 0;
  let longestAt: number | null = null;
  let runStart: number | null = null;
  let runEnd = 0;
  const interruptionsAt: number[] = [];
  let lastCustomerEnd = -1;
  for (const s of segments) {
    const d = Math.max(0, s.endMs - s.startMs);
    if (s.speaker === 'rep') {
      repMs += d;
      if (s.startMs < lastCustomerEnd - 200) interruptionsAt.push(s.startMs);
      if (runStart !== null && s.startMs - runEnd <= joinGapMs) runEnd = Math.max(runEnd, s.endMs);
      else {
        runStart = s.startMs;
        runEnd = s.endMs;
      }
      if (runEnd - runStart > longest) {
        longest = runEnd - runStart;
        longestAt = runStart;
      }
    } else if (s.speaker === 'customer') {
      customerMs += d;
      lastCustomerEnd = Math.max(lastCustomerEnd, s.endMs);
      // A customer turn of real speech ends the rep's monologue.
      if (d > 0) runStart = null;
    }
  }
  const both = repMs + customerMs;
  return {
    repMs,
    customerMs,
    talkRatio: both > 0 && customerMs + repMs > 0 && segments.some((s) => s.speaker !== 'other') ? repMs / both : null,
    longestMonologueMs: longest,
    longestMonologueAt: longestAt,
    interruptions: interruptionsAt.length,
    interruptionsAt,
    segments: segments.length,
  };
}

/** Index of the segment playing at `ms` (the last one started), or -1. */
export function segmentAt(segments: TranscriptSegment[], ms: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].startMs <= ms) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** Reduces decoded samples to `buckets` peak values (max |x|, 0..1) for the waveform. */
export function computePeaks(samples: Float32Array, buckets = 2000): number[] {
  const n = samples.length;
  const out = new Array<number>(Math.max(1, Math.min(buckets, n || 1))).fill(0);
  if (!n) return out;
  const size = n / out.length;
  for (let b = 0; b < out.length; b++) {
    const from = Math.floor(b * size);
    const to = Math.min(n, Math.floor((b + 1) * size));
    let m = 0;
    for (let i = from; i < to; i++) {
      const v = samples[i] < 0 ? -samples[i] : samples[i];
      if (v > m) m = v;
    }
    out[b] = m;
  }
  const top = Math.max(...out) || 1;
  return out.map((v) => Math.round((v / top) * 1000) / 1000);
}

/** mm:ss or h:mm:ss */
export function fmtClock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

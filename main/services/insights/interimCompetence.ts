/**
 * INTERIM (insights branch only): competence scores derived from the demo's hidden
 * `demo_skill` so the charts can be built and tested before the training feature's
 * competenceScores() lands. At merge the training engineer's competence.ts replaces
 * the stub body that calls this; nothing else depends on it.
 */
import type { DB } from '../../db/open';
import type { CompetenceScore } from '../training/competence';

function hash(...xs: number[]) {
  let h = 2166136261;
  for (const x of xs) {
    h ^= x;
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}
/** Deterministic standard-normal-ish noise from integers (sum of 4 uniforms). */
function noise(...xs: number[]) {
  let s = 0;
  for (let i = 0; i < 4; i++) s += (hash(...xs, i) % 10000) / 10000;
  return (s - 2) / 0.577;
}

let memo: { raw: string; comps: string; byAsOf: Map<string, CompetenceScore[]> } | null = null;

export function interimCompetenceScores(db: DB, opts: { asOf?: string; repIds?: number[] } = {}): CompetenceScore[] {
  const raw = (db.prepare("SELECT value FROM meta WHERE key = 'demo_skill'").pluck().get() as string | undefined) ?? null;
  if (!raw) return [];
  const compsKey = (db.prepare('SELECT group_concat(id) FROM competencies WHERE archived = 0').pluck().get() as string | null) ?? '';
  if (!memo || memo.raw !== raw || memo.comps !== compsKey) memo = { raw, comps: compsKey, byAsOf: new Map() };
  const asOfKey = opts.asOf ?? new Date().toISOString().slice(0, 10);
  let all = memo.byAsOf.get(asOfKey);
  if (!all) {
    all = compute(db, raw, asOfKey);
    if (memo.byAsOf.size > 200) memo.byAsOf.clear();
    memo.byAsOf.set(asOfKey, all);
  }
  if (!opts.repIds) return all;
  const want = new Set(opts.repIds);
  return all.filter((s) => want.has(s.repId));
}

function compute(db: DB, raw: string, asOf: string): CompetenceScore[] {
  const skills = new Map(JSON.parse(raw) as [number, number][]);
  const comps = db.prepare('SELECT id FROM competencies WHERE archived = 0 ORDER BY sort, id').pluck().all() as number[];
  const quarter = Number(asOf.slice(0, 4)) * 4 + Math.floor((Number(asOf.slice(5, 7)) - 1) / 3);
  const out: CompetenceScore[] = [];
  for (const [repId, skill] of skills) {
    // skill grows slowly with time for everyone; evidence accumulates
    const base = skill + 0.01 * (quarter - 8100) / 4 + 0.06 * noise(repId, quarter);
    const per = comps.map((c) => {
      const v = Math.min(1, Math.max(0, base + 0.1 * noise(repId, c)));
      const n = 3 + (hash(repId, c, quarter) % 12);
      return { repId, competencyId: c, score: Math.round(v * 1000) / 10, n, sufficient: n >= 5, asOf };
    });
    const ok = per.filter((p) => p.sufficient);
    const overall = ok.length ? ok.reduce((a, p) => a + p.score!, 0) / ok.length : null;
    out.push({ repId, competencyId: null, score: overall === null ? null : Math.round(overall * 10) / 10, n: per.reduce((a, p) => a + p.n, 0), sufficient: ok.length > 0, asOf });
    out.push(...per.map((p) => (p.sufficient ? p : { ...p, score: null })));
  }
  return out;
}

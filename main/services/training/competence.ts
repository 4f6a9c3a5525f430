/**
 * Competence scores as other features (insights) read them, implemented with
 * the documented blend in shared/domain/competence.ts over four evidence
 * sources: scorecard criteria (listCriterionEvidence), quiz attempts in courses
 * mapped to the competency, manager assessments, drill reviews.
 *
 * Today's scores are cached per rep (competence_cache); new evidence for a rep
 * drops only that rep's rows (invalidateCompetence), and the next read
 * recomputes just that rep. Scores as of another date are computed on the fly.
 */
import type { DB } from '../../db/open';
import { blendCompetence, explainCompetence, levelToScore, overallCompetence, type Evidence } from '../../../shared/domain/competence';
import { listCriterionEvidence } from '../scorecards/evidence';
import { todayIso } from './clock';

export interface CompetenceScore {
  repId: number;
  /** null = the rep's overall competence (mean over competencies with enough evidence). */
  competencyId: number | null;
  /** 0..100, or null when there is too little evidence to state a number. */
  score: number | null;
  /** How many pieces of evidence the score rests on. */
  n: number;
  sufficient: boolean;
  asOf: string;
}

/** Evidence older than this is below 0.4 % weight (8 half-lives) and is not read. */
const LOOKBACK_DAYS = 730;

const minusDays = (iso: string, days: number) =>
  new Date(Date.parse(iso.slice(0, 10) + 'T00:00:00Z') - days * 86_400_000).toISOString().slice(0, 10);

type EvidenceMap = Map<number, Map<number, Evidence[]>>;

function push(map: EvidenceMap, rep: number, comp: number, e: Evidence) {
  let m = map.get(rep);
  if (!m) map.set(rep, (m = new Map<number, Evidence[]>()));
  let list = m.get(comp);
  if (!list) m.set(comp, (list = []));
  list.push(e);
}

/** All evidence for the given reps (or everyone), dated up to `asOf` (from `sinceIn`, default the lookback), grouped rep -> competency. */
export function loadEvidence(db: DB, asOf: string, repIds?: number[], sinceIn?: string): EvidenceMap {
  const since = sinceIn ?? minusDays(asOf, LOOKBACK_DAYS);
  const until = asOf.slice(0, 10) + 'T23:59:59.999Z';
  const map: EvidenceMap = new Map();
  const few = repIds && repIds.length <= 50;
  const inReps = few ? ` AND person_id IN (${repIds.map(() => '?').join(',')})` : '';
  const want = repIds && !few ? new Set(repIds) : null;
  const args = few ? repIds : [];

  const calls = few
    ? repIds.flatMap((repId) => listCriterionEvidence(db, { repId, since, until }))
    : listCriterionEvidence(db, { since, until });
  for (const c of calls)
    if (!want || want.has(c.repId))
      push(map, c.repId, c.competencyId, { source: 'call', value: c.score, at: c.at, label: c.label, ref: c.evaluationId });

  const quiz = db
    .prepare(
      `SELECT a.person_id AS rep, cc.competency_id AS comp, a.score, a.submitted_at AS at, a.item_id AS ref
       FROM quiz_attempts a JOIN course_competencies cc ON cc.course_id = a.course_id
       WHERE a.submitted_at >= ? AND a.submitted_at <= ?${inReps.replace('person_id', 'a.person_id')}`,
    )
    .raw()
    .all(since, until, ...args) as [number, number, number, string, number][];
  for (const [rep, comp, score, at, ref] of quiz)
    if (!want || want.has(rep)) push(map, rep, comp, { source: 'quiz', value: score, at, ref });

  const assessments = db
    .prepare(
      `SELECT rep_id, competency_id, level, assessed_at, id FROM competency_assessments WHERE assessed_at >= ? AND assessed_at <= ?${inReps.replace('person_id', 'rep_id')}`,
    )
    .raw()
    .all(since, until, ...args) as [number, number, number, string, number][];
  for (const [rep, comp, level, at, ref] of assessments)
    if (!want || want.has(rep)) push(map, rep, comp, { source: 'assessment', value: levelToScore(level), at, ref });

  // One drill session (a rep's reviews of one competency on one day) is one piece of evidence: its mean recall.
  const drills = db
    .prepare(`SELECT person_id, competency_id, day, value_sum / reviews, reviews FROM drill_daily WHERE day >= ? AND day <= ?${inReps}`)
    .raw()
    .all(since, asOf.slice(0, 10), ...args) as [number, number, string, number, number][];
  for (const [rep, comp, d, v, k] of drills)
    if (!want || want.has(rep)) push(map, rep, comp, { source: 'drill', value: v, at: d, label: String(k) });
  return map;
}

const activeCompetencyIds = (db: DB) =>
  (db.prepare('SELECT id FROM competencies WHERE archived = 0 ORDER BY sort, id').raw().all() as [number][]).map((r) => r[0]);
const allRepIds = (db: DB) =>
  (
    db
      .prepare("SELECT p.id FROM people p JOIN person_roles r ON r.person_id = p.id AND r.role = 'rep' WHERE p.active = 1 ORDER BY p.id")
      .raw()
      .all() as [number][]
  ).map((r) => r[0]);

function compute(db: DB, repIds: number[], asOf: string): CompetenceScore[] {
  return scoresFrom(loadEvidence(db, asOf, repIds), activeCompetencyIds(db), repIds, asOf);
}

function scoresFrom(ev: EvidenceMap, comps: number[], repIds: number[], asOf: string): CompetenceScore[] {
  const out: CompetenceScore[] = [];
  for (const repId of repIds) {
    const byComp = ev.get(repId);
    const per = comps.map((competencyId) => {
      const r = blendCompetence(byComp?.get(competencyId) ?? [], asOf);
      return { repId, competencyId, score: r.score, n: r.n, sufficient: r.sufficient, asOf, raw: r.rawScore };
    });
    for (const p of per) out.push({ repId: p.repId, competencyId: p.competencyId, score: p.score, n: p.n, sufficient: p.sufficient, asOf });
    const o = overallCompetence(per);
    out.push({ repId, competencyId: null, score: o.score, n: o.n, sufficient: o.sufficient, asOf });
  }
  return out;
}

/**
 * The same scores as competenceScores at each of several dates (the Insights trend, one per
 * month), with the evidence read once for all of them: the SQL cost does not grow with the
 * number of dates, only the in-memory blend does.
 */
export function competenceScoresAt(db: DB, asOfs: string[], repIds: number[]): Map<string, CompetenceScore[]> {
  const out = new Map<string, CompetenceScore[]>();
  if (!asOfs.length) return out;
  const days = [...new Set(asOfs.map((a) => a.slice(0, 10)))].sort();
  const all = loadEvidence(db, days[days.length - 1], repIds, minusDays(days[0], LOOKBACK_DAYS));
  const comps = activeCompetencyIds(db);
  for (const asOf of days) {
    // the window loadEvidence would use for this date alone: calls before the end of the day (exclusive), the rest up to it
    const since = minusDays(asOf, LOOKBACK_DAYS);
    const until = asOf + 'T23:59:59.999Z';
    const ev: EvidenceMap = new Map();
    for (const [rep, byComp] of all)
      for (const [comp, list] of byComp)
        for (const e of list) {
          if (e.at < since) continue;
          if (e.source === 'call' ? e.at >= until : e.source === 'drill' ? e.at > asOf : e.at > until) continue;
          push(ev, rep, comp, e);
        }
    out.set(asOf, scoresFrom(ev, comps, repIds, asOf));
  }
  return out;
}

/**
 * Keeps computed scores when the write lock is free at once, and skips it otherwise: a read
 * (the Insights page while a CRM import's chunk holds the lock)
 * must neither wait for the lock nor fail because a cache could not be written.
 */
function cacheIfFree(db: DB, write: () => void) {
  const wait = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    write();
  } catch (e) {
    if ((e as { code?: string }).code !== 'SQLITE_BUSY') throw e;
  } finally {
    db.pragma(`busy_timeout = ${wait}`);
  }
}

/** Drops a rep's cached scores; call whenever new evidence for the rep is stored (attempt, assessment, drill, evaluation). */
export function invalidateCompetence(db: DB, repId: number) {
  db.prepare('DELETE FROM competence_cache WHERE rep_id = ?').run(repId);
}

/** Scores for every rep (or `repIds`) × competency, plus each rep's overall row (competencyId null). */
export function competenceScores(db: DB, opts: { asOf?: string; repIds?: number[] } = {}): CompetenceScore[] {
  const today = todayIso();
  const asOf = opts.asOf?.slice(0, 10) ?? today;
  const reps = opts.repIds ?? allRepIds(db);
  if (asOf !== today) return compute(db, reps, asOf);

  const cached = db
    .prepare(
      `SELECT rep_id, competency_id, score, n, sufficient FROM competence_cache WHERE as_of = ?${opts.repIds && opts.repIds.length <= 50 ? ` AND rep_id IN (${opts.repIds.map(() => '?').join(',')})` : ''}`,
    )
    .raw()
    .all(today, ...(opts.repIds && opts.repIds.length <= 50 ? opts.repIds : [])) as [number, number, number | null, number, number][];
  const byRep = new Map<number, CompetenceScore[]>();
  for (const [repId, comp, score, n, suff] of cached) {
    let l = byRep.get(repId);
    if (!l) byRep.set(repId, (l = []));
    l.push({ repId, competencyId: comp === 0 ? null : comp, score, n, sufficient: suff === 1, asOf: today });
  }
  const stale = reps.filter((r) => !byRep.has(r));
  if (stale.length) {
    const fresh = compute(db, stale, today);
    const ins = db.prepare(
      'INSERT OR REPLACE INTO competence_cache(rep_id, competency_id, as_of, score, raw_score, n, sufficient) VALUES (?, ?, ?, ?, NULL, ?, ?)',
    );
    cacheIfFree(db, () =>
      db.transaction(() => {
        if (stale.length === reps.length && !opts.repIds) db.prepare('DELETE FROM competence_cache WHERE as_of <> ?').run(today);
        for (const s of fresh) ins.run(s.repId, s.competencyId ?? 0, today, s.score, s.n, s.sufficient ? 1 : 0);
      })(),
    );
    for (const s of fresh) {
      let l = byRep.get(s.repId);
      if (!l) byRep.set(s.repId, (l = []));
      l.push(s);
    }
  }
  return reps.flatMap((r) => byRep.get(r) ?? []);
}

/** One rep × competency with every piece of evidence, its decay and share (the UI's explanation). */
export function explainScore(db: DB, repId: number, competencyId: number, asOf = todayIso()) {
  const ev = loadEvidence(db, asOf, [repId]).get(repId)?.get(competencyId) ?? [];
  const labels = evidenceLabels(db, ev);
  const { result, items } = explainCompetence(ev, asOf);
  return {
    result,
    items: items.map((i) => ({
      source: i.source,
      value: i.value,
      at: i.at,
      label: labels(i),
      decay: i.decay,
      share: i.share,
      ageDays: i.ageDays,
    })),
  };
}

function evidenceLabels(db: DB, ev: Evidence[]) {
  const quizIds = [...new Set(ev.filter((e) => e.source === 'quiz').map((e) => e.ref!))];
  const quizTitles = new Map<number, string>();
  if (quizIds.length)
    for (const r of db
      .prepare(
        `SELECT i.id, c.title || ' · ' || i.title AS t FROM course_items i JOIN courses c ON c.id = i.course_id WHERE i.id IN (${quizIds.map(() => '?').join(',')})`,
      )
      .all(...quizIds) as { id: number; t: string }[])
      quizTitles.set(r.id, r.t);
  const notes = new Map<number, string>();
  const aIds = ev.filter((e) => e.source === 'assessment').map((e) => e.ref!);
  if (aIds.length)
    for (const r of db
      .prepare(
        `SELECT a.id, 'L' || a.level || coalesce(' · ' || p.name, '') || CASE WHEN a.note <> '' THEN ' · ' || a.note ELSE '' END AS t
         FROM competency_assessments a LEFT JOIN people p ON p.id = a.assessor_id WHERE a.id IN (${aIds.map(() => '?').join(',')})`,
      )
      .all(...aIds) as { id: number; t: string }[])
      notes.set(r.id, r.t);
  return (e: Evidence) => {
    if (e.source === 'quiz') return quizTitles.get(e.ref!) ?? '';
    if (e.source === 'assessment') return notes.get(e.ref!) ?? '';
    return e.label ?? '';
  };
}

/** Monthly points over the last year for one rep (for the trend chart). */
export function competenceTrend(db: DB, repId: number, competencyIds: number[], months = 12, asOf = todayIso()) {
  const ev = loadEvidence(db, asOf, [repId]).get(repId);
  const points: { date: string; scores: Record<number, number | null> }[] = [];
  const end = new Date(asOf + 'T00:00:00Z');
  for (let k = months - 1; k >= 0; k--) {
    const d = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - k + 1, 0));
    const date = k === 0 ? asOf : d.toISOString().slice(0, 10);
    const scores: Record<number, number | null> = {};
    for (const c of competencyIds) {
      const r = blendCompetence(ev?.get(c) ?? [], date);
      scores[c] = r.score == null ? null : Math.round(r.score * 10) / 10;
    }
    points.push({ date, scores });
  }
  return points;
}

/**
 * Scores for several dates at once (e.g. monthly points for the insights charts):
 * evidence is read once, up to the latest date, and blended per date.
 * Same rows as competenceScores(db, { asOf }) for each date.
 */
export function competenceSeries(db: DB, opts: { dates: string[]; repIds?: number[] }): CompetenceScore[] {
  if (!opts.dates.length) return [];
  const dates = [...new Set(opts.dates.map((d) => d.slice(0, 10)))].sort();
  const reps = opts.repIds ?? allRepIds(db);
  const comps = activeCompetencyIds(db);
  const ev = loadEvidence(db, dates[dates.length - 1], reps);
  const out: CompetenceScore[] = [];
  for (const asOf of dates)
    for (const repId of reps) {
      const byComp = ev.get(repId);
      const per = comps.map((competencyId) => ({ competencyId, ...blendCompetence(byComp?.get(competencyId) ?? [], asOf) }));
      for (const p of per) out.push({ repId, competencyId: p.competencyId, score: p.score, n: p.n, sufficient: p.sufficient, asOf });
      const o = overallCompetence(per);
      out.push({ repId, competencyId: null, score: o.score, n: o.n, sufficient: o.sufficient, asOf });
    }
  return out;
}

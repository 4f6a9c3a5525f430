/** A rep's competence profile: scores vs role target, trend, and suggested courses for the biggest gaps. */
import type { CompetenceExplanation, CompetenceProfile } from '../../../shared/api/training';
import { HALF_LIFE_DAYS, levelToScore } from '../../../shared/domain/competence';
import type { DB } from '../../db/open';
import { todayIso } from './clock';
import { competenceScores, competenceTrend, explainScore } from './competence';
import { getModel, jobRoleOf } from './model';

export function competenceProfile(db: DB, personId: number): CompetenceProfile {
  const model = getModel(db);
  const asOf = todayIso();
  const jobRoleId = jobRoleOf(db, personId);
  const scores = competenceScores(db, { repIds: [personId] });
  const rows = model.competencies.map((c) => {
    const s = scores.find((x) => x.competencyId === c.id);
    const targetLevel = jobRoleId != null ? (model.targets[`${jobRoleId}:${c.id}`] ?? null) : null;
    const targetScore = targetLevel != null ? levelToScore(targetLevel) : null;
    const score = s?.score != null ? Math.round(s.score * 10) / 10 : null;
    return {
      competencyId: c.id,
      name: c.name,
      names: c.names,
      score,
      rawScore: null,
      n: s?.n ?? 0,
      sufficient: s?.sufficient ?? false,
      targetLevel,
      targetScore,
      gap: score != null && targetScore != null ? Math.round((targetScore - score) * 10) / 10 : null,
    };
  });
  const overall = scores.find((x) => x.competencyId === null)?.score ?? null;
  // Gaps first (largest shortfall vs target), then competencies with too little evidence to judge.
  const weak = rows
    .filter((r) => (r.gap != null && r.gap > 0) || !r.sufficient)
    .sort((a, b) => (b.gap ?? -1) - (a.gap ?? -1))
    .slice(0, 3);
  const suggest = db.prepare(
    `SELECT c.id, c.title, EXISTS (SELECT 1 FROM assignments a WHERE a.course_id = c.id AND a.person_id = ? AND a.retired_at IS NULL) AS assigned
     FROM courses c JOIN course_competencies cc ON cc.course_id = c.id AND cc.competency_id = ?
     WHERE c.status = 'published' AND NOT EXISTS (SELECT 1 FROM course_completions x WHERE x.course_id = c.id AND x.person_id = ?)
     ORDER BY assigned DESC, c.title LIMIT 2`,
  );
  const suggestions = weak.flatMap((w) =>
    (suggest.all(personId, w.competencyId, personId) as { id: number; title: string; assigned: number }[]).map((c) => ({
      competencyId: w.competencyId,
      courseId: c.id,
      title: c.title,
      assigned: c.assigned === 1,
    })),
  );
  return {
    personId,
    asOf,
    jobRoleId,
    rows,
    overall: overall != null ? Math.round(overall * 10) / 10 : null,
    trend: competenceTrend(
      db,
      personId,
      model.competencies.map((c) => c.id),
      12,
      asOf,
    ),
    suggestions,
  };
}

export function competenceExplanation(db: DB, personId: number, competencyId: number, asOf = todayIso()): CompetenceExplanation {
  const { result, items } = explainScore(db, personId, competencyId, asOf);
  return {
    competencyId,
    asOf,
    score: result.score,
    rawScore: result.rawScore,
    n: result.n,
    effective: result.effective,
    sufficient: result.sufficient,
    halfLifeDays: HALF_LIFE_DAYS,
    sources: result.sources,
    evidence: items.slice(0, 300),
  };
}

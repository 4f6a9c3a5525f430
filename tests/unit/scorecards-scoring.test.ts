import { describe, expect, it } from 'vitest';
import {
  needsEvidence,
  scoreEvaluation,
  type Answer,
  type CriterionDef,
  type SectionDef,
  type TemplateDef,
} from '../../shared/domain/scoring';

const L = (en: string) => ({ en, ru: '', zh: '' });
let nextId = 1;
const crit = (o: Partial<CriterionDef> = {}): CriterionDef => ({
  id: nextId++,
  prompt: L(`Criterion ${nextId}`),
  guideline: L(''),
  scale: '1_5',
  weight: 1,
  naAllowed: true,
  critical: false,
  competencyId: null,
  scriptStage: null,
  ...o,
});
const section = (criteria: CriterionDef[], o: Partial<SectionDef> = {}): SectionDef => ({
  key: `s${nextId++}`,
  title: L('S'),
  kind: 'standard',
  weight: 1,
  criteria,
  ...o,
});
const answers = (pairs: [CriterionDef, number | 'na'][]) =>
  Object.fromEntries(pairs.map(([c, v]) => [c.id, (v === 'na' ? { value: null, na: true } : { value: v, na: false }) as Answer]));

describe('scoring rules', () => {
  const seven = Array.from({ length: 7 }, () => crit());
  const def: TemplateDef = { sections: [section(seven)], bonusCap: 10 };

  it('21 of 35 points = 60%', () => {
    const r = scoreEvaluation(def, answers(seven.map((c, i) => [c, [3, 3, 3, 3, 3, 3, 3][i]])));
    expect(r.score).toBe(60);
    expect(r.sections[0]).toMatchObject({ earned: 21, possible: 35 });
  });

  it('N/A on a 5-point criterion removes it from both sides: 16 of 30 = 53.3%', () => {
    // 6 answered criteria summing to 16, the seventh N/A.
    const vals = [3, 3, 3, 3, 2, 2];
    const r = scoreEvaluation(def, answers([...seven.slice(0, 6).map((c, i) => [c, vals[i]] as [CriterionDef, number]), [seven[6], 'na']]));
    expect(r.sections[0]).toMatchObject({ earned: 16, possible: 30 });
    expect(r.score).toBe(53.3);
    expect(r.missing).toEqual([]);
  });

  it('unanswered criteria are reported missing and do not count; nothing answered = no score', () => {
    expect(scoreEvaluation(def, {}).score).toBeNull();
    const r = scoreEvaluation(def, answers([[seven[0], 5]]));
    expect(r.score).toBe(100);
    expect(r.missing).toHaveLength(6);
  });

  it('a failed critical criterion sets the total to 0 and says which one', () => {
    const comp = crit({ scale: 'yes_no', critical: true, prompt: L('Compliance') });
    const d: TemplateDef = { sections: [section([...seven, comp])], bonusCap: 0 };
    const r = scoreEvaluation(d, answers([...seven.map((c) => [c, 5] as [CriterionDef, number]), [comp, 0]]));
    expect(r.score).toBe(0);
    expect(r.autoFailed).toBe(true);
    expect(r.base).toBeCloseTo((35 / 36) * 100, 1);
    expect(r.failedBy).toEqual([{ criterionId: comp.id, prompt: L('Compliance'), kind: 'critical' }]);
    // passing it keeps the score; N/A on a critical item is not a failure
    expect(scoreEvaluation(d, answers([...seven.map((c) => [c, 5] as [CriterionDef, number]), [comp, 1]])).score).toBe(100);
    expect(scoreEvaluation(d, answers([...seven.map((c) => [c, 5] as [CriterionDef, number]), [comp, 'na']])).autoFailed).toBe(false);
  });

  it('an auto-fail section answered "no" zeroes the score; evidence is required for it', () => {
    const af = crit({ scale: 'yes_no', prompt: L('Disclosed recording') });
    const d: TemplateDef = { sections: [section(seven), section([af], { kind: 'auto_fail' })], bonusCap: 0 };
    const a = answers([...seven.map((c) => [c, 4] as [CriterionDef, number]), [af, 0]]);
    const r = scoreEvaluation(d, a);
    expect(r.score).toBe(0);
    expect(r.failedBy[0].kind).toBe('auto_fail');
    expect(needsEvidence(d, a)).toEqual([af.id]);
    expect(needsEvidence(d, { ...a, [af.id]: { value: 0, na: false, evidenceMs: 12_000 } })).toEqual([]);
    // auto-fail items passed do not add points
    expect(scoreEvaluation(d, { ...a, [af.id]: { value: 1, na: false } }).score).toBe(80);
  });

  it('a bonus section adds points up to the cap, but the score never goes above 100% (the bonus is reported on its own)', () => {
    const b1 = crit({ scale: 'yes_no', weight: 5 });
    const b2 = crit({ scale: 'yes_no', weight: 10 });
    const d: TemplateDef = { sections: [section(seven), section([b1, b2], { kind: 'bonus' })], bonusCap: 8 };
    const full = answers([...seven.map((c) => [c, 5] as [CriterionDef, number]), [b1, 1], [b2, 1]]);
    const r = scoreEvaluation(d, full);
    expect(r.bonus).toBe(8);
    expect(r.base).toBe(100);
    expect(r.score).toBe(100);
    const some = answers([...seven.map((c) => [c, 3] as [CriterionDef, number]), [b1, 1], [b2, 0]]);
    expect(scoreEvaluation(d, some).score).toBe(65);
  });

  it('worked example: base 97.5% plus a 5-point bonus is 100%, not 102.5%', () => {
    // 39 of 40 points: 7 criteria at 5 and one at 4 on a 1-5 scale
    const eight = Array.from({ length: 8 }, () => crit());
    const b = crit({ scale: 'yes_no', weight: 5 });
    const d: TemplateDef = { sections: [section(eight), section([b], { kind: 'bonus' })], bonusCap: 5 };
    const r = scoreEvaluation(d, answers([...eight.map((c, i) => [c, i === 0 ? 4 : 5] as [CriterionDef, number]), [b, 1]]));
    expect(r.base).toBe(97.5);
    expect(r.bonus).toBe(5);
    expect(r.score).toBe(100);
    // below 100 the bonus still counts in full: 60% + 5 = 65%
    const low = scoreEvaluation(d, answers([...eight.map((c) => [c, 3] as [CriterionDef, number]), [b, 1]]));
    expect(low.score).toBe(65);
  });

  it('weighted sections: the base is the weight-averaged section percentage', () => {
    const a1 = crit();
    const a2 = crit();
    const b1 = crit({ scale: '0_10' });
    const d: TemplateDef = { sections: [section([a1, a2], { weight: 3 }), section([b1], { weight: 1 })], bonusCap: 0 };
    // section A: 8/10 = 80%; section B: 4/10 = 40%; (80*3 + 40*1) / 4 = 70
    const r = scoreEvaluation(
      d,
      answers([
        [a1, 4],
        [a2, 4],
        [b1, 4],
      ]),
    );
    expect(r.score).toBe(70);
    // criterion weights inside a section: 5 (w2) + 1 (w1) -> (10 + 1) / 15 = 73.3
    const c1 = crit({ weight: 2 });
    const c2 = crit();
    expect(
      scoreEvaluation(
        { sections: [section([c1, c2])], bonusCap: 0 },
        answers([
          [c1, 5],
          [c2, 1],
        ]),
      ).score,
    ).toBe(73.3);
    // a section with everything N/A drops out of the average instead of counting as 0
    expect(
      scoreEvaluation(
        d,
        answers([
          [a1, 4],
          [a2, 4],
          [b1, 'na'],
        ]),
      ).score,
    ).toBe(80);
  });
});

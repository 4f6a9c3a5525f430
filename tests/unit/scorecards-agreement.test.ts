import { describe, expect, it } from 'vitest';
import {
  agreementTolerance,
  alphaMetric,
  ambiguity,
  graderBias,
  krippendorffAlpha,
  percentWithin,
  spread,
} from '../../shared/domain/agreement';

const _ = null;
// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers x 12 units, missing data.
const K2011 = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

describe("Krippendorff's alpha", () => {
  it('matches the published values for the 4 x 12 example with missing data', () => {
    const nominal = krippendorffAlpha(K2011, 'nominal');
    expect(nominal.n).toBe(40);
    expect(nominal.units).toBe(11);
    expect(nominal.alpha!).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(K2011, 'interval').alpha!).toBeCloseTo(0.849, 3);
    expect(krippendorffAlpha(K2011, 'ordinal').alpha!).toBeCloseTo(0.815, 3);
  });
  it('matches the binary two-coder example (Krippendorff 2011, section A): alpha = 0.095', () => {
    const a = [
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ];
    expect(krippendorffAlpha(a, 'nominal').alpha!).toBeCloseTo(0.095, 3);
  });
  it('is 1 for perfect agreement, undefined with no variation, ignores units with one value', () => {
    expect(
      krippendorffAlpha(
        [
          [1, 2, 3],
          [1, 2, 3],
        ],
        'ordinal',
      ).alpha,
    ).toBe(1);
    expect(
      krippendorffAlpha(
        [
          [2, 2],
          [2, 2],
        ],
        'ordinal',
      ).alpha,
    ).toBeNull();
    expect(
      krippendorffAlpha(
        [
          [1, 2, 3, 5],
          [1, 2, 3, _],
        ],
        'ordinal',
      ).units,
    ).toBe(3);
    expect(krippendorffAlpha([[60], [90]], 'interval')).toEqual({ alpha: null, n: 2, units: 1 });
  });
});

describe('within one point, spread, bias, ambiguity', () => {
  it('counts grader pairs within one point', () => {
    const r = percentWithin([
      [1, 3, 5],
      [2, 5, 5],
      [1, 3, _],
    ]);
    // unit1 pairs: (1,2)(1,1)(2,1) all ok; unit2: (3,5)x (3,3)ok (5,3)x; unit3: (5,5) ok
    expect(r.pairs).toBe(7);
    expect(r.percent!).toBeCloseTo((5 / 7) * 100, 6);
  });
  it('spread of one unit', () => {
    const s = spread([60, 80, null, 70]);
    expect(s).toMatchObject({ n: 3, min: 60, max: 80, mean: 70, range: 20 });
    expect(s.sd!).toBeCloseTo(10, 6);
  });
  it('bias against the others and against a reference', () => {
    const data = [
      [90, 80, 70],
      [70, 60, 50],
      [80, 70, 60],
    ];
    const b = graderBias(data, { threshold: 5 });
    expect(b[0]).toMatchObject({ bias: 15, n: 3, label: 'lenient' });
    expect(b[1]).toMatchObject({ bias: -15, label: 'harsh' });
    expect(b[2]).toMatchObject({ bias: 0, label: 'aligned' });
    const r = graderBias(data, { reference: 2, threshold: 5 });
    expect(r[0].bias).toBe(10);
    expect(r[1].bias).toBe(-10);
    expect(r[2].label).toBe('unknown');
  });
  it('flags a criterion where scores differ by more than one point on > 30% of calls', () => {
    expect(
      ambiguity([
        [1, 5, 3, 4],
        [3, 5, 3, 4],
      ]).ambiguous,
    ).toBe(false); // 1 of 4 = 25%
    const a = ambiguity([
      [1, 5, 1, 4],
      [3, 5, 3, 4],
    ]);
    expect(a).toMatchObject({ disagreeing: 2, units: 4, ambiguous: true });
  });
});

describe('yes/no criteria are judged on their own scale', () => {
  // two graders who disagree on every one of 6 calls of a yes/no criterion
  const opposite = [
    [1, 0, 1, 0, 1, 0],
    [0, 1, 0, 1, 0, 1],
  ];
  it('0 against 1 is never agreement: exact rule gives 0%, not 100%', () => {
    expect(percentWithin(opposite, 1).percent).toBe(100); // the old, wrong reading ("within one point")
    const tol = agreementTolerance('yes_no');
    expect(tol).toBe(0);
    expect(percentWithin(opposite, tol)).toEqual({ percent: 0, pairs: 6, agreeing: 0 });
    // 4 of 6 calls the same: 66.7%
    expect(
      percentWithin(
        [
          [1, 1, 0, 0, 1, 0],
          [1, 1, 0, 0, 0, 1],
        ],
        tol,
      ).percent!,
    ).toBeCloseTo(66.667, 2);
  });
  it('disagreeing on every call is ambiguous on a yes/no criterion', () => {
    expect(ambiguity(opposite, 0.3).ambiguous).toBe(false); // the old rule (range > 1) never fires on 0/1
    expect(ambiguity(opposite, 0.3, agreementTolerance('yes_no'))).toMatchObject({ disagreeing: 6, units: 6, share: 1, ambiguous: true });
  });
  it('point scales keep "within one point"; yes/no uses nominal alpha', () => {
    expect(agreementTolerance('1_5')).toBe(1);
    expect(agreementTolerance('0_10')).toBe(1);
    expect(alphaMetric('yes_no')).toBe('nominal');
    expect(alphaMetric('1_5')).toBe('ordinal');
    expect(krippendorffAlpha(opposite, alphaMetric('yes_no')).alpha!).toBeLessThan(0);
  });
});

import fc from 'fast-check';
import { RejectionReason } from '../hiring';
import {
  decideStage,
  displayScore,
  meetsScore,
  profileWeight,
  Recommendation,
  scoreProblem,
  StageDecisionOutcome,
  weightedScore,
} from '../scoring';

const criteria = [
  { criterionId: 'a', name: 'Design', weight: 2 },
  { criterionId: 'b', name: 'Code', weight: 1 },
  { criterionId: 'c', name: 'Talk', weight: 1 },
];
const card = (name: string, scores: [number, number, number], recommendation = Recommendation.YES) => ({
  interviewerName: name,
  recommendation,
  ratings: [
    { criterionId: 'a', score: scores[0] },
    { criterionId: 'b', score: scores[1] },
    { criterionId: 'c', score: scores[2] },
  ],
});
const base = { criteria, passThreshold: 2.75, meetsScore: 3, mustVerifySkills: [] };

describe('weightedScore', () => {
  it('weights each criterion', () => {
    expect(weightedScore(card('x', [4, 2, 2]).ratings, criteria)).toBe(3);
    expect(weightedScore([], criteria)).toBeNull();
  });

  it('stays within the scale', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
        (scores) => {
          const score = weightedScore(card('x', scores).ratings, criteria)!;
          expect(score).toBeGreaterThanOrEqual(1);
          expect(score).toBeLessThanOrEqual(4);
        },
      ),
    );
  });
});

describe('scoreProblem', () => {
  it('accepts whole numbers on the scale only', () => {
    const scale = { scaleMin: 1, scaleMax: 4 };
    expect([1, 2, 3, 4].map((score) => scoreProblem(score, scale))).toEqual([null, null, null, null]);
    for (const score of [0, 5, 2.5, Number.NaN]) {
      expect(scoreProblem(score, scale)).toBe('must be a whole number from 1 to 4');
    }
  });
});

describe('decideStage', () => {
  it('passes a panel above the threshold and explains why', () => {
    const result = decideStage({ ...base, scorecards: [card('Ann', [4, 3, 3]), card('Ben', [3, 3, 2])] });
    expect(result.outcome).toBe(StageDecisionOutcome.PASSED);
    expect(result.average).toBeCloseTo((3.5 + 2.75) / 2);
    expect(result.reasons).toEqual([
      "1 of 3 criteria below 'meets': Talk",
      'Weighted average 3.13 reaches the threshold 2.75',
    ]);
  });

  it('fails on a low average, on any STRONG_NO, and on an unverified must-verify skill', () => {
    expect(decideStage({ ...base, scorecards: [card('Ann', [2, 2, 3])] }).reasons[0]).toBe(
      'Weighted average 2.25 is below the threshold 2.75',
    );
    const strongNo = decideStage({
      ...base,
      scorecards: [card('Ann', [4, 4, 4]), card('Ben', [4, 4, 4], Recommendation.STRONG_NO)],
    });
    expect(strongNo).toMatchObject({
      outcome: StageDecisionOutcome.FAILED,
      reasons: ['STRONG_NO from Ben', expect.any(String)],
    });
    const skill = decideStage({
      ...base,
      scorecards: [card('Ann', [4, 4, 4])],
      mustVerifySkills: [{ name: 'SQL', verified: false }],
    });
    expect(skill.outcome).toBe(StageDecisionOutcome.FAILED);
    expect(skill.reasons[0]).toBe('Must-verify skill "SQL" is not verified');
  });

  it('never passes with a STRONG_NO, whatever the scores', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
          { minLength: 1, maxLength: 4 },
        ),
        (panel) => {
          const cards = panel.map((scores, index) =>
            card(`p${index}`, scores, index === 0 ? Recommendation.STRONG_NO : Recommendation.STRONG_YES),
          );
          expect(decideStage({ ...base, scorecards: cards }).outcome).toBe(StageDecisionOutcome.FAILED);
        },
      ),
    );
  });

  it('names a failure with a code, by priority: unverified skill, then STRONG_NO, then below the bar', () => {
    const low = card('Ann', [1, 1, 1]);
    const high = card('Ben', [4, 4, 4]);
    const strongNo = card('Cy', [4, 4, 4], Recommendation.STRONG_NO);
    const unverified = [{ name: 'SQL', verified: false }];
    expect(decideStage({ ...base, scorecards: [high] }).reasonCode).toBeNull();
    expect(decideStage({ ...base, scorecards: [low] }).reasonCode).toBe(RejectionReason.BELOW_BAR);
    expect(decideStage({ ...base, scorecards: [high, strongNo] }).reasonCode).toBe(RejectionReason.STRONG_NO);
    // Below the bar and a STRONG_NO: the STRONG_NO names it, though the reasons list the average first.
    const both = decideStage({ ...base, scorecards: [low, card('Cy', [1, 1, 1], Recommendation.STRONG_NO)] });
    expect(both.reasonCode).toBe(RejectionReason.STRONG_NO);
    expect(both.reasons[0]).toMatch(/below the threshold/);
    expect(decideStage({ ...base, scorecards: [low, strongNo], mustVerifySkills: unverified }).reasonCode).toBe(
      RejectionReason.SKILL_NOT_VERIFIED,
    );
  });

  it('gives a code exactly when the stage fails', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            scores: fc.tuple(
              fc.integer({ min: 1, max: 4 }),
              fc.integer({ min: 1, max: 4 }),
              fc.integer({ min: 1, max: 4 }),
            ),
            recommendation: fc.constantFrom(...Object.values(Recommendation)),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        fc.boolean(),
        (panel, skillVerified) => {
          const result = decideStage({
            ...base,
            scorecards: panel.map((entry, index) => card(`p${index}`, entry.scores, entry.recommendation)),
            mustVerifySkills: [{ name: 'SQL', verified: skillVerified }],
          });
          expect(result.reasonCode === null).toBe(result.outcome === StageDecisionOutcome.PASSED);
          if (!skillVerified) expect(result.reasonCode).toBe(RejectionReason.SKILL_NOT_VERIFIED);
        },
      ),
    );
  });
});

describe('meetsScore and profileWeight', () => {
  it('takes the level labelled Meets, else the pass threshold, else 0', () => {
    const levels = [
      { label: 'Below', score: 1 },
      { label: 'meets', score: 3 },
    ];
    expect(meetsScore(levels, 2.5)).toBe(3);
    expect(meetsScore([{ label: 'Strong', score: 4 }], 2.5)).toBe(2.5);
    expect(meetsScore(undefined, null)).toBe(0);
  });

  it('applies a profile factor to three decimals', () => {
    expect(profileWeight(0.3, 1.25)).toBe(0.375);
    expect(profileWeight(0.2, 1 / 3)).toBe(0.067);
  });
});

describe('displayScore', () => {
  it('shows a score to 2 decimals and leaves null alone', () => {
    expect(displayScore(2.7399999999999998)).toBe(2.74);
    expect(displayScore(2.746)).toBe(2.75);
    expect(displayScore(-0.125)).toBe(-0.13);
    expect(displayScore(-0.001)).toBe(0);
    expect(displayScore(3)).toBe(3);
    expect(displayScore(null)).toBeNull();
  });

  it('is within half a hundredth of the exact value and idempotent', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), (value) => {
        const shown = displayScore(value);
        expect(Math.abs(shown - value)).toBeLessThanOrEqual(0.005 + 1e-12);
        expect(displayScore(shown)).toBe(shown);
      }),
    );
  });
});

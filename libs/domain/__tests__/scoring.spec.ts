import fc from 'fast-check';
import { decideStage, Recommendation, StageDecisionOutcome, weightedScore } from '../scoring';

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
});

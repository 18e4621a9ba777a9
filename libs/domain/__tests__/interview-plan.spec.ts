import { SkillPriority } from '../hiring';
import { planProblems, type PlanSnapshot } from '../interview-plan';

const levels = (scores: number[]) =>
  scores.map((score) => ({ score, label: `L${score}`, description: `level ${score}` }));

function plan(overrides: Partial<PlanSnapshot> = {}): PlanSnapshot {
  return {
    stages: [
      {
        key: 'screen',
        name: 'Screen',
        order: 1,
        passThreshold: 2.5,
        durationMinutes: 30,
        feedbackDueHours: 24,
        rubric: { scaleMin: 1, scaleMax: 4, criteria: [{ name: 'Clarity', weight: 1, levels: levels([1, 2, 3, 4]) }] },
      },
      {
        key: 'final',
        name: 'Final',
        order: 2,
        passThreshold: null,
        durationMinutes: 60,
        feedbackDueHours: 48,
        rubric: null,
      },
    ],
    skillRequirements: [
      { skillId: 's', skillName: 'SQL', priority: SkillPriority.MUST_VERIFY, verifiedIn: ['screen'] },
    ],
    ...overrides,
  };
}

describe('planProblems', () => {
  it('accepts a valid plan', () => {
    expect(planProblems(plan())).toEqual({});
  });

  it('names a level out of scale, a missing level and a weight that is not positive', () => {
    const broken = plan();
    broken.stages[0]!.rubric!.criteria = [
      { name: 'A', weight: 1, levels: levels([1, 2, 3, 5]) },
      { name: 'B', weight: 0, levels: levels([1, 2, 4]) },
    ];
    expect(planProblems(broken)).toEqual({
      'stages[0].rubric.criteria[0].levels': 'score 5 is outside the scale 1..4',
      'stages[0].rubric.criteria[1].weight': 'must be positive',
      'stages[0].rubric.criteria[1].levels': '"B" defines no level for score 3',
    });
  });

  it('refuses a duplicate stage order and a pass threshold outside the scale', () => {
    const broken = plan();
    broken.stages[1]!.order = 1;
    broken.stages[0]!.passThreshold = 4.5;
    expect(planProblems(broken)).toEqual({
      'stages[1].order': '1 is already used by stage "Screen"',
      'stages[0].passThreshold': '4.5 is outside the rubric scale 1..4',
    });
  });

  it('refuses a must-verify skill that no stage verifies, but not a good-to-verify one', () => {
    const unverified = plan({
      skillRequirements: [
        { skillId: 's', skillName: 'SQL', priority: SkillPriority.MUST_VERIFY, verifiedIn: [] },
        { skillId: 'g', skillName: 'Go', priority: SkillPriority.GOOD_TO_VERIFY, verifiedIn: [] },
      ],
    });
    expect(planProblems(unverified)).toEqual({
      'skillRequirements[0].verifiedIn': '"SQL" must be verified, so at least one stage has to verify it',
    });
  });
});

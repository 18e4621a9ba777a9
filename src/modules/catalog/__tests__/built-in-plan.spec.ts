import { planProblems, SkillPriority, StageKind } from '../../../../libs/domain';
import { readBuiltInPlan } from '../built-in-catalog.service';

describe('the built-in Backend Developer plan', () => {
  const plan = readBuiltInPlan('backend-developer.plan.json');

  it('has every stage kind the source guides describe, HR screen first and final last', () => {
    const kinds = [...plan.stages].sort((a, b) => a.order - b.order).map((stage) => stage.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        StageKind.HR_SCREEN,
        StageKind.TECHNICAL,
        StageKind.SYSTEM_DESIGN,
        StageKind.CODING_CHALLENGE,
        StageKind.BEHAVIORAL,
        StageKind.FINAL,
      ]),
    );
    expect(kinds[0]).toBe(StageKind.HR_SCREEN);
    expect(kinds.at(-1)).toBe(StageKind.FINAL);
  });

  it('gives every stage a rubric whose criteria cover all its success criteria', () => {
    for (const stage of plan.stages) {
      const covered = new Set(stage.rubric.criteria.flatMap((criterion) => criterion.covers));
      expect({ stage: stage.key, uncovered: stage.successCriteria.filter((item) => !covered.has(item)) }).toEqual({
        stage: stage.key,
        uncovered: [],
      });
    }
  });

  it('verifies every must-verify skill in at least one stage', () => {
    const must = plan.skillRequirements.filter((requirement) => requirement.priority === SkillPriority.MUST_VERIFY);
    expect(must.length).toBeGreaterThan(0);
    for (const requirement of must) expect(requirement.verifiedInStages.length).toBeGreaterThan(0);
  });

  it('obeys the plan rules (scales, levels, weights, thresholds)', () => {
    const snapshot = {
      stages: plan.stages,
      skillRequirements: plan.skillRequirements.map((requirement) => ({
        skillId: requirement.skill,
        skillName: requirement.skill,
        priority: requirement.priority,
        verifiedIn: requirement.verifiedInStages,
      })),
    };
    expect(planProblems(snapshot)).toEqual({});
  });

  it('has follow-ups and red flags for every question, STAR guidance for behavioral ones, a take-home task and all profiles', () => {
    for (const question of plan.questions) {
      expect(question.followUps.length).toBeGreaterThan(0);
      expect(question.redFlags.length).toBeGreaterThan(0);
      if (question.category === 'BEHAVIORAL') expect(question.star).not.toBeNull();
    }
    const takeHome = plan.stages.find((stage) => stage.kind === StageKind.CODING_CHALLENGE)!;
    expect(takeHome.practicalTaskKey).not.toBeNull();
    expect(plan.companyProfiles.map((profile) => profile.profile).sort()).toEqual(['AGENCY', 'ENTERPRISE', 'STARTUP']);
  });
});

import {
  SkillPriority,
  SkillVerdict,
  decideStage,
  skillVerdictOf,
  type CriterionWeight,
  type Recommendation,
  type RecordedVerdict,
} from '../../../../libs/domain';
import { generateHistory, type ScorecardRow, type SyntheticHistory } from '..';

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/**
 * Guards the generator against drifting from the rules: every stage decision of a generated
 * history must be what libs/domain decideStage makes of that history's own rows, read the way
 * StageDecisionService reads the database (submitted scorecards of the visit, the stage's rubric
 * and threshold, the plan's must-verify skills with the application's verdicts at that time).
 */
describe('stage decisions of a generated history', () => {
  let history: SyntheticHistory;
  const at = (key: string, applicationId: string, stageId: string) => `${key}/${applicationId}/${stageId}`;

  beforeAll(() => {
    history = generateHistory({ applications: 2500, seed: 2024 });
  });

  it('equal decideStage applied to the history’s submitted scorecards, rubric, threshold and skills', () => {
    const users = new Map(history.users.map((user) => [user.id, user]));
    const stages = new Map(history.planStages.map((stage) => [stage.id, stage]));
    const visits = new Map(history.stageVisits.map((visit) => [visit.id, visit]));
    const interviews = new Map(history.interviews.map((interview) => [interview.id, interview]));
    const rubricOfStage = new Map(history.rubrics.map((rubric) => [rubric.stageId, rubric]));
    const criteriaOfRubric = groupBy(history.rubricCriteria, (criterion) => criterion.rubricId);
    const skills = new Map(history.skills.map((skill) => [skill.id, skill]));
    const verifiedIn = groupBy(history.skillRequirementVerifiedIn, (link) => link.skillRequirementId);
    const requirementsOfPlan = groupBy(history.skillRequirements, (requirement) => requirement.planId);
    const interviewsOfVisit = groupBy(history.interviews, (interview) =>
      at('visit', interview.applicationId, interview.stageId),
    );
    const scorecardsOfInterview = groupBy(history.scorecards, (card) => card.interviewId);
    const submittedOfApplication = groupBy(
      history.scorecards.filter((card) => card.status === 'SUBMITTED'),
      (card) => interviews.get(card.interviewId)!.applicationId,
    );

    /** The application's verdict on a skill from the verdicts of scorecards submitted by `time`. */
    const verdictAt = (applicationId: string, skillId: string, time: Date) => {
      const recorded: RecordedVerdict[] = [];
      for (const card of submittedOfApplication.get(applicationId) ?? []) {
        if (card.submittedAt! > time) continue;
        const stage = stages.get(interviews.get(card.interviewId)!.stageId)!;
        for (const entry of card.skillVerdicts)
          if (entry.skillId === skillId)
            recorded.push({ verdict: entry.verdict as SkillVerdict, stageOrder: stage.order });
      }
      return skillVerdictOf(recorded);
    };

    let withSkills = 0;
    for (const decision of history.stageDecisions) {
      const visit = visits.get(decision.visitId)!;
      expect([visit.applicationId, visit.stageId]).toEqual([decision.applicationId, decision.stageId]);
      const stage = stages.get(decision.stageId)!;
      const completed = (interviewsOfVisit.get(at('visit', visit.applicationId, visit.stageId)) ?? []).filter(
        (interview) => interview.status === 'COMPLETED' && interview.createdAt >= visit.enteredAt,
      );
      const scorecards: ScorecardRow[] = completed.flatMap(
        (interview) => scorecardsOfInterview.get(interview.id) ?? [],
      );
      // Decided only once every panelist of every completed interview had submitted.
      expect(scorecards.length).toBeGreaterThan(0);
      for (const card of scorecards) {
        expect(card.status).toBe('SUBMITTED');
        expect(card.submittedAt!.getTime()).toBeLessThanOrEqual(decision.createdAt.getTime());
      }
      const criteria = criteriaOfRubric.get(rubricOfStage.get(stage.id)!.id)!.sort((a, b) => a.position - b.position);
      const weights: CriterionWeight[] = criteria.map((c) => ({ criterionId: c.id, name: c.name, weight: c.weight }));
      const mustVerifySkills = (requirementsOfPlan.get(stage.planId) ?? [])
        .filter(
          (requirement) =>
            requirement.priority === SkillPriority.MUST_VERIFY &&
            (verifiedIn.get(requirement.id) ?? []).some((link) => link.planStageId === stage.id),
        )
        .map((requirement) => ({
          name: skills.get(requirement.skillId)!.name,
          verified: verdictAt(visit.applicationId, requirement.skillId, decision.createdAt) === SkillVerdict.VERIFIED,
        }));
      if (mustVerifySkills.length) withSkills++;

      const expected = decideStage({
        scorecards: scorecards.map((card) => ({
          interviewerName: users.get(card.interviewerId)!.name,
          ratings: card.ratings,
          recommendation: card.recommendation as Recommendation,
        })),
        criteria: weights,
        passThreshold: stage.passThreshold,
        meetsScore: criteria[0]!.levels.find((level) => /^meets$/i.test(level.label))!.score,
        mustVerifySkills,
      });
      expect({
        outcome: decision.outcome,
        reasons: decision.reasons,
        reasonCode: decision.reasonCode,
        average: decision.average,
      }).toEqual({ ...expected, average: expect.closeTo(expected.average, 12) });
      expect(decision.automatic).toBe(stage.autoAdvance);
      // The system carries out an automatic decision as the stage-decision job does.
      if (visit.decidedById === null && visit.exitedAt) {
        expect(visit.outcome).toBe(decision.outcome);
        expect(visit.reasonCode).toBe(decision.reasonCode);
        expect(visit.reason).toBe(`Automatic stage decision: ${decision.reasons[0]}`);
      }
    }
    expect(history.stageDecisions.length).toBeGreaterThan(2000);
    expect(withSkills).toBeGreaterThan(500);
  });

  it('has a decision for every visit whose panels all submitted', () => {
    const decided = new Set(
      history.stageDecisions.map((decision) => at('visit', decision.applicationId, decision.stageId)),
    );
    const scorecardsOfInterview = groupBy(history.scorecards, (card) => card.interviewId);
    const panelOfInterview = groupBy(history.interviewPanelists, (panelist) => panelist.interviewId);
    for (const interview of history.interviews) {
      if (interview.status !== 'COMPLETED') continue;
      const cards = scorecardsOfInterview.get(interview.id) ?? [];
      const panel = panelOfInterview.get(interview.id)!;
      const allSubmitted = cards.length === panel.length && cards.every((card) => card.status === 'SUBMITTED');
      expect(decided.has(at('visit', interview.applicationId, interview.stageId))).toBe(allSubmitted);
    }
  });

  it('records each scorecard’s skill verdicts as the application’s evidence, and hires only with every must-verify skill verified', () => {
    const fromCards = history.scorecards.flatMap((card) =>
      card.skillVerdicts.map((entry) => `${card.id}/${entry.skillId}/${entry.verdict}`),
    );
    const rows = history.applicationSkillVerdicts.map((row) => `${row.scorecardId}/${row.skillId}/${row.verdict}`);
    expect(rows.sort()).toEqual(fromCards.sort());
    expect(rows.length).toBeGreaterThan(1000);

    const positions = new Map(history.positions.map((position) => [position.id, position]));
    const stages = new Map(history.planStages.map((stage) => [stage.id, stage]));
    const mustVerify = groupBy(
      history.skillRequirements.filter((requirement) => requirement.priority === SkillPriority.MUST_VERIFY),
      (requirement) => requirement.planId,
    );
    const verdictsOf = groupBy(history.applicationSkillVerdicts, (row) => row.applicationId);
    let hired = 0;
    for (const application of history.applications) {
      if (application.status !== 'HIRED') continue;
      hired++;
      const verdicts = verdictsOf.get(application.id) ?? [];
      for (const requirement of mustVerify.get(positions.get(application.positionId)!.planId)!) {
        const recorded = verdicts
          .filter((row) => row.skillId === requirement.skillId)
          .map((row) => ({ verdict: row.verdict as SkillVerdict, stageOrder: stages.get(row.stageId)!.order }));
        expect(skillVerdictOf(recorded)).toBe(SkillVerdict.VERIFIED);
      }
    }
    expect(hired).toBeGreaterThan(50);
  });
});

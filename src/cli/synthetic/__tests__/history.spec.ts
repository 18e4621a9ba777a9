import { decideStage, weightedScore, type Recommendation } from '../../../../libs/domain';
import {
  DEFAULT_NOW,
  Random,
  SYNTHETIC_TABLES,
  createSyntheticWorld,
  emptyHistory,
  generateApplications,
  generateHistory,
  type StageVisitRow,
  type SyntheticHistory,
} from '..';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

describe('generateHistory', () => {
  let history: SyntheticHistory;
  beforeAll(() => {
    history = generateHistory({ applications: 1500, seed: 42 });
  });

  it('is deterministic: the same options give the same rows, ids and timestamps included', () => {
    expect(generateHistory({ applications: 1500, seed: 42 })).toEqual(history);
    const other = generateHistory({ applications: 1500, seed: 43 });
    expect(other.applications[0]!.id).not.toBe(history.applications[0]!.id);
  });

  it('generates any range of applications on its own; ranges concatenate to the whole history', () => {
    const world = createSyntheticWorld({ applications: 1500, seed: 42 });
    const pieced = emptyHistory();
    for (const table of SYNTHETIC_TABLES) (pieced[table] as unknown[]).push(...world.staticRows[table]);
    for (const [from, to] of [
      [0, 1],
      [1, 499],
      [499, 1200],
      [1200, 1500],
    ] as const) {
      generateApplications(world, from, to, pieced);
    }
    expect(pieced).toEqual(history);
  });

  it('has the requested size and unique keys', () => {
    expect(history.applications).toHaveLength(1500);
    expect(history.candidates).toHaveLength(1200);
    expect(history.positions).toHaveLength(20);
    const ids = new Set<string>();
    let count = 0;
    for (const table of SYNTHETIC_TABLES) {
      for (const row of history[table] as Array<{ id?: string }>) {
        if (row.id === undefined) continue;
        expect(row.id).toMatch(UUID_V4);
        ids.add(row.id);
        count++;
      }
    }
    expect(ids.size).toBe(count);
    expect(new Set(history.candidates.map((c) => c.email)).size).toBe(history.candidates.length);
    expect(new Set(history.users.map((u) => u.email)).size).toBe(history.users.length);
    expect(new Set(history.scorecards.map((s) => `${s.interviewId}/${s.interviewerId}`)).size).toBe(
      history.scorecards.length,
    );
  });

  it('gives every position its own plan copy with five stages', () => {
    const stagesByPlan = groupBy(history.planStages, (stage) => stage.planId);
    const template = history.interviewPlans.filter((plan) => plan.isTemplate);
    expect(template).toHaveLength(1);
    for (const position of history.positions) {
      const plan = history.interviewPlans.find((candidate) => candidate.id === position.planId)!;
      expect(plan.isTemplate).toBe(false);
      expect(plan.copiedFromId).toBe(template[0]!.id);
      expect(stagesByPlan.get(plan.id)!.map((stage) => stage.kind)).toEqual([
        'HR_SCREEN',
        'TECHNICAL',
        'CODING_CHALLENGE',
        'SYSTEM_DESIGN',
        'FINAL',
      ]);
    }
    expect(new Set(history.positions.map((position) => position.planId)).size).toBe(history.positions.length);
  });

  it('walks every application through the stages with consistent timestamps and statuses', () => {
    const visitsByApplication = groupBy(history.stageVisits, (visit) => visit.applicationId);
    const active = new Set<string>();
    for (const application of history.applications) {
      const visits = visitsByApplication.get(application.id)!;
      const order = (visit: StageVisitRow) => visit.enteredAt.getTime();
      visits.sort((a, b) => order(a) - order(b));
      expect(visits[0]!.enteredAt).toEqual(application.appliedAt);
      for (let k = 0; k < visits.length; k++) {
        const visit = visits[k]!;
        if (visit.exitedAt) expect(visit.exitedAt.getTime()).toBeGreaterThan(visit.enteredAt.getTime());
        else expect(k).toBe(visits.length - 1);
        if (k > 0) expect(visits[k - 1]!.exitedAt!.getTime()).toBeLessThanOrEqual(visit.enteredAt.getTime());
        if (visit.outcome === 'FAILED' || visit.outcome === 'SKIPPED') expect(visit.reason).toBeTruthy();
      }
      const last = visits[visits.length - 1]!;
      if (application.status === 'ACTIVE' || application.status === 'ON_HOLD') {
        expect(last.exitedAt).toBeNull();
        expect(application.currentStageId).toBe(last.stageId);
        expect(application.decidedAt).toBeNull();
        const key = `${application.candidateId}/${application.positionId}`;
        expect(active.has(key)).toBe(false);
        active.add(key);
      } else {
        expect(application.currentStageId).toBeNull();
        expect(application.decidedAt).toEqual(last.exitedAt);
        const expected = { HIRED: 'PASSED', REJECTED: 'FAILED', WITHDRAWN: 'WITHDRAWN' }[application.status];
        if (application.status === 'HIRED') {
          expect(visits).toHaveLength(5);
          expect(['PASSED', 'SKIPPED']).toContain(last.outcome);
        } else expect(last.outcome).toBe(expected);
      }
      expect(application.appliedAt.getTime()).toBeLessThan(DEFAULT_NOW.getTime());
    }
    const statuses = groupBy(history.applications, (application) => application.status);
    for (const status of ['HIRED', 'REJECTED', 'WITHDRAWN', 'ACTIVE'])
      expect(statuses.get(status)?.length).toBeGreaterThan(0);
  });

  it('scores with the domain formulas and decides stages as the domain rule would', () => {
    const criteria = new Map(history.rubricCriteria.map((criterion) => [criterion.id, criterion]));
    const interviews = new Map(history.interviews.map((interview) => [interview.id, interview]));
    const scorecardsByStageVisit = groupBy(
      history.scorecards.filter((scorecard) => scorecard.status === 'SUBMITTED'),
      (scorecard) => {
        const interview = interviews.get(scorecard.interviewId)!;
        return `${interview.applicationId}/${interview.stageId}`;
      },
    );
    const stages = new Map(history.planStages.map((stage) => [stage.id, stage]));
    for (const scorecard of history.scorecards) {
      const interview = interviews.get(scorecard.interviewId)!;
      if (scorecard.status === 'DRAFT') continue;
      const weights = scorecard.ratings.map((rating) => {
        const criterion = criteria.get(rating.criterionId)!;
        return { criterionId: criterion.id, name: criterion.name, weight: criterion.weight };
      });
      expect(scorecard.weightedScore).toBe(weightedScore(scorecard.ratings, weights));
      expect(scorecard.submittedAt!.getTime()).toBeGreaterThanOrEqual(interview.endsAt.getTime() + 3_600_000);
      expect(scorecard.submittedAt!.getTime()).toBeLessThanOrEqual(interview.endsAt.getTime() + 73 * 3_600_000);
    }
    expect(history.stageDecisions.length).toBeGreaterThan(1000);
    for (const decision of history.stageDecisions) {
      const scorecards = scorecardsByStageVisit.get(`${decision.applicationId}/${decision.stageId}`)!;
      const stage = stages.get(decision.stageId)!;
      const criterionWeights = history.rubricCriteria
        .filter((criterion) => scorecards[0]!.ratings.some((rating) => rating.criterionId === criterion.id))
        .map((criterion) => ({ criterionId: criterion.id, name: criterion.name, weight: criterion.weight }));
      const result = decideStage({
        scorecards: scorecards.map((scorecard) => ({
          interviewerName: scorecard.interviewerId,
          ratings: scorecard.ratings,
          recommendation: scorecard.recommendation as Recommendation,
        })),
        criteria: criterionWeights,
        passThreshold: stage.passThreshold,
        meetsScore: 3,
        mustVerifySkills: [],
      });
      expect(decision.outcome).toBe(result.outcome);
      expect(decision.reasonCode).toBe(result.reasonCode);
      expect(decision.average).toBeCloseTo(result.average, 12);
      expect(decision.automatic).toBe(stage.autoAdvance);
    }
  });

  it('links questions to every stage and rates two or three of them on each submitted scorecard', () => {
    const questionsByStage = groupBy(history.planStageQuestions, (link) => link.stageId);
    for (const stage of history.planStages) expect(questionsByStage.get(stage.id)?.length).toBeGreaterThanOrEqual(3);
    expect(new Set(history.questions.map((question) => question.key)).size).toBe(history.questions.length);
    const interviews = new Map(history.interviews.map((interview) => [interview.id, interview]));
    const byInterview = groupBy(history.scorecards, (scorecard) => scorecard.interviewId);
    for (const scorecard of history.scorecards) {
      if (scorecard.status === 'DRAFT') {
        expect(scorecard.questionRatings).toEqual([]);
        continue;
      }
      const stageQuestions = questionsByStage.get(interviews.get(scorecard.interviewId)!.stageId)!;
      const asked = scorecard.questionRatings.map((rating) => rating.questionId);
      expect(asked.length).toBeGreaterThanOrEqual(2);
      expect(asked.length).toBeLessThanOrEqual(3);
      expect(new Set(asked).size).toBe(asked.length);
      for (const rating of scorecard.questionRatings) {
        expect(stageQuestions.some((link) => link.questionId === rating.questionId)).toBe(true);
        expect([1, 2, 3, 4]).toContain(rating.score);
      }
      // The panel of one interview rates the questions that were asked in it.
      const submitted = byInterview.get(scorecard.interviewId)!.filter((card) => card.status === 'SUBMITTED');
      expect(submitted[0]!.questionRatings.map((rating) => rating.questionId)).toEqual(asked);
    }
  });

  it('makes well-discriminating questions separate passed from failed visits better than noisy ones', () => {
    const world = createSyntheticWorld({ applications: 1500, seed: 42 });
    const interviews = new Map(history.interviews.map((interview) => [interview.id, interview]));
    const outcome = new Map(
      history.stageVisits.map((visit) => [`${visit.applicationId}/${visit.stageId}`, visit.outcome]),
    );
    const sums = new Map<string, { passed: number[]; failed: number[] }>();
    for (const scorecard of history.scorecards) {
      const interview = interviews.get(scorecard.interviewId)!;
      const result = outcome.get(`${interview.applicationId}/${interview.stageId}`);
      if (result !== 'PASSED' && result !== 'FAILED') continue;
      for (const rating of scorecard.questionRatings) {
        const entry = sums.get(rating.questionId) ?? { passed: [], failed: [] };
        (result === 'PASSED' ? entry.passed : entry.failed).push(rating.score);
        sums.set(rating.questionId, entry);
      }
    }
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const gaps = [...world.questions]
      .sort((a, b) => b.discrimination - a.discrimination)
      .map((question) => {
        const entry = sums.get(question.id)!;
        return mean(entry.passed) - mean(entry.failed);
      });
    const third = Math.floor(gaps.length / 3);
    expect(mean(gaps.slice(0, third))).toBeGreaterThan(mean(gaps.slice(-third)) + 0.3);
    expect(world.questions.map((question) => question.id).sort()).toEqual(
      history.questions.map((question) => question.id).sort(),
    );
  });

  it('gives every failed visit a rejection code: the panel rule when automatic, a person\u2019s code otherwise', () => {
    const decisions = new Map(history.stageDecisions.map((decision) => [decision.visitId, decision]));
    const codes = new Set<string>();
    for (const visit of history.stageVisits) {
      if (visit.outcome !== 'FAILED') {
        expect(visit.reasonCode).toBeNull();
        continue;
      }
      expect(visit.reasonCode).not.toBeNull();
      codes.add(visit.reasonCode!);
      if (visit.decidedById === null) {
        expect(['BELOW_BAR', 'STRONG_NO']).toContain(visit.reasonCode);
        expect(visit.reasonCode).toBe(decisions.get(visit.id)!.reasonCode);
      } else {
        expect(['SKILLS_GAP', 'COMMUNICATION', 'SALARY_EXPECTATIONS', 'POSITION_FILLED', 'NO_SHOW', 'OTHER']).toContain(
          visit.reasonCode,
        );
      }
      if (visit.reason === 'Candidate did not attend the interview')
        expect(['NO_SHOW', 'OTHER']).toContain(visit.reasonCode);
      if (visit.reason === 'Position closed') expect(['POSITION_FILLED', 'OTHER']).toContain(visit.reasonCode);
    }
    for (const code of ['BELOW_BAR', 'STRONG_NO', 'SKILLS_GAP', 'COMMUNICATION', 'NO_SHOW', 'OTHER'])
      expect(codes).toContain(code);
    for (const decision of history.stageDecisions)
      expect(decision.reasonCode === null).toBe(decision.outcome === 'PASSED');
  });

  it('generates only past, non-blocking interviews', () => {
    for (const interview of history.interviews) {
      expect(['COMPLETED', 'NO_SHOW']).toContain(interview.status);
      expect(interview.updatedAt.getTime()).toBeLessThan(DEFAULT_NOW.getTime());
    }
    expect(history.interviewPanelists.every((panelist) => !panelist.blocksCalendar)).toBe(true);
  });

  it('leaves the other rows unchanged without transitions', () => {
    const without = generateHistory({ applications: 1500, seed: 42, transitions: false });
    expect(without.applicationTransitions).toHaveLength(0);
    expect(without.scorecards).toEqual(history.scorecards);
    expect(without.applications).toEqual(history.applications);
  });

  it('rejects invalid options', () => {
    expect(() => generateHistory({ applications: -1, seed: 1 })).toThrow(/applications/);
    expect(() => generateHistory({ applications: 10, seed: 1.5 })).toThrow(/seed/);
    expect(() => generateHistory({ applications: 10, seed: 1, positions: 2 })).toThrow(/positions/);
  });
});

describe('Random', () => {
  it('is reproducible per (seed, stream, index) and formats v4 UUIDs', () => {
    const a = new Random(7, 1, 5);
    const b = new Random(7, 1, 5);
    const c = new Random(7, 1, 6);
    const first = a.uuid();
    expect(first).toMatch(UUID_V4);
    expect(b.uuid()).toBe(first);
    expect(c.uuid()).not.toBe(first);
    const values = Array.from({ length: 10000 }, () => a.next());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.reduce((sum, value) => sum + value, 0) / values.length).toBeCloseTo(0.5, 1);
  });
});

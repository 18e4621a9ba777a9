import { Role } from '../../libs/domain';
import {
  ADVANCE_APPLICATION,
  applyCandidate,
  createPositionFromBuiltInPlan,
  dataOf,
  errorCode,
  loadBuiltInPlan,
  openPositionFromBuiltInPlan,
  operation,
  REJECT_APPLICATION,
  signIn,
  TestApi,
  type Person,
} from '../../libs/testing';

interface Task {
  id: string;
  title: string;
  stageKinds: string[];
  skills: Array<{ id: string; name: string }>;
}

const PRACTICAL_TASKS = operation<{ practicalTasks: Task[] }, { stageKind?: string; skillId?: string }>(
  `query PracticalTasks($stageKind: StageKind, $skillId: ID) {
    practicalTasks(stageKind: $stageKind, skillId: $skillId) { id title stageKinds skills { id name } }
  }`,
);
const SKILLS = operation<{ skills: Array<{ id: string; name: string }> }>(`query { skills { id name } }`);
const CREATE_TASK = operation<{ createPracticalTask: Task }, { input: Record<string, unknown> }>(
  `mutation CreateTask($input: PracticalTaskInput!) {
    createPracticalTask(input: $input) { id title stageKinds skills { id name } }
  }`,
);
const ARCHIVE_TASK = operation<{ archivePracticalTask: { id: string } }, { id: string }>(
  `mutation ArchiveTask($id: ID!) { archivePracticalTask(input: { id: $id }) { id } }`,
);
const SET_STAGE_TASK = operation<
  { updatePlanStage: { stage: { id: string; practicalTask: { id: string; title: string } | null } } },
  { stageId: string; practicalTaskId: string | null }
>(
  `mutation SetStageTask($stageId: ID!, $practicalTaskId: ID) {
    updatePlanStage(input: { stageId: $stageId, practicalTaskId: $practicalTaskId }) {
      stage { id practicalTask { id title } }
    }
  }`,
);
const POSITION_TASKS = operation<
  { position: { plan: { stages: Array<{ id: string; kind: string; practicalTask: { title: string } | null }> } } },
  { id: string }
>(`query PositionTasks($id: ID!) { position(id: $id) { plan { stages { id kind practicalTask { title } } } } }`);

describe('practical tasks', () => {
  const api = new TestApi();
  let recruiter: Person;
  let interviewer: Person;
  let manager: Person;

  beforeAll(() => api.start());
  afterAll(() => api.close());
  beforeEach(async () => {
    await api.reset();
    await loadBuiltInPlan(api);
    recruiter = await signIn(api, 'rita@example.com', [Role.RECRUITER]);
    interviewer = await signIn(api, 'ivan@example.com', [Role.INTERVIEWER]);
    manager = await signIn(api, 'harold@example.com', [Role.HIRING_MANAGER]);
  });

  const titles = (tasks: Task[]) => tasks.map((task) => task.title);
  const skillId = async (name: string) =>
    (await recruiter.gql(SKILLS, {})).data!.skills.find((skill) => skill.name === name)!.id;

  it('lists every built-in task to every signed-in user, as plan templates are', async () => {
    for (const person of [recruiter, interviewer, manager]) {
      const listed = await person.gql(PRACTICAL_TASKS, {});
      expect(listed.errors).toBeUndefined();
      expect(listed.data!.practicalTasks).toHaveLength(5);
    }
    const anonymous = await api.gql(PRACTICAL_TASKS, {});
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
  });

  it('filters by stage kind, by skill and by both', async () => {
    const technical = (await recruiter.gql(PRACTICAL_TASKS, { stageKind: 'TECHNICAL' })).data!.practicalTasks;
    expect(titles(technical).sort()).toEqual(['Optimise a slow SQL query', 'Timed algorithmic challenge']);
    expect(technical.every((task) => task.stageKinds.includes('TECHNICAL'))).toBe(true);

    const coding = (await recruiter.gql(PRACTICAL_TASKS, { stageKind: 'CODING_CHALLENGE' })).data!.practicalTasks;
    expect(coding).toHaveLength(5);
    const behavioral = (await recruiter.gql(PRACTICAL_TASKS, { stageKind: 'BEHAVIORAL' })).data!.practicalTasks;
    expect(behavioral).toEqual([]);

    const database = await skillId('Database management');
    const bySkill = (await recruiter.gql(PRACTICAL_TASKS, { skillId: database })).data!.practicalTasks;
    expect(titles(bySkill).sort()).toEqual([
      'Database schema for an e-commerce application',
      'Optimise a slow SQL query',
      'RESTful API for a to-do list',
    ]);
    expect(bySkill.every((task) => task.skills.some((skill) => skill.id === database))).toBe(true);

    const both = (await recruiter.gql(PRACTICAL_TASKS, { stageKind: 'SYSTEM_DESIGN', skillId: database })).data!
      .practicalTasks;
    expect(titles(both)).toEqual(['Database schema for an e-commerce application']);
  });

  it('lists a new task under the kinds and skills it names, and leaves archived tasks out', async () => {
    const cloud = await skillId('Cloud services');
    const created = await recruiter.gql(CREATE_TASK, {
      input: {
        title: 'Deploy a service',
        description: 'Deploy a small service to a cloud of your choice.',
        minDurationHours: 2,
        maxDurationHours: 3,
        requirements: ['It runs'],
        deliverables: ['A URL'],
        evaluationCriteria: ['It is reproducible'],
        stageKinds: ['SYSTEM_DESIGN'],
        skillIds: [cloud],
      },
    });
    expect(created.errors).toBeUndefined();
    const task = created.data!.createPracticalTask;
    expect(task.stageKinds).toEqual(['SYSTEM_DESIGN']);
    expect(task.skills.map((skill) => skill.id)).toEqual([cloud]);
    expect(titles((await interviewer.gql(PRACTICAL_TASKS, { skillId: cloud })).data!.practicalTasks)).toEqual([
      'Deploy a service',
    ]);

    const unknownSkill = await recruiter.gql(CREATE_TASK, {
      input: {
        title: 'Broken',
        description: 'x',
        minDurationHours: 1,
        maxDurationHours: 1,
        requirements: ['x'],
        deliverables: ['x'],
        evaluationCriteria: ['x'],
        skillIds: ['00000000-0000-4000-8000-000000000000'],
      },
    });
    expect(errorCode(unknownSkill)).toBe('BAD_USER_INPUT');

    expect((await recruiter.gql(ARCHIVE_TASK, { id: task.id })).errors).toBeUndefined();
    expect((await recruiter.gql(PRACTICAL_TASKS, { skillId: cloud })).data!.practicalTasks).toEqual([]);
  });

  it("gives a position's stage a task and takes it away again through the plan editor", async () => {
    const position = await createPositionFromBuiltInPlan(recruiter, {
      hiringManagerId: manager.id,
      recruiterIds: [recruiter.id],
    });
    const stages = (await manager.gql(POSITION_TASKS, { id: position.id })).data!.position.plan.stages;
    const systemDesign = stages.find((stage) => stage.kind === 'SYSTEM_DESIGN')!;
    expect(systemDesign.practicalTask).toBeNull();
    const [schemaTask] = (await manager.gql(PRACTICAL_TASKS, { stageKind: 'SYSTEM_DESIGN' })).data!.practicalTasks;

    const given = await manager.gql(SET_STAGE_TASK, { stageId: systemDesign.id, practicalTaskId: schemaTask!.id });
    expect(given.errors).toBeUndefined();
    expect(given.data!.updatePlanStage.stage.practicalTask).toEqual({ id: schemaTask!.id, title: schemaTask!.title });
    const reread = (await recruiter.gql(POSITION_TASKS, { id: position.id })).data!.position.plan.stages;
    expect(reread.find((stage) => stage.id === systemDesign.id)!.practicalTask).toEqual({ title: schemaTask!.title });

    const relieved = await recruiter.gql(SET_STAGE_TASK, { stageId: systemDesign.id, practicalTaskId: null });
    expect(relieved.errors).toBeUndefined();
    expect(relieved.data!.updatePlanStage.stage.practicalTask).toBeNull();
    const after = (await recruiter.gql(POSITION_TASKS, { id: position.id })).data!.position.plan.stages;
    expect(after.find((stage) => stage.id === systemDesign.id)!.practicalTask).toBeNull();

    const unknown = await recruiter.gql(SET_STAGE_TASK, {
      stageId: systemDesign.id,
      practicalTaskId: '00000000-0000-4000-8000-000000000000',
    });
    expect(errorCode(unknown)).toBe('BAD_USER_INPUT');

    const outsider = await interviewer.gql(SET_STAGE_TASK, { stageId: systemDesign.id, practicalTaskId: null });
    expect(errorCode(outsider)).toBe('FORBIDDEN');
  });
});

const BENCHMARK_FIELDS = `benchmarks {
  overallSuccessRate minWeeks maxWeeks note
  stagePassRates { stageId stageName passRate }
  experienceLevelSuccessRates { experienceLevel successRate }
}`;
interface Benchmarks {
  overallSuccessRate: number | null;
  minWeeks: number | null;
  maxWeeks: number | null;
  note: string | null;
  stagePassRates: Array<{ stageId: string; stageName: string; passRate: number }>;
  experienceLevelSuccessRates: Array<{ experienceLevel: string; successRate: number }>;
}
const TEMPLATE_BENCHMARKS = operation<{ planTemplates: Array<{ id: string; benchmarks: Benchmarks | null }> }>(
  `query { planTemplates { id ${BENCHMARK_FIELDS} } }`,
);
const POSITION_BENCHMARKS = operation<
  { position: { plan: { id: string; stages: Array<{ id: string; kind: string }>; benchmarks: Benchmarks | null } } },
  { id: string }
>(`query PositionBenchmarks($id: ID!) { position(id: $id) { plan { id stages { id kind } ${BENCHMARK_FIELDS} } } }`);
const SET_BENCHMARKS = operation<
  { setPlanBenchmarks: { plan: { id: string; version: number; benchmarks: Benchmarks | null } } },
  { input: Record<string, unknown> }
>(`mutation SetBenchmarks($input: SetPlanBenchmarksInput!) {
  setPlanBenchmarks(input: $input) { plan { id version ${BENCHMARK_FIELDS} } }
}`);
const COMPARED = operation<
  {
    stageSuccessRates: Array<{
      stageKind: string;
      passRate: number | null;
      benchmarkPassRate: number | null;
      passRateVsBenchmark: number | null;
    }>;
    pipelineSummary: {
      overallSuccessRate: number | null;
      averageDurationDays: number | null;
      benchmarkSuccessRate: number | null;
      successRateVsBenchmark: number | null;
      benchmarkMinDays: number | null;
      benchmarkMaxDays: number | null;
      durationVsBenchmark: string | null;
    };
    successRatesByExperienceLevel: Array<{
      experienceLevel: string;
      successRate: number | null;
      benchmarkSuccessRate: number | null;
      successRateVsBenchmark: number | null;
    }>;
  },
  { positionId: string }
>(`query Compared($positionId: ID!) {
  stageSuccessRates(positionId: $positionId) { stageKind passRate benchmarkPassRate passRateVsBenchmark }
  pipelineSummary(filter: { positionIds: [$positionId] }) {
    overallSuccessRate averageDurationDays benchmarkSuccessRate successRateVsBenchmark
    benchmarkMinDays benchmarkMaxDays durationVsBenchmark
  }
  successRatesByExperienceLevel(filter: { positionIds: [$positionId] }) {
    experienceLevel successRate benchmarkSuccessRate successRateVsBenchmark
  }
}`);

describe('plan benchmarks', () => {
  const api = new TestApi();
  let recruiter: Person;
  let interviewer: Person;
  let manager: Person;

  beforeAll(() => api.start());
  afterAll(() => api.close());
  beforeEach(async () => {
    await api.reset();
    await loadBuiltInPlan(api);
    recruiter = await signIn(api, 'rita@example.com', [Role.RECRUITER]);
    interviewer = await signIn(api, 'ivan@example.com', [Role.INTERVIEWER]);
    manager = await signIn(api, 'harold@example.com', [Role.HIRING_MANAGER]);
  });

  it("shows the seeds' figures on the built-in template and on a position's copy, rates by stage and level empty", async () => {
    const [template] = (await interviewer.gql(TEMPLATE_BENCHMARKS, {})).data!.planTemplates;
    expect(template!.benchmarks).toEqual({
      overallSuccessRate: 0.7,
      minWeeks: 3,
      maxWeeks: 4,
      note: expect.stringContaining('70%'),
      stagePassRates: [],
      experienceLevelSuccessRates: [],
    });
    const position = await createPositionFromBuiltInPlan(recruiter, {
      hiringManagerId: manager.id,
      recruiterIds: [recruiter.id],
    });
    const copy = (await manager.gql(POSITION_BENCHMARKS, { id: position.id })).data!.position.plan;
    expect(copy.benchmarks).toEqual(template!.benchmarks);
  });

  it('lets the team set its own figures and compares the actual ones with them', async () => {
    const position = await openPositionFromBuiltInPlan(recruiter, {
      hiringManagerId: manager.id,
      recruiterIds: [recruiter.id],
    });
    const plan = (await manager.gql(POSITION_BENCHMARKS, { id: position.id })).data!.position.plan;
    const hrScreen = plan.stages.find((stage) => stage.kind === 'HR_SCREEN')!;

    const set = await manager.gql(SET_BENCHMARKS, {
      input: {
        planId: plan.id,
        stagePassRates: [{ stageId: hrScreen.id, passRate: 0.8 }],
        experienceLevelSuccessRates: [{ experienceLevel: 'SENIOR', successRate: 0.6 }],
      },
    });
    expect(set.errors).toBeUndefined();
    const benchmarks = set.data!.setPlanBenchmarks.plan.benchmarks!;
    expect(benchmarks).toMatchObject({ overallSuccessRate: 0.7, minWeeks: 3, maxWeeks: 4 });
    expect(benchmarks.stagePassRates).toEqual([{ stageId: hrScreen.id, stageName: 'HR screen', passRate: 0.8 }]);
    expect(benchmarks.experienceLevelSuccessRates).toEqual([{ experienceLevel: 'SENIOR', successRate: 0.6 }]);

    // One candidate passes the HR screen, two fail it: pass rate 1/3, no hire among 2 decided.
    const passing = await applyCandidate(recruiter, position.id);
    dataOf(await recruiter.gql(ADVANCE_APPLICATION, { input: { applicationId: passing } }), 'Advancing');
    for (let index = 0; index < 2; index += 1) {
      const failing = await applyCandidate(recruiter, position.id);
      dataOf(
        await recruiter.gql(REJECT_APPLICATION, { input: { applicationId: failing, reason: 'Not a fit' } }),
        'Rejecting',
      );
    }

    const compared = await manager.gql(COMPARED, { positionId: position.id });
    expect(compared.errors).toBeUndefined();
    const rates = compared.data!.stageSuccessRates;
    const hr = rates.find((rate) => rate.stageKind === 'HR_SCREEN')!;
    expect(hr.passRate).toBeCloseTo(1 / 3, 12);
    expect(hr.benchmarkPassRate).toBe(0.8);
    expect(hr.passRateVsBenchmark).toBeCloseTo(1 / 3 - 0.8, 12);
    const technical = rates.find((rate) => rate.stageKind === 'TECHNICAL')!;
    expect(technical).toMatchObject({ benchmarkPassRate: null, passRateVsBenchmark: null });

    const summary = compared.data!.pipelineSummary;
    expect(summary).toMatchObject({
      overallSuccessRate: 0,
      benchmarkSuccessRate: 0.7,
      benchmarkMinDays: 21,
      benchmarkMaxDays: 28,
      durationVsBenchmark: 'SHORTER',
    });
    expect(summary.successRateVsBenchmark).toBeCloseTo(-0.7, 12);
    const senior = compared.data!.successRatesByExperienceLevel.find((row) => row.experienceLevel === 'SENIOR')!;
    expect(senior).toMatchObject({ successRate: 0, benchmarkSuccessRate: 0.6 });
    expect(senior.successRateVsBenchmark).toBeCloseTo(-0.6, 12);
    const junior = compared.data!.successRatesByExperienceLevel.find((row) => row.experienceLevel === 'JUNIOR')!;
    expect(junior).toMatchObject({ successRate: null, benchmarkSuccessRate: null, successRateVsBenchmark: null });

    // Clearing the length leaves no duration comparison.
    dataOf(
      await recruiter.gql(SET_BENCHMARKS, { input: { planId: plan.id, minWeeks: null, maxWeeks: null } }),
      'Clearing',
    );
    const cleared = (await manager.gql(COMPARED, { positionId: position.id })).data!.pipelineSummary;
    expect(cleared).toMatchObject({ benchmarkMinDays: null, benchmarkMaxDays: null, durationVsBenchmark: null });
  });

  it('refuses figures out of range, naming them, and callers outside the team', async () => {
    const position = await createPositionFromBuiltInPlan(recruiter, {
      hiringManagerId: manager.id,
      recruiterIds: [recruiter.id],
    });
    const plan = (await manager.gql(POSITION_BENCHMARKS, { id: position.id })).data!.position.plan;
    const wrong = await manager.gql(SET_BENCHMARKS, {
      input: { planId: plan.id, overallSuccessRate: 1.5, minWeeks: 5, maxWeeks: 4 },
    });
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors![0]!.extensions!.fields).toEqual({
      'input.overallSuccessRate': 'must be a share between 0 and 1',
      'input.maxWeeks': 'must be at least minWeeks (5)',
    });
    const unchanged = (await manager.gql(POSITION_BENCHMARKS, { id: position.id })).data!.position.plan;
    expect(unchanged.benchmarks!.overallSuccessRate).toBe(0.7);

    const outsider = await interviewer.gql(SET_BENCHMARKS, { input: { planId: plan.id, overallSuccessRate: 0.5 } });
    expect(errorCode(outsider)).toBe('FORBIDDEN');
  });

  it('versions a template when its figures change', async () => {
    const [template] = (await recruiter.gql(TEMPLATE_BENCHMARKS, {})).data!.planTemplates;
    const set = await recruiter.gql(SET_BENCHMARKS, { input: { planId: template!.id, overallSuccessRate: 0.5 } });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setPlanBenchmarks.plan.version).toBe(2);
    expect(set.data!.setPlanBenchmarks.plan.benchmarks!.overallSuccessRate).toBe(0.5);
  });
});

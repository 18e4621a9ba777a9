import { Role } from '../../libs/domain';
import {
  createPositionFromBuiltInPlan,
  errorCode,
  loadBuiltInPlan,
  operation,
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

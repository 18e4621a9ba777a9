import { Role } from '../../libs/domain';
import {
  ADVANCE_APPLICATION,
  APPLICATION,
  applyCandidate,
  dataOf,
  loadBuiltInPlan,
  openPositionFromBuiltInPlan,
  operation,
  signIn,
  TestApi,
  type Person,
} from '../../libs/testing';

const STAGE_LEVELS = operation<
  { position: { plan: { stages: Array<{ id: string; kind: string; requiredFromLevel: string | null }> } } },
  { id: string }
>(`query StageLevels($id: ID!) { position(id: $id) { plan { stages { id kind requiredFromLevel } } } }`);
const SET_LEVEL = operation<
  { updatePlanStage: { stage: { requiredFromLevel: string | null } } },
  { stageId: string; level: string | null }
>(`mutation SetLevel($stageId: ID!, $level: ExperienceLevel) {
  updatePlanStage(input: { stageId: $stageId, requiredFromLevel: $level }) { stage { requiredFromLevel } }
}`);

describe("a position's level shapes its plan", () => {
  const api = new TestApi();
  let recruiter: Person;
  let managerId: string;

  beforeAll(() => api.start());
  afterAll(() => api.close());
  beforeEach(async () => {
    await api.reset();
    await loadBuiltInPlan(api);
    recruiter = await signIn(api, 'rita@example.com', [Role.RECRUITER]);
    managerId = (await api.createUser({ email: 'harold@example.com', roles: [Role.HIRING_MANAGER] })).id;
  });

  /** Advances a new application of the position through HR screen, technical and take-home. */
  const pastTakeHome = async (positionId: string) => {
    const id = await applyCandidate(recruiter, positionId);
    for (let step = 0; step < 3; step += 1) {
      dataOf(await recruiter.gql(ADVANCE_APPLICATION, { input: { applicationId: id } }), 'Advancing');
    }
    return dataOf(await recruiter.gql(APPLICATION, { id }), 'Reading').application!;
  };

  it('skips system design for a junior position, recorded as a skipped visit, and keeps it from mid-level up', async () => {
    const junior = await openPositionFromBuiltInPlan(recruiter, {
      hiringManagerId: managerId,
      recruiterIds: [recruiter.id],
      level: 'JUNIOR',
    });
    const stages = dataOf(await recruiter.gql(STAGE_LEVELS, { id: junior.id }), 'Plan').position.plan.stages;
    expect(stages.find((stage) => stage.kind === 'SYSTEM_DESIGN')!.requiredFromLevel).toBe('MID');
    expect(stages.filter((stage) => stage.requiredFromLevel !== null)).toHaveLength(1);

    const skipped = await pastTakeHome(junior.id);
    expect(skipped.currentStage!.name).toBe('Behavioral interview');
    const systemDesign = skipped.stageHistory.find((visit) => visit.stage.name === 'System design interview')!;
    expect(systemDesign.outcome).toBe('SKIPPED');
    expect(systemDesign.reason).toBe('Optional for JUNIOR positions (required from MID up).');
    expect(systemDesign.exitedAt).not.toBeNull();

    const mid = await openPositionFromBuiltInPlan(recruiter, {
      hiringManagerId: managerId,
      recruiterIds: [recruiter.id],
      level: 'MID',
    });
    const kept = await pastTakeHome(mid.id);
    expect(kept.currentStage!.name).toBe('System design interview');
    expect(kept.stageHistory.some((visit) => visit.outcome === 'SKIPPED')).toBe(false);
  });

  it("lets the plan editor change a stage's level, and applies from the first stage on", async () => {
    const junior = await openPositionFromBuiltInPlan(recruiter, {
      hiringManagerId: managerId,
      recruiterIds: [recruiter.id],
      level: 'JUNIOR',
    });
    const stages = dataOf(await recruiter.gql(STAGE_LEVELS, { id: junior.id }), 'Plan').position.plan.stages;
    const hr = stages.find((stage) => stage.kind === 'HR_SCREEN')!;
    const set = await recruiter.gql(SET_LEVEL, { stageId: hr.id, level: 'SENIOR' });
    expect(set.errors).toBeUndefined();
    expect(set.data!.updatePlanStage.stage.requiredFromLevel).toBe('SENIOR');

    const id = await applyCandidate(recruiter, junior.id);
    const application = dataOf(await recruiter.gql(APPLICATION, { id }), 'Reading').application!;
    expect(application.currentStage!.name).toBe('Technical interview');
    expect(application.stageHistory.find((visit) => visit.stage.name === 'HR screen')!.outcome).toBe('SKIPPED');

    const cleared = await recruiter.gql(SET_LEVEL, { stageId: hr.id, level: null });
    expect(cleared.data!.updatePlanStage.stage.requiredFromLevel).toBeNull();
  });
});

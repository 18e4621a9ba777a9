import { Role } from '../../libs/domain';
import { errorCode, TestApi } from '../../libs/testing';
import { BuiltInCatalogService } from '../../src/modules/catalog';

const PLAN_FIELDS = `id name version stages { id kind name order focusAreas interviewerWeighs passThreshold revision
  rubric { id scaleMin scaleMax criteria { id name weight levels { score label } } }
  questions { id prompt redFlags skills { id name } } practicalTask { id title } }
  skillRequirements { skill { name } priority verifiedIn { id } }`;
const CREATE_POSITION = `mutation ($input: CreatePositionInput!) { createPosition(input: $input) { position { id status plan { ${PLAN_FIELDS} } } } }`;
const UPDATE_STAGE = `mutation ($input: UpdatePlanStageInput!) { updatePlanStage(input: $input) { stage { id name passThreshold revision } } }`;

describe('interview plans and positions', () => {
  const api = new TestApi();
  let recruiter: { token: string; id: string };
  let managerId: string;
  let template: any;

  beforeAll(() => api.start());
  afterAll(() => api.close());
  beforeEach(async () => {
    await api.reset();
    await api.app.get(BuiltInCatalogService).load();
    const signedIn = await api.signedIn('rita@example.com', [Role.RECRUITER]);
    recruiter = { token: signedIn.token, id: signedIn.user.id };
    managerId = (await api.createUser({ email: 'harold@example.com', roles: [Role.HIRING_MANAGER] })).id;
    const templates = await api.gql(`{ planTemplates { ${PLAN_FIELDS} } }`, {}, recruiter.token);
    template = templates.data!.planTemplates[0];
  });

  const createPosition = (companyProfile = 'STARTUP', overrides: Record<string, unknown> = {}) =>
    api.gql(
      CREATE_POSITION,
      {
        input: {
          title: 'Backend Developer',
          level: 'SENIOR',
          companyProfile,
          hiringManagerId: managerId,
          recruiterIds: [recruiter.id],
          planTemplateId: template.id,
          ...overrides,
        },
      },
      recruiter.token,
    );

  it('shows the built-in Backend Developer plan, loaded idempotently', async () => {
    await api.app.get(BuiltInCatalogService).load();
    const templates = await api.gql('{ planTemplates { name version stages { kind } } }', {}, recruiter.token);
    expect(templates.data!.planTemplates).toHaveLength(1);
    expect(template.name).toBe('Backend Developer');
    expect(template.stages.map((stage: any) => stage.kind)).toEqual(
      expect.arrayContaining(['HR_SCREEN', 'TECHNICAL', 'SYSTEM_DESIGN', 'CODING_CHALLENGE', 'BEHAVIORAL', 'FINAL']),
    );
    expect(template.stages.every((stage: any) => stage.rubric && stage.rubric.criteria.length > 0)).toBe(true);
  });

  it.each(['STARTUP', 'ENTERPRISE', 'AGENCY'])(
    'copies the plan into a %s position, tuned to the profile',
    async (profile) => {
      const created = await createPosition(profile);
      expect(created.errors).toBeUndefined();
      const position = created.data!.createPosition.position;
      expect(position.status).toBe('DRAFT');
      expect(position.plan.id).not.toBe(template.id);
      expect(position.plan.stages).toHaveLength(template.stages.length);
      const tuned = position.plan.stages.filter((stage: any) => stage.interviewerWeighs.length > 0);
      expect(tuned.length).toBeGreaterThanOrEqual(3);
      const templateFocus = template.stages[0].focusAreas.length;
      expect(position.plan.stages[0].focusAreas.length).toBeGreaterThanOrEqual(templateFocus);
    },
  );

  it('returns positions with their full plans in a fixed number of SQL statements', async () => {
    const query = `{ positions { id hiringManager { email } recruiters { email } plan { ${PLAN_FIELDS} } } }`;
    const count = async () => {
      let statements = 0;
      const knex = api.orm.em.getConnection().getKnex();
      const listener = () => (statements += 1);
      knex.on('query', listener);
      const result = await api.gql(query, {}, recruiter.token);
      knex.off('query', listener);
      expect(result.errors).toBeUndefined();
      return { statements, positions: result.data!.positions.length };
    };
    await createPosition('STARTUP');
    const one = await count();
    await createPosition('ENTERPRISE');
    await createPosition('AGENCY');
    const three = await count();
    expect(three.positions).toBe(3);
    expect(three.statements).toBe(one.statements);
    expect(one.statements).toBeLessThanOrEqual(15);
  });

  it('versions a template on edit and leaves positions with the plan they copied', async () => {
    const position = (await createPosition()).data!.createPosition.position;
    const stage = template.stages[1];
    const edited = await api.gql(
      UPDATE_STAGE,
      { input: { stageId: stage.id, name: 'Deep technical interview', passThreshold: 3 } },
      recruiter.token,
    );
    expect(edited.errors).toBeUndefined();
    expect(edited.data!.updatePlanStage.stage.id).not.toBe(stage.id);

    const templates = await api.gql('{ planTemplates { version stages { name } } }', {}, recruiter.token);
    expect(templates.data!.planTemplates).toEqual([expect.objectContaining({ version: 2 })]);
    expect(templates.data!.planTemplates[0].stages.map((s: any) => s.name)).toContain('Deep technical interview');

    const reread = await api.gql(
      `query ($id: ID!) { position(id: $id) { plan { stages { name passThreshold } } } }`,
      { id: position.id },
      recruiter.token,
    );
    expect(reread.data!.position.plan.stages[1]).toEqual({ name: stage.name, passThreshold: stage.passThreshold });

    // The old version is stale now: editing it again is a CONFLICT that names the latest version.
    const stale = await api.gql(UPDATE_STAGE, { input: { stageId: stage.id, name: 'Again' } }, recruiter.token);
    expect(errorCode(stale)).toBe('CONFLICT');
  });

  it("edits a position's own plan in place and refuses a stale revision", async () => {
    const position = (await createPosition()).data!.createPosition.position;
    const stage = position.plan.stages[0];
    const first = await api.gql(
      UPDATE_STAGE,
      { input: { stageId: stage.id, durationMinutes: 40, expectedRevision: stage.revision } },
      recruiter.token,
    );
    expect(first.data!.updatePlanStage.stage).toMatchObject({ id: stage.id, revision: stage.revision + 1 });
    const stale = await api.gql(
      UPDATE_STAGE,
      { input: { stageId: stage.id, durationMinutes: 50, expectedRevision: stage.revision } },
      recruiter.token,
    );
    expect(errorCode(stale)).toBe('CONFLICT');
  });

  it('refuses a pass threshold outside the rubric scale, naming the field, and writes nothing', async () => {
    const position = (await createPosition()).data!.createPosition.position;
    const stage = position.plan.stages[0];
    const result = await api.gql(
      UPDATE_STAGE,
      { input: { stageId: stage.id, passThreshold: 7, name: 'Renamed' } },
      recruiter.token,
    );
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions.fields).toEqual({
      'stages[0].passThreshold': '7 is outside the rubric scale 1..4',
    });
    const reread = await api.gql(
      `query ($id: ID!) { position(id: $id) { plan { stages { name passThreshold } } } }`,
      { id: position.id },
      recruiter.token,
    );
    expect(reread.data!.position.plan.stages[0]).toEqual({ name: stage.name, passThreshold: stage.passThreshold });
  });

  it('refuses a rubric with a missing level or a non-positive weight', async () => {
    const position = (await createPosition()).data!.createPosition.position;
    const levels = [1, 2, 3].map((score) => ({ score, label: `L${score}`, description: 'd' }));
    const result = await api.gql(
      `mutation ($input: SetStageRubricInput!) { setStageRubric(input: $input) { stage { id } } }`,
      {
        input: {
          stageId: position.plan.stages[0].id,
          rubric: { name: 'R', criteria: [{ name: 'C', description: 'd', weight: 0, levels }] },
        },
      },
      recruiter.token,
    );
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions.fields).toEqual({
      'stages[0].rubric.criteria[0].weight': 'must be positive',
      'stages[0].rubric.criteria[0].levels': '"C" defines no level for score 4',
    });
  });

  it('refuses to remove the only stage that verifies a must-verify skill', async () => {
    const position = (await createPosition()).data!.createPosition.position;
    const skills = await api.gql('{ skills { id name } }', {}, recruiter.token);
    const requirement = position.plan.skillRequirements.find((r: any) => r.priority === 'MUST_VERIFY');
    const skillId = skills.data!.skills.find((skill: any) => skill.name === requirement.skill.name).id;
    const onlyStage = position.plan.stages[1].id;
    const narrowed = await api.gql(
      `mutation ($input: SetSkillRequirementInput!) { setSkillRequirement(input: $input) { plan { skillRequirements { skill { name } verifiedIn { id } } } } }`,
      {
        input: {
          planId: position.plan.id,
          skillId,
          priority: 'MUST_VERIFY',
          verificationMethod: 'Live coding',
          verifiedInStageIds: [onlyStage],
        },
      },
      recruiter.token,
    );
    expect(narrowed.errors).toBeUndefined();
    const result = await api.gql(
      `mutation ($input: RemovePlanStageInput!) { removePlanStage(input: $input) { plan { id } } }`,
      { input: { stageId: onlyStage } },
      recruiter.token,
    );
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.message).toContain('must be verified');
  });

  it('opens and closes a position, refusing illegal moves', async () => {
    const position = (await createPosition()).data!.createPosition.position;
    const open = `mutation ($id: ID!) { openPosition(id: $id) { position { status } } }`;
    expect((await api.gql(open, { id: position.id }, recruiter.token)).data!.openPosition.position.status).toBe('OPEN');
    expect(errorCode(await api.gql(open, { id: position.id }, recruiter.token))).toBe('CONFLICT');
    const close = `mutation ($id: ID!) { closePosition(id: $id) { position { status } } }`;
    expect((await api.gql(close, { id: position.id }, recruiter.token)).data!.closePosition.position.status).toBe(
      'CLOSED',
    );
    const edit = await api.gql(
      UPDATE_STAGE,
      { input: { stageId: position.plan.stages[0].id, name: 'x' } },
      recruiter.token,
    );
    expect(errorCode(edit)).toBe('CONFLICT');
  });

  it('names every wrong reference of a new position', async () => {
    const interviewer = await api.createUser({ email: 'ines@example.com', roles: [Role.INTERVIEWER] });
    const result = await createPosition('STARTUP', {
      hiringManagerId: interviewer.id,
      recruiterIds: [],
      planTemplateId: '00000000-0000-4000-8000-000000000000',
    });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(Object.keys(result.errors![0]!.extensions.fields!).sort()).toEqual([
      'input.hiringManagerId',
      'input.planTemplateId',
      'input.recruiterIds',
    ]);
  });

  it('keeps positions and kits from interviewers, and unknown ids are NOT_FOUND or null', async () => {
    const position = (await createPosition()).data!.createPosition.position;
    const interviewer = await api.signedIn('ines@example.com', [Role.INTERVIEWER]);
    expect(
      errorCode(await createPosition('STARTUP').then(() => api.gql('{ positions { id } }', {}, interviewer.token))),
    ).toBe('FORBIDDEN');
    const kit = `query ($p: ID!, $s: ID!) { interviewKit(positionId: $p, stageId: $s) { stage { name questions { prompt } } skillsToVerify { skill { name } } candidateQuestions { prompt } } }`;
    const variables = { p: position.id, s: position.plan.stages[1].id };
    expect(errorCode(await api.gql(kit, variables, interviewer.token))).toBe('FORBIDDEN');
    const forRecruiter = await api.gql(kit, variables, recruiter.token);
    expect(forRecruiter.data!.interviewKit.stage.questions.length).toBeGreaterThan(0);
    expect(forRecruiter.data!.interviewKit.skillsToVerify.length).toBeGreaterThan(0);
    const missing = await api.gql(
      `query ($id: ID!) { position(id: $id) { id } }`,
      { id: '00000000-0000-4000-8000-000000000000' },
      recruiter.token,
    );
    expect(missing.data!.position).toBeNull();
    const missingStage = await api.gql(
      UPDATE_STAGE,
      { input: { stageId: '00000000-0000-4000-8000-000000000000', name: 'x' } },
      recruiter.token,
    );
    expect(errorCode(missingStage)).toBe('NOT_FOUND');
  });

  it('filters the question bank by category and skill', async () => {
    const all = await api.gql('{ questions { id category skills { id } } }', {}, recruiter.token);
    const behavioral = await api.gql('{ questions(category: BEHAVIORAL) { category } }', {}, recruiter.token);
    expect(behavioral.data!.questions.length).toBeGreaterThan(0);
    expect(behavioral.data!.questions.every((q: any) => q.category === 'BEHAVIORAL')).toBe(true);
    const skillId = all.data!.questions.find((q: any) => q.skills.length > 0).skills[0].id;
    const bySkill = await api.gql(
      'query ($id: ID!) { questions(skillId: $id) { skills { id } } }',
      { id: skillId },
      recruiter.token,
    );
    expect(bySkill.data!.questions.every((q: any) => q.skills.some((s: any) => s.id === skillId))).toBe(true);
    expect(bySkill.data!.questions.length).toBeLessThan(all.data!.questions.length);
  });

  it('creates templates from scratch or as copies, and versions them on rename', async () => {
    const copy = await api.gql(
      `mutation ($input: CreatePlanTemplateInput!) { createPlanTemplate(input: $input) { plan { id name version stages { id } } } }`,
      { input: { name: 'Platform Engineer', copyFromTemplateId: template.id } },
      recruiter.token,
    );
    expect(copy.data!.createPlanTemplate.plan).toMatchObject({ name: 'Platform Engineer', version: 1 });
    expect(copy.data!.createPlanTemplate.plan.stages).toHaveLength(template.stages.length);
    const renamed = await api.gql(
      `mutation ($input: UpdatePlanTemplateInput!) { updatePlanTemplate(input: $input) { plan { name version } } }`,
      { input: { planId: copy.data!.createPlanTemplate.plan.id, name: 'Platform Engineer II' } },
      recruiter.token,
    );
    expect(renamed.data!.updatePlanTemplate.plan).toEqual({ name: 'Platform Engineer II', version: 2 });
    const names = (await api.gql('{ planTemplates { name } }', {}, recruiter.token)).data!.planTemplates.map(
      (p: any) => p.name,
    );
    expect(names).toEqual(['Backend Developer', 'Platform Engineer II']);
  });

  it('manages the question bank and practical tasks, for admins and recruiters only', async () => {
    const interviewer = await api.signedIn('ines@example.com', [Role.INTERVIEWER]);
    const question = {
      category: 'TECHNICAL_BASIC',
      prompt: 'What is an index?',
      whatInterviewerWants: 'B-tree basics',
      keyPoints: ['lookup cost'],
    };
    const create = `mutation ($input: QuestionInput!) { createQuestion(input: $input) { question { id prompt archived } } }`;
    expect(errorCode(await api.gql(create, { input: question }, interviewer.token))).toBe('FORBIDDEN');
    const created = await api.gql(create, { input: question }, recruiter.token);
    const id = created.data!.createQuestion.question.id;
    await api.gql(
      `mutation ($input: ArchiveInput!) { archiveQuestion(input: $input) { question { archived } } }`,
      { input: { id } },
      recruiter.token,
    );
    const bank = await api.gql('{ questions { id } }', {}, interviewer.token);
    expect(bank.data!.questions.map((q: any) => q.id)).not.toContain(id);

    const task = {
      title: 'T',
      description: 'D',
      minDurationHours: 5,
      maxDurationHours: 2,
      requirements: ['r'],
      deliverables: ['d'],
      evaluationCriteria: ['e'],
    };
    const badTask = await api.gql(
      `mutation ($input: PracticalTaskInput!) { createPracticalTask(input: $input) { id } }`,
      { input: task },
      recruiter.token,
    );
    expect(errorCode(badTask)).toBe('BAD_USER_INPUT');
    expect(badTask.errors![0]!.extensions.fields).toEqual({
      'input.minDurationHours': '5 is more than maxDurationHours 2',
    });
  });

  it('refuses to open a position from a replaced template version, pointing at the latest', async () => {
    await api.gql(UPDATE_STAGE, { input: { stageId: template.stages[0].id, name: 'Screen v2' } }, recruiter.token);
    const result = await createPosition();
    expect(errorCode(result)).toBe('CONFLICT');
    expect(result.errors![0]!.extensions.latestId).toEqual(expect.any(String));
  });

  it("lets the position's team change its title and hiring team, refusing bad references and stale revisions", async () => {
    const position = (await createPosition()).data!.createPosition.position;
    const update = `mutation ($input: UpdatePositionInput!) { updatePosition(input: $input) { position { title level recruiters { email } } } }`;
    const second = await api.createUser({ email: 'rob@example.com', roles: [Role.RECRUITER] });
    const changed = await api.gql(
      update,
      {
        input: {
          positionId: position.id,
          title: 'Senior Backend',
          level: 'STAFF',
          recruiterIds: [recruiter.id, second.id],
          expectedRevision: 1,
        },
      },
      recruiter.token,
    );
    expect(changed.data!.updatePosition.position).toMatchObject({ title: 'Senior Backend', level: 'STAFF' });
    expect(changed.data!.updatePosition.position.recruiters).toHaveLength(2);
    expect(
      errorCode(
        await api.gql(update, { input: { positionId: position.id, title: 'x', expectedRevision: 1 } }, recruiter.token),
      ),
    ).toBe('CONFLICT');
    const bad = await api.gql(
      update,
      { input: { positionId: position.id, recruiterIds: [managerId] } },
      recruiter.token,
    );
    expect(bad.errors![0]!.extensions.fields).toEqual({ 'input.recruiterIds': 'every id must be an active recruiter' });
    const stranger = await api.signedIn('hm2@example.com', [Role.HIRING_MANAGER]);
    expect(errorCode(await api.gql(update, { input: { positionId: position.id, title: 'y' } }, stranger.token))).toBe(
      'NOT_FOUND',
    );
  });
});

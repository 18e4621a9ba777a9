import { Role } from '../../libs/domain';
import {
  ARCHIVE_QUESTION,
  CLOSE_POSITION,
  CREATE_PLAN_TEMPLATE,
  CREATE_POSITION,
  CREATE_PRACTICAL_TASK,
  CREATE_QUESTION,
  errorCode,
  INTERVIEW_KIT,
  loadBuiltInPlan,
  OPEN_POSITION,
  PLAN_TEMPLATES,
  POSITION_ID,
  POSITION_STAGE_SETTINGS,
  POSITIONS,
  POSITIONS_WITH_PLANS,
  QUESTIONS,
  PLAN_TEMPLATE,
  REMOVE_PLAN_STAGE,
  REMOVE_SKILL_REQUIREMENT,
  SET_SKILL_REQUIREMENT,
  SET_STAGE_RUBRIC,
  signIn,
  SKILLS,
  TestApi,
  UPDATE_PLAN_STAGE,
  UPDATE_PLAN_TEMPLATE,
  UPDATE_POSITION,
  type CreatePositionInput,
  type Person,
  type PlanFields,
} from '../../libs/testing';

describe('interview plans and positions', () => {
  const api = new TestApi();
  let recruiter: Person;
  let managerId: string;
  let template: PlanFields;

  beforeAll(() => api.start());
  afterAll(() => api.close());
  beforeEach(async () => {
    await api.reset();
    await loadBuiltInPlan(api);
    recruiter = await signIn(api, 'rita@example.com', [Role.RECRUITER]);
    managerId = (await api.createUser({ email: 'harold@example.com', roles: [Role.HIRING_MANAGER] })).id;
    const templates = await recruiter.gql(PLAN_TEMPLATES, {});
    template = templates.data!.planTemplates[0]!;
  });

  const createPosition = (companyProfile = 'STARTUP', overrides: Partial<CreatePositionInput> = {}) =>
    recruiter.gql(CREATE_POSITION, {
      input: {
        title: 'Backend Developer',
        level: 'SENIOR',
        companyProfile,
        hiringManagerId: managerId,
        recruiterIds: [recruiter.id],
        planTemplateId: template.id,
        ...overrides,
      },
    });

  it('shows the built-in Backend Developer plan, loaded idempotently', async () => {
    await loadBuiltInPlan(api);
    const templates = await recruiter.gql(PLAN_TEMPLATES, {});
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
      const templateFocus = template.stages[0]!.focusAreas.length;
      expect(position.plan.stages[0]!.focusAreas.length).toBeGreaterThanOrEqual(templateFocus);
    },
  );

  it('returns positions with their full plans in a fixed number of SQL statements', async () => {
    const count = async () => {
      const { result, statements } = await api.sqlDuring(() => recruiter.gql(POSITIONS_WITH_PLANS, {}));
      expect(result.errors).toBeUndefined();
      return { statements: statements.length, positions: result.data!.positions.length };
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

  it('shows the same stages in a list whether it asks for names, lists, benchmarks or rubrics', async () => {
    await createPosition('STARTUP');
    await createPosition('AGENCY');
    const STAGE =
      'id planId name kind order durationMinutes feedbackDueHours autoAdvance passThreshold revision requiredFromLevel';
    const LISTS = 'focusAreas participants successCriteria preparationTips interviewerWeighs';
    const list = async (stageFields: string, planFields = '') => {
      const result = await api.gql<{ positions: Array<{ id: string; plan: Record<string, any> }> }>(
        `{ positions { id plan { id name ${planFields} stages { ${stageFields} } } } }`,
        {},
        recruiter.token,
      );
      expect(result.errors).toBeUndefined();
      return result.data!.positions as Array<{ id: string; plan: Record<string, any> }>;
    };
    const names = await list(STAGE);
    const lists = await list(`${STAGE} ${LISTS}`, 'benchmarks { stagePassRates { stageId passRate } }');
    const deep = await list(`${STAGE} ${LISTS} rubric { id }`, 'benchmarks { stagePassRates { stageId passRate } }');
    expect(names).toHaveLength(2);
    // Names only: the same stages in the same order as the fuller loads.
    const strip = (positions: typeof names, fields = STAGE) =>
      positions.map((position) => ({
        id: position.id,
        stages: position.plan.stages.map((stage: any) =>
          Object.fromEntries(fields.split(' ').map((f) => [f, stage[f]])),
        ),
      }));
    expect(strip(names)).toEqual(strip(lists));
    expect(strip(names)).toEqual(strip(deep));
    // Lists and benchmarks: the same from the stage rows as from the whole plan graph.
    const withoutRubric = deep.map((position) => ({
      ...position,
      plan: { ...position.plan, stages: position.plan.stages.map(({ rubric: _r, ...stage }: any) => stage) },
    }));
    expect(lists).toEqual(withoutRubric);
    expect(lists[0]!.plan.stages[0].focusAreas.length).toBeGreaterThan(0);
    expect(
      lists.some((position) => position.plan.stages.some((stage: any) => stage.interviewerWeighs.length > 0)),
    ).toBe(true);
    // One list field is enough to read the lists: never an empty list for a stage that has one.
    const weighs = await list(`${STAGE} interviewerWeighs`);
    expect(strip(weighs, `${STAGE} interviewerWeighs`)).toEqual(strip(lists, `${STAGE} interviewerWeighs`));
  });

  it('versions a template on edit and leaves positions with the plan they copied', async () => {
    const position = (await createPosition()).data!.createPosition.position;
    const stage = template.stages[1]!;
    const edited = await recruiter.gql(UPDATE_PLAN_STAGE, {
      input: { stageId: stage.id, name: 'Deep technical interview', passThreshold: 3 },
    });
    expect(edited.errors).toBeUndefined();
    expect(edited.data!.updatePlanStage.stage.id).not.toBe(stage.id);

    const templates = await recruiter.gql(PLAN_TEMPLATES, {});
    expect(templates.data!.planTemplates).toEqual([expect.objectContaining({ version: 2 })]);
    expect(templates.data!.planTemplates[0]!.stages.map((s: any) => s.name)).toContain('Deep technical interview');

    const reread = await recruiter.gql(POSITION_STAGE_SETTINGS, { id: position.id });
    expect(reread.data!.position!.plan.stages[1]).toEqual({ name: stage.name, passThreshold: stage.passThreshold });

    // The old version is stale now: editing it again is a CONFLICT that names the latest version.
    const stale = await recruiter.gql(UPDATE_PLAN_STAGE, { input: { stageId: stage.id, name: 'Again' } });
    expect(errorCode(stale)).toBe('CONFLICT');
  });

  it("edits a template stage's participants and preparation tips, naming the new version", async () => {
    const stage = template.stages[0]!;
    const edited = await recruiter.gql(UPDATE_PLAN_STAGE, {
      input: { stageId: stage.id, participants: ['Recruiter', 'Team lead'], preparationTips: ['Read the CV first'] },
    });
    expect(edited.errors).toBeUndefined();
    const saved = edited.data!.updatePlanStage.stage;
    expect(saved).toMatchObject({ participants: ['Recruiter', 'Team lead'], preparationTips: ['Read the CV first'] });
    const templates = await recruiter.gql(PLAN_TEMPLATES, {});
    expect(saved.planId).toBe(templates.data!.planTemplates[0]!.id);
    expect(saved.planId).not.toBe(template.id);
  });

  it("edits a position's own plan in place and refuses a stale revision", async () => {
    const position = (await createPosition()).data!.createPosition.position;
    const stage = position.plan.stages[0]!;
    const first = await recruiter.gql(UPDATE_PLAN_STAGE, {
      input: { stageId: stage.id, durationMinutes: 40, expectedRevision: stage.revision },
    });
    expect(first.data!.updatePlanStage.stage).toMatchObject({ id: stage.id, revision: stage.revision + 1 });
    const stale = await recruiter.gql(UPDATE_PLAN_STAGE, {
      input: { stageId: stage.id, durationMinutes: 50, expectedRevision: stage.revision },
    });
    expect(errorCode(stale)).toBe('CONFLICT');
  });

  it('refuses a pass threshold outside the rubric scale, naming the field, and writes nothing', async () => {
    const position = (await createPosition()).data!.createPosition.position;
    const stage = position.plan.stages[0]!;
    const result = await recruiter.gql(UPDATE_PLAN_STAGE, {
      input: { stageId: stage.id, passThreshold: 7, name: 'Renamed' },
    });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions.fields).toEqual({
      'stages[0].passThreshold': '7 is outside the rubric scale 1..4',
    });
    const reread = await recruiter.gql(POSITION_STAGE_SETTINGS, { id: position.id });
    expect(reread.data!.position!.plan.stages[0]).toEqual({ name: stage.name, passThreshold: stage.passThreshold });
  });

  it('refuses a rubric with a missing level or a non-positive weight', async () => {
    const position = (await createPosition()).data!.createPosition.position;
    const levels = [1, 2, 3].map((score) => ({ score, label: `L${score}`, description: 'd' }));
    const result = await recruiter.gql(SET_STAGE_RUBRIC, {
      input: {
        stageId: position.plan.stages[0]!.id,
        rubric: { name: 'R', criteria: [{ name: 'C', description: 'd', weight: 0, levels }] },
      },
    });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions.fields).toEqual({
      'stages[0].rubric.criteria[0].weight': 'must be positive',
      'stages[0].rubric.criteria[0].levels': '"C" defines no level for score 4',
    });
  });

  it('refuses to remove the only stage that verifies a must-verify skill', async () => {
    const position = (await createPosition()).data!.createPosition.position;
    const skills = await recruiter.gql(SKILLS, {});
    const requirement = position.plan.skillRequirements.find((r: any) => r.priority === 'MUST_VERIFY')!;
    const skillId = skills.data!.skills.find((skill: any) => skill.name === requirement.skill.name)!.id;
    const onlyStage = position.plan.stages[1]!.id;
    const narrowed = await recruiter.gql(SET_SKILL_REQUIREMENT, {
      input: {
        planId: position.plan.id,
        skillId,
        priority: 'MUST_VERIFY',
        verificationMethod: 'Live coding',
        verifiedInStageIds: [onlyStage],
      },
    });
    expect(narrowed.errors).toBeUndefined();
    const result = await recruiter.gql(REMOVE_PLAN_STAGE, { input: { stageId: onlyStage } });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.message).toContain('must be verified');
  });

  it("removes a skill requirement as the template's next version, refusing what it cannot remove", async () => {
    const position = (await createPosition()).data!.createPosition.position;
    const { skill } = template.skillRequirements[0]!;
    const removed = await recruiter.gql(REMOVE_SKILL_REQUIREMENT, {
      input: { planId: template.id, skillId: skill.id },
    });
    expect(removed.errors).toBeUndefined();
    const next = removed.data!.removeSkillRequirement.plan;
    expect(next.version).toBe(template.version + 1);
    expect(next.skillRequirements.map((requirement) => requirement.skill.name)).toEqual(
      template.skillRequirements.slice(1).map((requirement) => requirement.skill.name),
    );
    // The version edited and the position's own copy keep the skill.
    const previous = await recruiter.gql(PLAN_TEMPLATE, { id: template.id });
    expect(previous.data!.planTemplate!.skillRequirements).toHaveLength(template.skillRequirements.length);
    const kept = await recruiter.gql(POSITIONS_WITH_PLANS, {});
    const copy = kept.data!.positions.find((candidate: any) => candidate.id === position.id)!;
    expect(copy.plan.skillRequirements.map((requirement: any) => requirement.skill.name)).toContain(skill.name);

    const again = await recruiter.gql(REMOVE_SKILL_REQUIREMENT, { input: { planId: next.id, skillId: skill.id } });
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    expect(again.errors![0]!.message).toContain(`does not require ${skill.name}`);
    expect(again.errors![0]!.extensions.fields).toEqual({ 'input.skillId': 'not required by this plan' });
    const unknownSkill = await recruiter.gql(REMOVE_SKILL_REQUIREMENT, {
      input: { planId: next.id, skillId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknownSkill.errors![0]!.extensions.fields).toEqual({ 'input.skillId': 'unknown skill' });
    const unknownPlan = await recruiter.gql(REMOVE_SKILL_REQUIREMENT, {
      input: { planId: '00000000-0000-4000-8000-000000000000', skillId: skill.id },
    });
    expect(errorCode(unknownPlan)).toBe('NOT_FOUND');
    const stale = await recruiter.gql(REMOVE_SKILL_REQUIREMENT, {
      input: { planId: template.id, skillId: template.skillRequirements[1]!.skill.id },
    });
    expect(errorCode(stale)).toBe('CONFLICT');
    const interviewer = await signIn(api, 'ines@example.com', [Role.INTERVIEWER]);
    const refused = await interviewer.gql(REMOVE_SKILL_REQUIREMENT, {
      input: { planId: next.id, skillId: template.skillRequirements[1]!.skill.id },
    });
    expect(errorCode(refused)).toBe('FORBIDDEN');

    const audit = await api.orm.em
      .getConnection()
      .execute<Array<{ outcome: string; target_id: string }>>(
        "select outcome, target_id from audit_entry where action = 'removeSkillRequirement' order by at, id",
      );
    expect(audit.map((entry) => entry.outcome)).toEqual([
      'OK',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      'NOT_FOUND',
      'CONFLICT',
      'FORBIDDEN',
    ]);
    expect(audit[0]!.target_id).toBe(template.id);
  });

  it('opens and closes a position, refusing illegal moves', async () => {
    const position = (await createPosition()).data!.createPosition.position;
    expect((await recruiter.gql(OPEN_POSITION, { id: position.id })).data!.openPosition.position.status).toBe('OPEN');
    expect(errorCode(await recruiter.gql(OPEN_POSITION, { id: position.id }))).toBe('CONFLICT');
    expect((await recruiter.gql(CLOSE_POSITION, { id: position.id })).data!.closePosition.position.status).toBe(
      'CLOSED',
    );
    const edit = await recruiter.gql(UPDATE_PLAN_STAGE, { input: { stageId: position.plan.stages[0]!.id, name: 'x' } });
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
    const interviewer = await signIn(api, 'ines@example.com', [Role.INTERVIEWER]);
    expect(errorCode(await createPosition('STARTUP').then(() => interviewer.gql(POSITIONS, {})))).toBe('FORBIDDEN');
    const variables = { p: position.id, s: position.plan.stages[1]!.id };
    expect(errorCode(await interviewer.gql(INTERVIEW_KIT, variables))).toBe('FORBIDDEN');
    const forRecruiter = await recruiter.gql(INTERVIEW_KIT, variables);
    expect(forRecruiter.data!.interviewKit.stage.questions.length).toBeGreaterThan(0);
    expect(forRecruiter.data!.interviewKit.skillsToVerify.length).toBeGreaterThan(0);
    const missing = await recruiter.gql(POSITION_ID, { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.data!.position).toBeNull();
    const missingStage = await recruiter.gql(UPDATE_PLAN_STAGE, {
      input: { stageId: '00000000-0000-4000-8000-000000000000', name: 'x' },
    });
    expect(errorCode(missingStage)).toBe('NOT_FOUND');
  });

  it('filters the question bank by category and skill', async () => {
    const all = await recruiter.gql(QUESTIONS, {});
    const behavioral = await recruiter.gql(QUESTIONS, { category: 'BEHAVIORAL' });
    expect(behavioral.data!.questions.length).toBeGreaterThan(0);
    expect(behavioral.data!.questions.every((q: any) => q.category === 'BEHAVIORAL')).toBe(true);
    const skillId = all.data!.questions.find((q: any) => q.skills.length > 0)!.skills[0]!.id;
    const bySkill = await recruiter.gql(QUESTIONS, { skillId });
    expect(bySkill.data!.questions.every((q: any) => q.skills.some((s: any) => s.id === skillId))).toBe(true);
    expect(bySkill.data!.questions.length).toBeLessThan(all.data!.questions.length);
  });

  it('creates templates from scratch or as copies, and versions them on rename', async () => {
    const copy = await recruiter.gql(CREATE_PLAN_TEMPLATE, {
      input: { name: 'Platform Engineer', copyFromTemplateId: template.id },
    });
    expect(copy.data!.createPlanTemplate.plan).toMatchObject({ name: 'Platform Engineer', version: 1 });
    expect(copy.data!.createPlanTemplate.plan.stages).toHaveLength(template.stages.length);
    const renamed = await recruiter.gql(UPDATE_PLAN_TEMPLATE, {
      input: { planId: copy.data!.createPlanTemplate.plan.id, name: 'Platform Engineer II' },
    });
    expect(renamed.data!.updatePlanTemplate.plan).toEqual({ name: 'Platform Engineer II', version: 2 });
    const names = (await recruiter.gql(PLAN_TEMPLATES, {})).data!.planTemplates.map((p: any) => p.name);
    expect(names).toEqual(['Backend Developer', 'Platform Engineer II']);
  });

  it('manages the question bank and practical tasks, for admins and recruiters only', async () => {
    const interviewer = await signIn(api, 'ines@example.com', [Role.INTERVIEWER]);
    const question = {
      category: 'TECHNICAL_BASIC',
      prompt: 'What is an index?',
      whatInterviewerWants: 'B-tree basics',
      keyPoints: ['lookup cost'],
    };
    expect(errorCode(await interviewer.gql(CREATE_QUESTION, { input: question }))).toBe('FORBIDDEN');
    const created = await recruiter.gql(CREATE_QUESTION, { input: question });
    const id = created.data!.createQuestion.question.id;
    await recruiter.gql(ARCHIVE_QUESTION, { input: { id } });
    const bank = await interviewer.gql(QUESTIONS, {});
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
    const badTask = await recruiter.gql(CREATE_PRACTICAL_TASK, { input: task });
    expect(errorCode(badTask)).toBe('BAD_USER_INPUT');
    expect(badTask.errors![0]!.extensions.fields).toEqual({
      'input.minDurationHours': '5 is more than maxDurationHours 2',
    });
  });

  it('refuses to open a position from a replaced template version, pointing at the latest', async () => {
    await recruiter.gql(UPDATE_PLAN_STAGE, { input: { stageId: template.stages[0]!.id, name: 'Screen v2' } });
    const result = await createPosition();
    expect(errorCode(result)).toBe('CONFLICT');
    expect(result.errors![0]!.extensions.latestId).toEqual(expect.any(String));
  });

  it("lets the position's team change its title and hiring team, refusing bad references and stale revisions", async () => {
    const position = (await createPosition()).data!.createPosition.position;
    const second = await api.createUser({ email: 'rob@example.com', roles: [Role.RECRUITER] });
    const changed = await recruiter.gql(UPDATE_POSITION, {
      input: {
        positionId: position.id,
        title: 'Senior Backend',
        level: 'STAFF',
        recruiterIds: [recruiter.id, second.id],
        expectedRevision: 1,
      },
    });
    expect(changed.data!.updatePosition.position).toMatchObject({ title: 'Senior Backend', level: 'STAFF' });
    expect(changed.data!.updatePosition.position.recruiters).toHaveLength(2);
    expect(
      errorCode(
        await recruiter.gql(UPDATE_POSITION, { input: { positionId: position.id, title: 'x', expectedRevision: 1 } }),
      ),
    ).toBe('CONFLICT');
    const bad = await recruiter.gql(UPDATE_POSITION, { input: { positionId: position.id, recruiterIds: [managerId] } });
    expect(bad.errors![0]!.extensions.fields).toEqual({ 'input.recruiterIds': 'every id must be an active recruiter' });
    const stranger = await signIn(api, 'hm2@example.com', [Role.HIRING_MANAGER]);
    expect(errorCode(await stranger.gql(UPDATE_POSITION, { input: { positionId: position.id, title: 'y' } }))).toBe(
      'NOT_FOUND',
    );
  });
});

import { InterviewStatus, ScorecardStatus } from '../../libs/domain';
import { actorOf, ServiceContext } from '../../libs/testing';
import { AccessService, Permission, PERMISSIONS, type Subject } from '../../src/modules/access';
import { AnalyticsModule, AnalyticsService } from '../../src/modules/analytics';
import type { PlanStage } from '../../src/modules/catalog';
import type { User } from '../../src/modules/identity';
import { PipelineModule, type Application } from '../../src/modules/pipeline';
import { SchedulingModule, type Interview } from '../../src/modules/scheduling';
import { ScorecardsModule, type Scorecard } from '../../src/modules/scorecards';

/** The table each subject's ids come from. */
const TABLE: Record<Exclude<Subject, 'none'>, string> = {
  position: 'position',
  stage: 'plan_stage',
  candidate: 'candidate',
  application: 'application',
  interview: 'interview',
  scorecard: 'scorecard',
  skillVerdict: 'application_skill_verdict',
  stageDecision: 'stage_decision',
  stageVisit: 'stage_visit',
  notification: 'notification',
  user: 'app_user',
};

describe('AccessService: who may do what, on real rows', () => {
  const context = new ServiceContext([PipelineModule, SchedulingModule, ScorecardsModule, AnalyticsModule]);
  let access: AccessService;
  const people: Record<string, User> = {};
  let technical: PlanStage;
  let screen: PlanStage;
  let application: Application;
  let otherApplication: Application;
  let panelInterview: Interview;
  let annCard: Scorecard;
  let benDraft: Scorecard;

  beforeAll(async () => {
    await context.start();
    access = context.get(AccessService);
  });
  afterAll(() => context.close());

  // P1: managed by `manager`, recruited for by `recruiter`. A candidate is in its technical stage;
  // the interview's panel is ann, ben and the manager; ann submitted (with skill verdicts), ben keeps
  // a draft, the manager has written nothing. P2: `otherManager` and `otherRecruiter`, with its own
  // candidate interviewed by `cy`.
  beforeEach(async () => {
    await context.reset();
    const f = context.factories;
    people.admin = await f.admin();
    people.recruiter = await f.recruiter();
    people.otherRecruiter = await f.recruiter();
    people.manager = await f.hiringManager();
    people.otherManager = await f.hiringManager();
    for (const name of ['ann', 'ben', 'cy']) people[name] = await f.interviewer({ name });
    const position = await f.position({ hiringManager: people.manager, recruiters: [people.recruiter!] });
    const otherPosition = await f.position({
      hiringManager: people.otherManager,
      recruiters: [people.otherRecruiter!],
    });
    [screen, technical] = (await f.stagesOf(position)) as [PlanStage, PlanStage];
    application = await f.application({ position, stage: 1 });
    otherApplication = await f.application({ position: otherPosition });
    panelInterview = await f.interview({
      application,
      panel: [people.ann!, people.ben!, people.manager!],
      when: 'past',
      status: InterviewStatus.COMPLETED,
    });
    await f.interview({ application: otherApplication, panel: [people.cy!] });
    annCard = await f.scorecard({
      interview: panelInterview,
      interviewer: people.ann!,
      score: 4,
      status: ScorecardStatus.SUBMITTED,
    });
    benDraft = await f.scorecard({
      interview: panelInterview,
      interviewer: people.ben!,
      status: ScorecardStatus.DRAFT,
    });
  });

  /** Who among `people` may do `permission` on `id`, by name, sorted. */
  async function who(permission: Permission, id: string): Promise<string[]> {
    const names: string[] = [];
    for (const [name, user] of Object.entries(people)) {
      if (await access.can(actorOf(user), permission, id)) names.push(name);
    }
    return names.sort();
  }

  it('reads a scorecard: its author, the hiring team and stage reviewers, never a blind panelist', async () => {
    // The manager sits on the panel and has not submitted: blind like ben, though on the team.
    expect(await who(Permission.ScorecardRead, annCard.id)).toEqual(['admin', 'ann', 'recruiter']);
    // A draft is no reviewer's business, but the team reads it.
    expect(await who(Permission.ScorecardRead, benDraft.id)).toEqual(['admin', 'ben', 'recruiter']);

    await context.factories.scorecard({
      interview: panelInterview,
      interviewer: people.manager!,
      status: ScorecardStatus.SUBMITTED,
    });
    expect(await who(Permission.ScorecardRead, annCard.id)).toEqual(['admin', 'ann', 'manager', 'recruiter']);
  });

  it('reads recorded skill verdicts like the scorecard they came from, recruiters included', async () => {
    const verdicts: Array<{ id: string }> = await context
      .em()
      .execute('select id from application_skill_verdict where scorecard_id = ?', [annCard.id]);
    expect(verdicts.length).toBeGreaterThan(0);
    for (const verdict of verdicts) {
      expect(await who(Permission.SkillVerdictRead, verdict.id)).toEqual([
        'admin',
        'ann',
        'otherRecruiter',
        'recruiter',
      ]);
    }
  });

  it('hides why a stage visit ended from a blind panelist of that stage only', async () => {
    const visits: Array<{ id: string; stage_id: string }> = await context
      .em()
      .execute('select id, stage_id from stage_visit where application_id = ?', [application.id]);
    const screened = visits.find((visit) => visit.stage_id === screen.id)!;
    const open = visits.find((visit) => visit.stage_id === technical.id)!;
    expect(await who(Permission.StageVisitReasonRead, screened.id)).toEqual([
      'admin',
      'manager',
      'otherRecruiter',
      'recruiter',
    ]);
    expect(await who(Permission.StageVisitReasonRead, open.id)).toEqual([
      'admin',
      'ann',
      'otherRecruiter',
      'recruiter',
    ]);
  });

  it('reads candidates and applications through the hiring team or a panel; contact details for the team', async () => {
    const candidateId = application.candidate.id;
    const readers = ['admin', 'ann', 'ben', 'manager', 'otherRecruiter', 'recruiter'];
    expect(await who(Permission.CandidateRead, candidateId)).toEqual(readers);
    expect(await who(Permission.ApplicationRead, application.id)).toEqual(readers);
    expect(await who(Permission.InterviewRead, panelInterview.id)).toEqual(readers);
    expect(await who(Permission.CandidateContactRead, candidateId)).toEqual([
      'admin',
      'manager',
      'otherRecruiter',
      'recruiter',
    ]);
  });

  it('acts: decisions for the team, other moves for recruiters, scheduling for the position, scores for the panel', async () => {
    expect(await who(Permission.ApplicationDecide, application.id)).toEqual(['admin', 'manager', 'recruiter']);
    expect(await who(Permission.ApplicationMove, application.id)).toEqual(['admin', 'recruiter']);
    expect(await who(Permission.ApplicationSchedule, application.id)).toEqual(['admin', 'recruiter']);
    expect(await who(Permission.InterviewManage, panelInterview.id)).toEqual(['admin', 'recruiter']);
    expect(await who(Permission.InterviewComplete, panelInterview.id)).toEqual([
      'admin',
      'ann',
      'ben',
      'manager',
      'recruiter',
    ]);
    expect(await who(Permission.InterviewScore, panelInterview.id)).toEqual(['ann', 'ben', 'manager']);
    expect(await who(Permission.PositionManage, application.position.id)).toEqual(['admin', 'manager', 'recruiter']);
  });

  it('reads the kit of the stages one interviews for, and colleagues by name only', async () => {
    expect(await who(Permission.StageKitRead, technical.id)).toEqual([
      'admin',
      'ann',
      'ben',
      'manager',
      'otherRecruiter',
      'recruiter',
    ]);
    expect(await who(Permission.StageKitRead, screen.id)).toEqual(['admin', 'manager', 'otherRecruiter', 'recruiter']);
    expect(await who(Permission.UserDetailsRead, people.manager!.id)).toEqual([
      'admin',
      'manager',
      'otherManager',
      'otherRecruiter',
      'recruiter',
    ]);
    expect(await who(Permission.UserDetailsRead, people.ann!.id)).toContain('ann');
    expect(await who(Permission.UserDetailsRead, people.ann!.id)).not.toContain('ben');
  });

  it('answers lists with the same rule as single checks, for every permission and person', async () => {
    const em = context.em();
    for (const [permission, rule] of Object.entries(PERMISSIONS) as Array<
      [Permission, (typeof PERMISSIONS)[Permission]]
    >) {
      if (rule.subject === 'none') continue;
      const table = TABLE[rule.subject];
      const all: Array<{ id: string }> = await em.execute(`select id from ${table}`);
      for (const [name, user] of Object.entries(people)) {
        const actor = actorOf(user);
        const allowed = await access.allowed(
          actor,
          permission,
          all.map((row) => row.id),
        );
        const condition = access.condition(actor, permission, 't.id');
        const listed: Array<{ id: string }> = await em.execute(
          `select t.id from ${table} t where ${condition?.sql ?? 'true'}`,
          condition?.params ?? [],
        );
        expect({ permission, name, ids: listed.map((row) => row.id).sort() }).toEqual({
          permission,
          name,
          ids: [...allowed].sort(),
        });
      }
    }
  });

  it('leaves a blind panelist’s stage out of the scorecard figures until they submit', async () => {
    const analytics = context.get(AnalyticsService);
    const calibrated = async (user: User) =>
      (await context.request(() => analytics.interviewerCalibration(actorOf(user)))).map((row) => row.interviewer.name);
    expect(await access.blindInterviewIds(actorOf(people.manager!))).toEqual([panelInterview.id]);
    expect(await calibrated(people.manager!)).toEqual([]);
    expect(await calibrated(people.recruiter!)).toEqual(['ann']);

    await context.factories.scorecard({
      interview: panelInterview,
      interviewer: people.manager!,
      status: ScorecardStatus.SUBMITTED,
    });
    expect(await access.blindInterviewIds(actorOf(people.manager!))).toEqual([]);
    expect((await calibrated(people.manager!)).sort()).toEqual(['ann', people.manager!.name].sort());
  });
});

import { Role, SkillPriority, SkillVerdict } from '../../libs/domain';
import { errorCode, TestApi } from '../../libs/testing';
import { BuiltInCatalogService, SkillRequirement } from '../../src/modules/catalog';
import { Application } from '../../src/modules/pipeline';
import { ApplicationSkillVerdict } from '../../src/modules/scorecards';
import { Interview, InterviewPanelist } from '../../src/modules/scheduling';

const APP_FIELDS = `id status version currentStage { id name order } decidedAt
  stageHistory { stage { name } outcome reason reasonCode decidedBy { email } exitedAt }`;
const ACT = (mutation: string, input: string) =>
  `mutation ($input: ${input}!) { ${mutation}(input: $input) { application { ${APP_FIELDS} } } }`;
const ADVANCE = ACT('advanceApplication', 'AdvanceApplicationInput');
const SCHEDULE = `mutation ($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) {
  interview { id status startsAt endsAt interviewers { email } calendarInvite stage { name rubric { id } } } } }`;

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000);
/** A weekday 10:00 UTC at least two days ahead, so working-hour checks are predictable. */
function nextWeekdayAt(hourUtc: number, daysAhead = 2): Date {
  const date = new Date(Date.now() + daysAhead * 86_400_000);
  while ([0, 6].includes(date.getUTCDay())) date.setUTCDate(date.getUTCDate() + 1);
  date.setUTCHours(hourUtc, 0, 0, 0);
  return date;
}

describe('candidates, the pipeline and scheduling', () => {
  const api = new TestApi();
  let recruiter: { token: string; id: string };
  let manager: { token: string; id: string };
  let interviewer: { token: string; id: string };
  let lead: { token: string; id: string };
  let positionId: string;
  let stageCount: number;

  const gql = (query: string, variables: Record<string, unknown>, token = recruiter.token) =>
    api.gql(query, variables, token);

  async function newCandidate(
    email = `cand-${Math.random().toString(36).slice(2)}@example.com`,
    name = 'Casey Candidate',
  ) {
    const result = await gql(
      `mutation ($input: CreateCandidateInput!) { createCandidate(input: $input) { candidate { id } } }`,
      {
        input: { name, email, experienceLevel: 'SENIOR', phone: '+49 30 1234', source: 'referral' },
      },
    );
    return result.data!.createCandidate.candidate.id as string;
  }

  async function newApplication(): Promise<string> {
    const candidateId = await newCandidate();
    const result = await gql(`mutation ($input: ApplyInput!) { apply(input: $input) { application { id } } }`, {
      input: { candidateId, positionId },
    });
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.apply.application.id;
  }

  beforeAll(() => api.start());
  afterAll(() => api.close());
  beforeEach(async () => {
    await api.reset();
    await api.app.get(BuiltInCatalogService).load();
    const toActor = ({ user, token }: { user: { id: string }; token: string }) => ({ id: user.id, token });
    recruiter = toActor(await api.signedIn('rita@example.com', [Role.RECRUITER]));
    manager = toActor(await api.signedIn('harold@example.com', [Role.HIRING_MANAGER]));
    interviewer = toActor(await api.signedIn('ines@example.com', [Role.INTERVIEWER]));
    lead = toActor(await api.signedIn('lars@example.com', [Role.INTERVIEWER]));
    const template = (await gql('{ planTemplates { id stages { id } } }', {})).data!.planTemplates[0];
    stageCount = template.stages.length;
    const created = await gql(
      `mutation ($input: CreatePositionInput!) { createPosition(input: $input) { position { id } } }`,
      {
        input: {
          title: 'Backend Developer',
          level: 'SENIOR',
          companyProfile: 'STARTUP',
          hiringManagerId: manager.id,
          recruiterIds: [recruiter.id],
          planTemplateId: template.id,
        },
      },
    );
    positionId = created.data!.createPosition.position.id;
    await gql(`mutation ($id: ID!) { openPosition(id: $id) { position { status } } }`, { id: positionId });
  });

  describe('candidates', () => {
    it('refuses a duplicate email in any case with CONFLICT and the existing id', async () => {
      const id = await newCandidate('Dup@Example.com');
      const again = await gql(
        `mutation ($input: CreateCandidateInput!) { createCandidate(input: $input) { candidate { id } } }`,
        {
          input: { name: 'Other', email: 'dup@example.COM', experienceLevel: 'MID' },
        },
      );
      expect(errorCode(again)).toBe('CONFLICT');
      expect(again.errors![0]!.extensions.existingId).toBe(id);
    });

    it('searches by name or email with a Relay connection', async () => {
      for (const [name, email] of [
        ['Ada Lovelace', 'ada@x.io'],
        ['Alan Turing', 'alan@x.io'],
        ['Grace Hopper', 'grace@navy.mil'],
      ]) {
        await newCandidate(email, name);
      }
      const query = `query ($search: String, $after: String) { candidates(first: 1, search: $search, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { name email } } } }`;
      const first = (await gql(query, { search: 'x.io' })).data!.candidates;
      expect(first.totalCount).toBe(2);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = (await gql(query, { search: 'x.io', after: first.pageInfo.endCursor })).data!.candidates;
      expect(second.pageInfo.hasNextPage).toBe(false);
      expect([first.edges[0].node.name, second.edges[0].node.name].sort()).toEqual(['Ada Lovelace', 'Alan Turing']);
      expect((await gql(query, { search: 'hopp' })).data!.candidates.edges[0].node.email).toBe('grace@navy.mil');
    });

    it('imports the valid rows of a CSV file and reports the others by line', async () => {
      await newCandidate('taken@example.com');
      const csv = [
        'name,email,experienceLevel,experienceYears,tags',
        'Ann,ann@example.com,mid,4,go;sql',
        'Bob,not-an-email,SENIOR,,',
        'Cy,taken@example.com,JUNIOR,1,',
        'Di,di@example.com,WIZARD,3,',
      ].join('\n');
      const result = await gql(
        `mutation ($input: ImportCandidatesInput!) { importCandidates(input: $input) { imported candidates { email tags } errors { line message } } }`,
        { input: { csv } },
      );
      const payload = result.data!.importCandidates;
      expect(payload.imported).toBe(1);
      expect(payload.candidates).toEqual([{ email: 'ann@example.com', tags: ['go', 'sql'] }]);
      expect(payload.errors.map((error: any) => error.line)).toEqual([3, 4, 5]);
      expect(payload.errors[1].message).toContain('already exists');
    });
  });

  describe('the pipeline', () => {
    it('moves an application through every stage, recording who did what, then hires once must-verify skills are verified', async () => {
      const applicationId = await newApplication();
      for (let stage = 1; stage <= stageCount; stage += 1) {
        const result = await gql(
          ADVANCE,
          { input: { applicationId, reason: `passed ${stage}` } },
          stage % 2 ? recruiter.token : manager.token,
        );
        expect(result.errors).toBeUndefined();
      }
      const hire = ACT('hireApplication', 'HireApplicationInput');
      const refused = await gql(hire, { input: { applicationId } }, manager.token);
      expect(errorCode(refused)).toBe('CONFLICT');
      expect(refused.errors![0]!.message).toMatch(/must-verify skills are not verified/);

      const em = api.orm.em.fork();
      const application = await em.findOneOrFail(Application, applicationId, { populate: ['position'] });
      const musts = await em.find(
        SkillRequirement,
        { plan: application.position.plan, priority: SkillPriority.MUST_VERIFY },
        { populate: ['verifiedIn'] },
      );
      for (const requirement of musts) {
        em.persist(
          new ApplicationSkillVerdict({
            application,
            skill: requirement.skill,
            stage: requirement.verifiedIn.getItems()[0]!,
            verdict: SkillVerdict.VERIFIED,
          }),
        );
      }
      await em.flush();

      const hired = await gql(hire, { input: { applicationId } }, manager.token);
      expect(hired.errors).toBeUndefined();
      const final = hired.data!.hireApplication.application;
      expect(final.status).toBe('HIRED');
      expect(final.decidedAt).not.toBeNull();
      expect(final.stageHistory).toHaveLength(stageCount);
      expect(final.stageHistory.every((visit: any) => visit.outcome === 'PASSED' && visit.exitedAt)).toBe(true);
      expect(final.stageHistory[1]).toMatchObject({ reason: 'passed 2', decidedBy: { email: 'harold@example.com' } });
      const verifications = await gql(
        `query ($id: ID!) { application(id: $id) { skillVerifications { priority verdict } } }`,
        { id: applicationId },
      );
      expect(
        verifications
          .data!.application.skillVerifications.filter((v: any) => v.priority === 'MUST_VERIFY')
          .every((v: any) => v.verdict === 'VERIFIED'),
      ).toBe(true);
    });

    it('refuses illegal moves naming the state and the allowed actions', async () => {
      const applicationId = await newApplication();
      const hire = await gql(ACT('hireApplication', 'HireApplicationInput'), { input: { applicationId } });
      expect(errorCode(hire)).toBe('BAD_USER_INPUT');
      expect(hire.errors![0]!.message).toMatch(/ACTIVE at stage 1 of \d+.*advance/);
      const noReason = await gql(ACT('skipStage', 'SkipStageInput'), { input: { applicationId, reason: '' } });
      expect(errorCode(noReason)).toBe('BAD_USER_INPUT');
    });

    it('holds, resumes, skips with a reason and rejects with a reason', async () => {
      const applicationId = await newApplication();
      const held = await gql(ACT('holdApplication', 'HoldApplicationInput'), { input: { applicationId } });
      expect(held.data!.holdApplication.application.status).toBe('ON_HOLD');
      expect(errorCode(await gql(ADVANCE, { input: { applicationId } }))).toBe('BAD_USER_INPUT');
      await gql(ACT('resumeApplication', 'ResumeApplicationInput'), { input: { applicationId } });
      const skipped = await gql(ACT('skipStage', 'SkipStageInput'), {
        input: { applicationId, reason: 'internal referral' },
      });
      expect(skipped.data!.skipStage.application.stageHistory[0]).toMatchObject({
        outcome: 'SKIPPED',
        reason: 'internal referral',
        reasonCode: null,
      });
      const rejected = await gql(ACT('rejectApplication', 'RejectApplicationInput'), {
        input: { applicationId, reason: 'not enough depth', reasonCode: 'SKILLS_GAP' },
      });
      const application = rejected.data!.rejectApplication.application;
      expect(application).toMatchObject({ status: 'REJECTED', currentStage: null });
      expect(application.stageHistory.at(-1)).toMatchObject({
        outcome: 'FAILED',
        reason: 'not enough depth',
        reasonCode: 'SKILLS_GAP',
      });
    });

    it('stores OTHER as the rejection code when none is given, and refuses an unknown code', async () => {
      const applicationId = await newApplication();
      const unknown = await gql(ACT('rejectApplication', 'RejectApplicationInput'), {
        input: { applicationId, reason: 'no', reasonCode: 'TOO_TALL' },
      });
      expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
      await gql(ADVANCE, { input: { applicationId } });
      const rejected = await gql(ACT('rejectApplication', 'RejectApplicationInput'), {
        input: { applicationId, reason: 'Went with another candidate' },
      });
      const read = await gql(`query ($id: ID!) { application(id: $id) { ${APP_FIELDS} } }`, { id: applicationId });
      expect(read.data!.application).toEqual(rejected.data!.rejectApplication.application);
      expect(read.data!.application.stageHistory.map((visit: any) => [visit.outcome, visit.reasonCode])).toEqual([
        ['PASSED', null],
        ['FAILED', 'OTHER'],
      ]);
    });

    it('lets exactly one of several simultaneous actions on the same version succeed', async () => {
      const applicationId = await newApplication();
      const results = await Promise.all(
        Array.from({ length: 6 }, () => gql(ADVANCE, { input: { applicationId, expectedVersion: 1 } })),
      );
      expect(results.filter((result) => !result.errors)).toHaveLength(1);
      expect(results.filter((result) => result.errors).map(errorCode)).toEqual(Array(5).fill('CONFLICT'));
      const now = await gql(`query ($id: ID!) { application(id: $id) { stageHistory { outcome } } }`, {
        id: applicationId,
      });
      expect(now.data!.application.stageHistory.map((visit: any) => visit.outcome)).toEqual(['PASSED', null]);
    });

    it('keeps history consistent when simultaneous actions carry no version', async () => {
      const applicationId = await newApplication();
      const results = await Promise.all(Array.from({ length: 4 }, () => gql(ADVANCE, { input: { applicationId } })));
      const succeeded = results.filter((result) => !result.errors).length;
      expect(succeeded).toBeGreaterThanOrEqual(1);
      expect(
        results
          .filter((result) => result.errors)
          .map(errorCode)
          .every((code) => code === 'CONFLICT'),
      ).toBe(true);
      const now = await gql(`query ($id: ID!) { application(id: $id) { version stageHistory { outcome } } }`, {
        id: applicationId,
      });
      expect(now.data!.application.stageHistory).toHaveLength(succeeded + 1);
      expect(now.data!.application.version).toBe(1 + succeeded);
    });

    it('refuses a second active application and applications to a closed position', async () => {
      const candidateId = await newCandidate();
      const apply = `mutation ($input: ApplyInput!) { apply(input: $input) { application { id } } }`;
      const first = await gql(apply, { input: { candidateId, positionId } });
      const second = await gql(apply, { input: { candidateId, positionId } });
      expect(errorCode(second)).toBe('CONFLICT');
      expect(second.errors![0]!.extensions.existingId).toBe(first.data!.apply.application.id);
      await gql(`mutation ($id: ID!) { closePosition(id: $id) { position { status } } }`, { id: positionId });
      const late = await gql(apply, { input: { candidateId: await newCandidate(), positionId } });
      expect(errorCode(late)).toBe('CONFLICT');
      expect(late.errors![0]!.message).toContain('CLOSED');
    });

    it('gives hiring managers advance, reject and hire only, and interviewers nothing', async () => {
      const applicationId = await newApplication();
      expect(
        errorCode(
          await gql(ACT('holdApplication', 'HoldApplicationInput'), { input: { applicationId } }, manager.token),
        ),
      ).toBe('FORBIDDEN');
      expect(errorCode(await gql(ADVANCE, { input: { applicationId } }, interviewer.token))).toBe('FORBIDDEN');
      expect((await gql(ADVANCE, { input: { applicationId } }, manager.token)).errors).toBeUndefined();
    });
  });

  describe('scheduling', () => {
    const schedule = (applicationId: string, startsAt: Date, endsAt: Date, interviewerIds: string[]) =>
      gql(SCHEDULE, {
        input: {
          applicationId,
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
          interviewerIds,
          location: 'Room 4',
        },
      });

    it('books an interview for the current stage with its kit and a valid invite', async () => {
      const applicationId = await newApplication();
      const result = await schedule(applicationId, hoursFromNow(48), hoursFromNow(49), [interviewer.id, manager.id]);
      expect(result.errors).toBeUndefined();
      const interview = result.data!.scheduleInterview.interview;
      expect(interview.status).toBe('SCHEDULED');
      expect(interview.stage.rubric).not.toBeNull();
      expect(interview.calendarInvite).toMatch(/^BEGIN:VCALENDAR/);
      expect(interview.calendarInvite).toContain('METHOD:REQUEST');
      expect(interview.calendarInvite).toContain(`UID:interview-${interview.id}@interview-pipeline`);
      expect(interview.calendarInvite).toMatch(/ATTENDEE[^\n]*ines@example.com/);
      // UTC instants (Z): no floating local times that clients would misread.
      expect(interview.calendarInvite).toMatch(/DTSTART:\d{8}T\d{6}Z/);
      expect(interview.calendarInvite).toContain(
        `DTSTART:${new Date(interview.startsAt)
          .toISOString()
          .replace(/[-:]/g, '')
          .replace(/\.\d{3}/, '')}`,
      );
    });

    it('refuses bad times, unknown or unsuitable interviewers, naming the fields', async () => {
      const applicationId = await newApplication();
      const past = await schedule(applicationId, hoursFromNow(-2), hoursFromNow(-1), [interviewer.id]);
      expect(errorCode(past)).toBe('BAD_USER_INPUT');
      expect(past.errors![0]!.extensions.fields).toHaveProperty(['input.startsAt']);
      const backwards = await schedule(applicationId, hoursFromNow(5), hoursFromNow(4), [interviewer.id]);
      expect(backwards.errors![0]!.extensions.fields).toHaveProperty(['input.endsAt']);
      const notInterviewer = await schedule(applicationId, hoursFromNow(5), hoursFromNow(6), [recruiter.id]);
      expect(notInterviewer.errors![0]!.extensions.fields!['input.interviewerIds']).toContain('neither an interviewer');
      const unknown = await schedule(applicationId, hoursFromNow(5), hoursFromNow(6), [
        '00000000-0000-4000-8000-000000000000',
      ]);
      expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
      expect(await api.orm.em.fork().count(Interview)).toBe(0);
    });

    it('never double-books an interviewer, even under many simultaneous requests', async () => {
      const applications = await Promise.all(Array.from({ length: 8 }, () => newApplication()));
      const start = hoursFromNow(72);
      const results = await Promise.all(
        applications.map((applicationId, index) =>
          schedule(
            applicationId,
            new Date(start.getTime() + index * 5 * 60_000),
            new Date(start.getTime() + (index * 5 + 60) * 60_000),
            [interviewer.id],
          ),
        ),
      );
      expect(results.filter((result) => !result.errors)).toHaveLength(1);
      const conflicts = results.filter((result) => result.errors);
      expect(conflicts.map(errorCode)).toEqual(Array(7).fill('CONFLICT'));
      expect(conflicts[0]!.errors![0]!.message).toMatch(/^ines is already booked from /);
      expect(conflicts[0]!.errors![0]!.extensions.interviewerId).toBe(interviewer.id);
      // Back-to-back is fine: [start, end) ranges that touch do not overlap.
      const booked = results.find((result) => !result.errors)!.data!.scheduleInterview.interview;
      const next = await schedule(
        applications[0]!,
        new Date(booked.endsAt),
        new Date(new Date(booked.endsAt).getTime() + 3_600_000),
        [interviewer.id],
      );
      expect(next.errors).toBeUndefined();
    });

    it('reschedules with a higher SEQUENCE, cancels with METHOD:CANCEL and frees the slot', async () => {
      const applicationId = await newApplication();
      const booked = (await schedule(applicationId, hoursFromNow(30), hoursFromNow(31), [interviewer.id])).data!
        .scheduleInterview.interview;
      const invite = `query ($id: ID!) { interview(id: $id) { status calendarInvite } }`;
      expect((await gql(invite, { id: booked.id })).data!.interview.calendarInvite).toContain('SEQUENCE:0');
      const moved = await gql(
        `mutation ($input: RescheduleInterviewInput!) { rescheduleInterview(input: $input) { interview { startsAt } } }`,
        {
          input: {
            interviewId: booked.id,
            startsAt: hoursFromNow(40).toISOString(),
            endsAt: hoursFromNow(41).toISOString(),
          },
        },
      );
      expect(moved.errors).toBeUndefined();
      expect((await gql(invite, { id: booked.id })).data!.interview.calendarInvite).toContain('SEQUENCE:1');
      await gql(
        `mutation ($input: CancelInterviewInput!) { cancelInterview(input: $input) { interview { status } } }`,
        { input: { interviewId: booked.id, reason: 'candidate ill' } },
      );
      const cancelled = (await gql(invite, { id: booked.id })).data!.interview;
      expect(cancelled.status).toBe('CANCELLED');
      expect(cancelled.calendarInvite).toContain('METHOD:CANCEL');
      expect(cancelled.calendarInvite).toContain('SEQUENCE:2');
      const again = await schedule(await newApplication(), hoursFromNow(40), hoursFromNow(41), [interviewer.id]);
      expect(again.errors).toBeUndefined();
    });

    it('completes an interview only once it has started; the panel may complete it', async () => {
      const applicationId = await newApplication();
      const booked = (await schedule(applicationId, hoursFromNow(2), hoursFromNow(3), [interviewer.id])).data!
        .scheduleInterview.interview;
      const complete = `mutation ($input: CompleteInterviewInput!) { completeInterview(input: $input) { interview { status } } }`;
      expect(errorCode(await gql(complete, { input: { interviewId: booked.id } }, interviewer.token))).toBe('CONFLICT');
      const em = api.orm.em.fork();
      await em.nativeUpdate(Interview, { id: booked.id }, { startsAt: hoursFromNow(-1), endsAt: hoursFromNow(0.5) });
      await em.nativeUpdate(
        InterviewPanelist,
        { interview: booked.id },
        { startsAt: hoursFromNow(-1), endsAt: hoursFromNow(0.5) },
      );
      const done = await gql(complete, { input: { interviewId: booked.id, noShow: true } }, interviewer.token);
      expect(done.data!.completeInterview.interview.status).toBe('NO_SHOW');
      expect(errorCode(await gql(complete, { input: { interviewId: booked.id } }, lead.token))).toBe('FORBIDDEN');
    });

    it('shows interviewers their interviews and the candidate without contact details', async () => {
      const applicationId = await newApplication();
      const other = await newApplication();
      await schedule(applicationId, hoursFromNow(50), hoursFromNow(51), [interviewer.id]);
      await schedule(other, hoursFromNow(20), hoursFromNow(21), [lead.id]);
      const mine = await gql(
        `{ myInterviews { application { id candidate { name email phone } currentStage { name } } stage { questions { prompt } } } }`,
        {},
        interviewer.token,
      );
      expect(mine.data!.myInterviews).toHaveLength(1);
      expect(mine.data!.myInterviews[0].application.candidate).toEqual({
        name: 'Casey Candidate',
        email: null,
        phone: null,
      });
      expect(mine.data!.myInterviews[0].stage.questions.length).toBeGreaterThan(0);
      expect(
        (await gql(`query ($id: ID!) { application(id: $id) { id } }`, { id: other }, interviewer.token)).data!
          .application,
      ).toBeNull();
      const listed = await gql('{ candidates { totalCount } }', {}, interviewer.token);
      expect(listed.data!.candidates.totalCount).toBe(1);
    });

    it('suggests free windows in every panelist\u2019s working hours, and serves a private calendar feed', async () => {
      const em = api.orm.em.fork();
      await em.nativeUpdate('User', { id: interviewer.id }, { timezone: 'Europe/Berlin' });
      await em.nativeUpdate('User', { id: lead.id }, { timezone: 'America/New_York' });
      const applicationId = await newApplication();
      const day = nextWeekdayAt(0);
      const busyStart = new Date(day.getTime() + 14 * 3_600_000);
      await schedule(applicationId, busyStart, new Date(busyStart.getTime() + 3_600_000), [interviewer.id]);
      const slots = await gql(
        `query ($input: SuggestInterviewSlotsInput!) { suggestInterviewSlots(input: $input) { startsAt endsAt panelLoad } }`,
        {
          input: {
            applicationId,
            durationMinutes: 60,
            from: day.toISOString(),
            to: new Date(day.getTime() + 86_400_000).toISOString(),
            interviewerIds: [interviewer.id, lead.id],
          },
        },
      );
      expect(slots.errors).toBeUndefined();
      const found = slots.data!.suggestInterviewSlots as Array<{ startsAt: string; endsAt: string; panelLoad: number }>;
      expect(found.length).toBeGreaterThan(0);
      for (const slot of found) {
        const start = new Date(slot.startsAt).getTime();
        expect(start >= busyStart.getTime() + 3_600_000 || start + 3_600_000 <= busyStart.getTime()).toBe(true);
        expect(slot.panelLoad).toBe(1);
      }

      const path = (await gql('{ myCalendarFeedUrl }', {}, interviewer.token)).data!.myCalendarFeedUrl as string;
      const feed = await fetch(`${api.baseUrl}${path}`);
      expect(feed.status).toBe(200);
      expect(feed.headers.get('content-type')).toContain('text/calendar');
      expect(await feed.text()).toContain('BEGIN:VEVENT');
      expect((await fetch(`${api.baseUrl}${path.replace(/[^/]{6}\.ics$/, 'AAAAAA.ics')}`)).status).toBe(404);
    });
  });

  it('lists a position\u2019s applications as a connection filtered by status', async () => {
    const first = await newApplication();
    await newApplication();
    await gql(ACT('rejectApplication', 'RejectApplicationInput'), { input: { applicationId: first, reason: 'no' } });
    const result = await gql(
      `query ($id: ID!) { position(id: $id) { applications(status: ACTIVE) { totalCount edges { node { status candidate { name } } } } } }`,
      { id: positionId },
    );
    expect(result.data!.position.applications.totalCount).toBe(1);
    expect(result.data!.position.applications.edges[0].node.status).toBe('ACTIVE');
  });

  it('lets a panel interviewer read the kit of their stage only, and keeps visited stages in the plan', async () => {
    const applicationId = await newApplication();
    const plan = (await gql(`query ($id: ID!) { position(id: $id) { plan { stages { id } } } }`, { id: positionId }))
      .data!.position.plan;
    await gql(SCHEDULE, {
      input: {
        applicationId,
        startsAt: hoursFromNow(30).toISOString(),
        endsAt: hoursFromNow(31).toISOString(),
        interviewerIds: [interviewer.id],
      },
    });
    const kit = `query ($p: ID!, $s: ID!) { interviewKit(positionId: $p, stageId: $s) { stage { name } } }`;
    const own = await gql(kit, { p: positionId, s: plan.stages[0].id }, interviewer.token);
    expect(own.errors).toBeUndefined();
    expect(errorCode(await gql(kit, { p: positionId, s: plan.stages[1].id }, interviewer.token))).toBe('FORBIDDEN');
    expect(errorCode(await gql(kit, { p: positionId, s: plan.stages[0].id }, lead.token))).toBe('FORBIDDEN');

    const remove = `mutation ($input: RemovePlanStageInput!) { removePlanStage(input: $input) { plan { id } } }`;
    const visited = await gql(remove, { input: { stageId: plan.stages[0].id } });
    expect(errorCode(visited)).toBe('CONFLICT');
    expect(visited.errors![0]!.message).toContain('cannot be removed');
  });

  describe('privacy and consistency', () => {
    const book = (applicationId: string, interviewerIds: string[], from = 30) =>
      gql(SCHEDULE, {
        input: {
          applicationId,
          startsAt: hoursFromNow(from).toISOString(),
          endsAt: hoursFromNow(from + 1).toISOString(),
          interviewerIds,
        },
      });

    it('never lets an interviewer find or read contact details, whatever other role they have', async () => {
      const hmElsewhere = await api.signedIn('dual@example.com', [Role.HIRING_MANAGER, Role.INTERVIEWER]);
      const candidateId = await newCandidate('secret.person@hidden.org', 'Sam Secret');
      const applied = await gql(`mutation ($input: ApplyInput!) { apply(input: $input) { application { id } } }`, {
        input: { candidateId, positionId },
      });
      const applicationId = applied.data!.apply.application.id;
      await book(applicationId, [interviewer.id, hmElsewhere.user.id]);

      const byEmail = `query ($s: String) { candidates(search: $s) { totalCount edges { node { email phone } } } }`;
      expect((await gql(byEmail, { s: 'hidden.org' }, interviewer.token)).data!.candidates.totalCount).toBe(0);
      expect((await gql(byEmail, { s: 'Sam Sec' }, interviewer.token)).data!.candidates.totalCount).toBe(1);
      const dual = await gql(byEmail, { s: 'Sam' }, hmElsewhere.token);
      expect(dual.data!.candidates.edges).toEqual([{ node: { email: null, phone: null } }]);
      const invite = await gql('{ myInterviews { calendarInvite } }', {}, hmElsewhere.token);
      expect(invite.data!.myInterviews[0].calendarInvite).not.toContain('hidden.org');
      // The position's hiring manager does see them.
      expect((await gql(byEmail, { s: 'hidden.org' }, manager.token)).data!.candidates.edges[0].node.email).toBe(
        'secret.person@hidden.org',
      );
    });

    it("shows an interviewer only their own stage of the position's plan, and no recruiters", async () => {
      const applicationId = await newApplication();
      await book(applicationId, [interviewer.id]);
      const seen = await gql(
        '{ myInterviews { application { position { recruiters { email } plan { stages { id } skillRequirements { skill { name } } } } } stage { id } } }',
        {},
        interviewer.token,
      );
      const interview = seen.data!.myInterviews[0];
      expect(interview.application.position.recruiters).toEqual([]);
      expect(interview.application.position.plan.stages).toEqual([{ id: interview.stage.id }]);
    });

    it('keeps visited stages in place and cancels open interviews of a decided application', async () => {
      const applicationId = await newApplication();
      const booked = (await book(applicationId, [interviewer.id])).data!.scheduleInterview.interview;
      const plan = (
        await gql(`query ($id: ID!) { position(id: $id) { plan { id stages { id } } } }`, { id: positionId })
      ).data!.position.plan;
      const swapped = [plan.stages[1].id, plan.stages[0].id, ...plan.stages.slice(2).map((stage: any) => stage.id)];
      const reorder = await gql(
        `mutation ($input: ReorderPlanStagesInput!) { reorderPlanStages(input: $input) { plan { id } } }`,
        { input: { planId: plan.id, stageIds: swapped } },
      );
      expect(errorCode(reorder)).toBe('CONFLICT');

      await gql(ACT('rejectApplication', 'RejectApplicationInput'), {
        input: { applicationId, reason: 'withdrawn budget' },
      });
      const after = await gql(`query ($id: ID!) { interview(id: $id) { status calendarInvite } }`, { id: booked.id });
      expect(after.data!.interview.status).toBe('CANCELLED');
      expect(after.data!.interview.calendarInvite).toContain('METHOD:CANCEL');
      expect((await book(await newApplication(), [interviewer.id])).errors).toBeUndefined();
    });

    it('closes the calendar feed of a deactivated user and answers malformed ids as bad input', async () => {
      const path = (await gql('{ myCalendarFeedUrl }', {}, lead.token)).data!.myCalendarFeedUrl as string;
      expect((await fetch(`${api.baseUrl}${path}`)).status).toBe(200);
      await api.orm.em.fork().nativeUpdate('User', { id: lead.id }, { deactivatedAt: new Date() });
      expect((await fetch(`${api.baseUrl}${path}`)).status).toBe(404);
      expect(errorCode(await gql('{ position(id: "not-a-uuid") { id } }', {}))).toBe('BAD_USER_INPUT');
    });
  });

  it('chooses the least-loaded interviewers for each window when asked for a panel size', async () => {
    const day = nextWeekdayAt(0, 3);
    const applicationId = await newApplication();
    // Ines already has two interviews that week; Lars has none.
    for (const hour of [8, 15]) {
      const start = new Date(day.getTime() + hour * 3_600_000);
      const booked = await gql(SCHEDULE, {
        input: {
          applicationId: await newApplication(),
          startsAt: start.toISOString(),
          endsAt: new Date(start.getTime() + 1_800_000).toISOString(),
          interviewerIds: [interviewer.id],
        },
      });
      expect(booked.errors).toBeUndefined();
    }
    const slots = await gql(
      `query ($input: SuggestInterviewSlotsInput!) { suggestInterviewSlots(input: $input) { startsAt panelLoad interviewerIds } }`,
      {
        input: {
          applicationId,
          durationMinutes: 60,
          from: day.toISOString(),
          to: new Date(day.getTime() + 86_400_000).toISOString(),
          interviewerIds: [interviewer.id, lead.id],
          panelSize: 1,
        },
      },
    );
    if (!slots.data) throw new Error(JSON.stringify(slots.errors));
    const found = slots.data.suggestInterviewSlots;
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({ panelLoad: 0, interviewerIds: [lead.id] });
    expect(found.every((slot: any, index: number) => index === 0 || found[index - 1].panelLoad <= slot.panelLoad)).toBe(
      true,
    );
  });
});

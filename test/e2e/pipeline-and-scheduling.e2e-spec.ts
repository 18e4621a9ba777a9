import { Role, SkillPriority, SkillVerdict } from '../../libs/domain';
import {
  ADVANCE_APPLICATION,
  APPLICATION,
  APPLICATION_ID,
  APPLICATION_REVIEW,
  applyCandidate,
  APPLY,
  CANCEL_INTERVIEW,
  CANDIDATE_CONTACTS,
  CANDIDATES_PAGE,
  CLOSE_POSITION,
  COMPLETE_INTERVIEW,
  createCandidate,
  CREATE_CANDIDATE,
  errorCode,
  HIRE_APPLICATION,
  HOLD_APPLICATION,
  hoursFromNow,
  IMPORT_CANDIDATES,
  INTERVIEW_INVITE,
  INTERVIEW_KIT,
  loadBuiltInPlan,
  moveInterviewIntoPast,
  MY_CALENDAR_FEED_URL,
  MY_INTERVIEW_INVITES,
  MY_INTERVIEW_POSITIONS,
  MY_INTERVIEWS,
  nextWeekdayAt,
  openPositionFromBuiltInPlan,
  POSITION_APPLICATIONS,
  POSITION_ID,
  POSITION_PLAN,
  REJECT_APPLICATION,
  REMOVE_PLAN_STAGE,
  REORDER_PLAN_STAGES,
  RESCHEDULE_INTERVIEW,
  RESUME_APPLICATION,
  scheduleInterview,
  signIn,
  signInPeople,
  SKIP_STAGE,
  SUGGEST_INTERVIEW_SLOTS,
  TestApi,
  type Person,
} from '../../libs/testing';
import { SkillRequirement } from '../../src/modules/catalog';
import { Application } from '../../src/modules/pipeline';
import { ApplicationSkillVerdict } from '../../src/modules/scorecards';
import { loadConfig } from '../../src/config/app-config';
import { Interview } from '../../src/modules/scheduling';

/** Contact details every candidate of these tests has, so that hiding them is visible. */
const CONTACT = { phone: '+49 30 1234', source: 'referral' };

describe('candidates, the pipeline and scheduling', () => {
  const api = new TestApi();
  let recruiter: Person;
  let manager: Person;
  let interviewer: Person;
  let lead: Person;
  let positionId: string;
  let stageCount: number;

  const newCandidate = (email?: string, name?: string) => createCandidate(recruiter, { ...CONTACT, email, name });
  const newApplication = () => applyCandidate(recruiter, positionId, CONTACT);

  beforeAll(() => api.start());
  afterAll(() => api.close());
  beforeEach(async () => {
    await api.reset();
    await loadBuiltInPlan(api);
    const people = await signInPeople(api, {
      rita: [Role.RECRUITER],
      harold: [Role.HIRING_MANAGER],
      ines: [Role.INTERVIEWER],
      lars: [Role.INTERVIEWER],
    });
    ({ rita: recruiter, harold: manager, ines: interviewer, lars: lead } = people);
    const position = await openPositionFromBuiltInPlan(recruiter, {
      hiringManagerId: manager.id,
      recruiterIds: [recruiter.id],
    });
    positionId = position.id;
    stageCount = position.plan.stages.length;
  });

  describe('candidates', () => {
    it('refuses a duplicate email in any case with CONFLICT and the existing id', async () => {
      const id = await newCandidate('Dup@Example.com');
      const again = await recruiter.gql(CREATE_CANDIDATE, {
        input: { name: 'Other', email: 'dup@example.COM', experienceLevel: 'MID' },
      });
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
      const page = (variables: { search: string; after?: string | null }) =>
        recruiter.gql(CANDIDATES_PAGE, { first: 1, ...variables });
      const first = (await page({ search: 'x.io' })).data!.candidates;
      expect(first.totalCount).toBe(2);
      expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      expect(first.pageInfo.startCursor).toBe(first.edges[0]!.cursor);
      expect(first.pageInfo.endCursor).toBe(first.edges[0]!.cursor);
      const second = (await page({ search: 'x.io', after: first.pageInfo.endCursor })).data!.candidates;
      expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      expect(second.pageInfo.startCursor).toBe(second.edges[0]!.cursor);
      expect([first.edges[0]!.node.name, second.edges[0]!.node.name].sort()).toEqual(['Ada Lovelace', 'Alan Turing']);
      expect((await page({ search: 'hopp' })).data!.candidates.edges[0]!.node.email).toBe('grace@navy.mil');
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
      const result = await recruiter.gql(IMPORT_CANDIDATES, { input: { csv } });
      const payload = result.data!.importCandidates;
      expect(payload.imported).toBe(1);
      expect(payload.candidates).toEqual([{ email: 'ann@example.com', tags: ['go', 'sql'] }]);
      expect(payload.errors.map((error: any) => error.line)).toEqual([3, 4, 5]);
      expect(payload.errors[1]!.message).toContain('already exists');
    });
  });

  describe('the pipeline', () => {
    it('moves an application through every stage, recording who did what, then hires once must-verify skills are verified', async () => {
      const applicationId = await newApplication();
      for (let stage = 1; stage <= stageCount; stage += 1) {
        const result = await (stage % 2 ? recruiter : manager).gql(ADVANCE_APPLICATION, {
          input: { applicationId, reason: `passed ${stage}` },
        });
        expect(result.errors).toBeUndefined();
      }
      const refused = await manager.gql(HIRE_APPLICATION, { input: { applicationId } });
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

      const hired = await manager.gql(HIRE_APPLICATION, { input: { applicationId } });
      expect(hired.errors).toBeUndefined();
      const final = hired.data!.hireApplication.application;
      expect(final.status).toBe('HIRED');
      expect(final.decidedAt).not.toBeNull();
      expect(final.stageHistory).toHaveLength(stageCount);
      expect(final.stageHistory.every((visit: any) => visit.outcome === 'PASSED' && visit.exitedAt)).toBe(true);
      expect(final.stageHistory[1]).toMatchObject({ reason: 'passed 2', decidedBy: { email: 'harold@example.com' } });
      const verifications = await recruiter.gql(APPLICATION_REVIEW, { id: applicationId });
      expect(
        verifications
          .data!.application!.skillVerifications.filter((v: any) => v.priority === 'MUST_VERIFY')
          .every((v: any) => v.verdict === 'VERIFIED'),
      ).toBe(true);
    });

    it('refuses illegal moves naming the state and the allowed actions', async () => {
      const applicationId = await newApplication();
      const hire = await recruiter.gql(HIRE_APPLICATION, { input: { applicationId } });
      expect(errorCode(hire)).toBe('BAD_USER_INPUT');
      expect(hire.errors![0]!.message).toMatch(/ACTIVE at stage 1 of \d+.*advance/);
      const noReason = await recruiter.gql(SKIP_STAGE, { input: { applicationId, reason: '' } });
      expect(errorCode(noReason)).toBe('BAD_USER_INPUT');
    });

    it('holds, resumes, skips with a reason and rejects with a reason', async () => {
      const applicationId = await newApplication();
      const held = await recruiter.gql(HOLD_APPLICATION, { input: { applicationId } });
      expect(held.data!.holdApplication.application.status).toBe('ON_HOLD');
      expect(errorCode(await recruiter.gql(ADVANCE_APPLICATION, { input: { applicationId } }))).toBe('BAD_USER_INPUT');
      await recruiter.gql(RESUME_APPLICATION, { input: { applicationId } });
      const skipped = await recruiter.gql(SKIP_STAGE, { input: { applicationId, reason: 'internal referral' } });
      expect(skipped.data!.skipStage.application.stageHistory[0]).toMatchObject({
        outcome: 'SKIPPED',
        reason: 'internal referral',
        reasonCode: null,
      });
      const rejected = await recruiter.gql(REJECT_APPLICATION, {
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
      const unknown = await recruiter.gql(REJECT_APPLICATION, {
        input: { applicationId, reason: 'no', reasonCode: 'TOO_TALL' },
      });
      expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
      await recruiter.gql(ADVANCE_APPLICATION, { input: { applicationId } });
      const rejected = await recruiter.gql(REJECT_APPLICATION, {
        input: { applicationId, reason: 'Went with another candidate' },
      });
      const read = await recruiter.gql(APPLICATION, { id: applicationId });
      expect(read.data!.application).toEqual(rejected.data!.rejectApplication.application);
      expect(read.data!.application!.stageHistory.map((visit: any) => [visit.outcome, visit.reasonCode])).toEqual([
        ['PASSED', null],
        ['FAILED', 'OTHER'],
      ]);
    });

    it('lets exactly one of several simultaneous actions on the same version succeed', async () => {
      const applicationId = await newApplication();
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          recruiter.gql(ADVANCE_APPLICATION, { input: { applicationId, expectedVersion: 1 } }),
        ),
      );
      expect(results.filter((result) => !result.errors)).toHaveLength(1);
      expect(results.filter((result) => result.errors).map(errorCode)).toEqual(Array(5).fill('CONFLICT'));
      const now = await recruiter.gql(APPLICATION, { id: applicationId });
      expect(now.data!.application!.stageHistory.map((visit: any) => visit.outcome)).toEqual(['PASSED', null]);
    });

    it('keeps history consistent when simultaneous actions carry no version', async () => {
      const applicationId = await newApplication();
      const results = await Promise.all(
        Array.from({ length: 4 }, () => recruiter.gql(ADVANCE_APPLICATION, { input: { applicationId } })),
      );
      const succeeded = results.filter((result) => !result.errors).length;
      expect(succeeded).toBeGreaterThanOrEqual(1);
      expect(
        results
          .filter((result) => result.errors)
          .map(errorCode)
          .every((code) => code === 'CONFLICT'),
      ).toBe(true);
      const now = await recruiter.gql(APPLICATION, { id: applicationId });
      expect(now.data!.application!.stageHistory).toHaveLength(succeeded + 1);
      expect(now.data!.application!.version).toBe(1 + succeeded);
    });

    it('refuses a second active application and applications to a closed position', async () => {
      const candidateId = await newCandidate();
      const first = await recruiter.gql(APPLY, { input: { candidateId, positionId } });
      const second = await recruiter.gql(APPLY, { input: { candidateId, positionId } });
      expect(errorCode(second)).toBe('CONFLICT');
      expect(second.errors![0]!.extensions.existingId).toBe(first.data!.apply.application.id);
      await recruiter.gql(CLOSE_POSITION, { id: positionId });
      const late = await recruiter.gql(APPLY, { input: { candidateId: await newCandidate(), positionId } });
      expect(errorCode(late)).toBe('CONFLICT');
      expect(late.errors![0]!.message).toContain('CLOSED');
    });

    it('shows the same stage history whether the query asks for stage kits or not', async () => {
      // Without a rubric, questions or task below it the history is read as plain rows; with one,
      // as entities with the stages' kits: both must show the same visits.
      const applicationId = await newApplication();
      expect((await recruiter.gql(ADVANCE_APPLICATION, { input: { applicationId } })).errors).toBeUndefined();
      const skipped = await recruiter.gql(SKIP_STAGE, { input: { applicationId, reason: 'Seen at a meetup' } });
      expect(skipped.errors).toBeUndefined();
      const VISIT = `enteredAt exitedAt outcome reason reasonCode decidedBy { id name timezone deactivatedAt }
        stage { id planId name kind order focusAreas participants durationMinutes passThreshold requiredFromLevel`;
      const history = async (person: Person, deep: boolean) => {
        const result = await api.gql<{ application: { stageHistory: Array<Record<string, any>> } }>(
          `query ($id: ID!) { application(id: $id) { stageHistory { ${VISIT} ${deep ? 'rubric { id }' : ''} } } } }`,
          { id: applicationId },
          person.token,
        );
        expect(result.errors).toBeUndefined();
        return result.data!.application.stageHistory.map(({ stage: { rubric: _rubric, ...stage }, ...visit }) => ({
          ...visit,
          stage,
        }));
      };
      const rows = await history(recruiter, false);
      expect(rows).toHaveLength(3);
      expect(rows[0]).toMatchObject({ outcome: 'PASSED', decidedBy: { id: recruiter.id } });
      expect(rows[1]).toMatchObject({ outcome: 'SKIPPED', reason: 'Seen at a meetup' });
      expect(rows[2]).toMatchObject({ outcome: null, exitedAt: null, decidedBy: null });
      expect(rows[0]!.stage.focusAreas.length).toBeGreaterThan(0);
      expect(rows).toEqual(await history(recruiter, true));
      expect(await history(manager, false)).toEqual(await history(manager, true));
    });

    it('gives hiring managers advance, reject and hire only, and interviewers nothing', async () => {
      const applicationId = await newApplication();
      expect(errorCode(await manager.gql(HOLD_APPLICATION, { input: { applicationId } }))).toBe('FORBIDDEN');
      expect(errorCode(await interviewer.gql(ADVANCE_APPLICATION, { input: { applicationId } }))).toBe('FORBIDDEN');
      expect((await manager.gql(ADVANCE_APPLICATION, { input: { applicationId } })).errors).toBeUndefined();
    });
  });

  describe('scheduling', () => {
    const schedule = (applicationId: string, startsAt: Date, endsAt: Date, interviewerIds: string[]) =>
      scheduleInterview(recruiter, { applicationId, startsAt, endsAt, interviewerIds, location: 'Room 4' });

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

    it('shows an interview the same from myInterviews, an application and interview(id)', async () => {
      // myInterviews and Application.interviews read plain rows and load the panel and the invite
      // on demand; interview(id) loads the entity: every field must agree.
      const applicationId = await newApplication();
      const booked = await schedule(applicationId, hoursFromNow(50), hoursFromNow(51), [interviewer.id, manager.id]);
      expect(booked.errors).toBeUndefined();
      const id = booked.data!.scheduleInterview.interview.id as string;
      const FIELDS = `id startsAt endsAt location status cancelReason interviewers { id name timezone }
        application { id status version appliedAt currentStage { id } candidate { id name } }
        stage { id name kind } calendarInvite`;
      const run = async (person: Person, query: string, variables: Record<string, unknown>) => {
        const result = await api.gql<Record<string, any>>(query, variables, person.token);
        expect(result.errors).toBeUndefined();
        return result.data!;
      };
      // The invite's DTSTAMP is the time it was rendered.
      const same = (interview: Record<string, any>) => ({
        ...interview,
        calendarInvite: (interview.calendarInvite as string).replace(/^DTSTAMP:.*$/m, ''),
      });
      for (const person of [interviewer, manager]) {
        const byId = (await run(person, `query ($id: ID!) { interview(id: $id) { ${FIELDS} } }`, { id })).interview;
        const mine = (await run(person, `{ myInterviews { ${FIELDS} } }`, {})).myInterviews as Array<{ id: string }>;
        expect(byId.interviewers.map((user: { id: string }) => user.id).sort()).toEqual(
          [interviewer.id, manager.id].sort(),
        );
        expect(byId.application.candidate.name).toBeTruthy();
        expect(same(mine.find((interview) => interview.id === id)!)).toEqual(same(byId));
      }
      const asRecruiter = (await run(recruiter, `query ($id: ID!) { interview(id: $id) { ${FIELDS} } }`, { id }))
        .interview;
      const ofApplication = (
        await run(recruiter, `query ($id: ID!) { application(id: $id) { interviews { ${FIELDS} } } }`, {
          id: applicationId,
        })
      ).application.interviews as Array<{ id: string }>;
      expect(ofApplication.map((interview) => same(interview))).toEqual([same(asRecruiter)]);
    });

    it('refuses bad times, unknown or unsuitable interviewers, naming the fields', async () => {
      const applicationId = await newApplication();
      const past = await schedule(applicationId, hoursFromNow(-2), hoursFromNow(-1), [interviewer.id]);
      expect(errorCode(past)).toBe('BAD_USER_INPUT');
      expect(past.errors![0]!.extensions.fields).toHaveProperty(['input.startsAt']);
      const backwards = await schedule(applicationId, hoursFromNow(5), hoursFromNow(4), [interviewer.id]);
      expect(backwards.errors![0]!.extensions.fields).toHaveProperty(['input.endsAt']);
      // A recruiter who does not recruit for this position is not on its team.
      const { otto: outsider } = await signInPeople(api, { otto: [Role.RECRUITER] });
      const notInterviewer = await schedule(applicationId, hoursFromNow(5), hoursFromNow(6), [outsider.id]);
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

    it('books after its transaction lost a deadlock: the booking runs again', async () => {
      // A deadlock made on purpose. Another transaction locks the candidate's row; the booking takes
      // its share lock on the application, then waits on the candidate's row (the new interview's
      // foreign key); the other transaction then asks for the application's row. The booking waited
      // first, so PostgreSQL's deadlock check (after deadlock_timeout) aborts the booking's
      // transaction, and the other one gets its lock. The booking must then run again and succeed.
      const applicationId = await newApplication();
      const knex = api.orm.em.getConnection().getKnex();
      const [{ candidate_id: candidateId }] = (
        await knex.raw('select candidate_id from application where id = ?', [applicationId])
      ).rows;
      const deadlocks = async () =>
        Number(
          (await knex.raw('select deadlocks from pg_stat_database where datname = current_database()')).rows[0]
            .deadlocks,
        );
      const before = await deadlocks();
      const other = await knex.transaction();
      await other.raw('select 1 from candidate where id = ? for update', [candidateId]);
      const booking = schedule(applicationId, hoursFromNow(80), hoursFromNow(81), [interviewer.id]);
      const otherPid = (await other.raw('select pg_backend_pid() as pid')).rows[0].pid as number;
      const waitingOnTheCandidate = async () =>
        (
          await knex.raw('select count(*)::int as n from pg_stat_activity where ? = any(pg_blocking_pids(pid))', [
            otherPid,
          ])
        ).rows[0].n > 0;
      for (let tries = 0; !(await waitingOnTheCandidate()); tries += 1) {
        if (tries > 500) throw new Error('the booking never waited on the candidate row');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      // Granted only once the booking's first transaction ended: it cannot commit while it waits on us.
      await other.raw('select 1 from application where id = ? for update', [applicationId]);
      await other.rollback();
      const booked = await booking;
      expect(booked.errors).toBeUndefined();
      expect(booked.data!.scheduleInterview.interview.status).toBe('SCHEDULED');
      const interviews = await knex.raw('select count(*)::int as n from interview where application_id = ?', [
        applicationId,
      ]);
      expect(interviews.rows[0].n).toBe(1);
      // Statistics reach pg_stat_database shortly after the transaction ends.
      for (let tries = 0; (await deadlocks()) === before; tries += 1) {
        if (tries > 100) throw new Error('PostgreSQL counted no deadlock');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });

    it('reschedules with a higher SEQUENCE, cancels with METHOD:CANCEL and frees the slot', async () => {
      const applicationId = await newApplication();
      const booked = (await schedule(applicationId, hoursFromNow(30), hoursFromNow(31), [interviewer.id])).data!
        .scheduleInterview.interview;
      const invite = () => recruiter.gql(INTERVIEW_INVITE, { id: booked.id });
      expect((await invite()).data!.interview!.calendarInvite).toContain('SEQUENCE:0');
      const moved = await recruiter.gql(RESCHEDULE_INTERVIEW, {
        input: {
          interviewId: booked.id,
          startsAt: hoursFromNow(40).toISOString(),
          endsAt: hoursFromNow(41).toISOString(),
        },
      });
      expect(moved.errors).toBeUndefined();
      expect((await invite()).data!.interview!.calendarInvite).toContain('SEQUENCE:1');
      await recruiter.gql(CANCEL_INTERVIEW, { input: { interviewId: booked.id, reason: 'candidate ill' } });
      const cancelled = (await invite()).data!.interview!;
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
      const complete = (by: Person, noShow?: boolean) =>
        by.gql(COMPLETE_INTERVIEW, { input: { interviewId: booked.id, noShow } });
      expect(errorCode(await complete(interviewer))).toBe('CONFLICT');
      await moveInterviewIntoPast(api, booked.id, { startsAt: hoursFromNow(-1), endsAt: hoursFromNow(0.5) });
      const done = await complete(interviewer, true);
      expect(done.data!.completeInterview.interview.status).toBe('NO_SHOW');
      expect(errorCode(await complete(lead))).toBe('FORBIDDEN');
    });

    it('shows interviewers their interviews and the candidate without contact details', async () => {
      const applicationId = await newApplication();
      const other = await newApplication();
      await schedule(applicationId, hoursFromNow(50), hoursFromNow(51), [interviewer.id]);
      await schedule(other, hoursFromNow(20), hoursFromNow(21), [lead.id]);
      const mine = await interviewer.gql(MY_INTERVIEWS, {});
      expect(mine.data!.myInterviews).toHaveLength(1);
      expect(mine.data!.myInterviews[0]!.application.candidate).toEqual({
        name: 'Casey Candidate',
        email: null,
        phone: null,
      });
      expect(mine.data!.myInterviews[0]!.stage.questions.length).toBeGreaterThan(0);
      expect((await interviewer.gql(APPLICATION_ID, { id: other })).data!.application).toBeNull();
      const listed = await interviewer.gql(CANDIDATE_CONTACTS, {});
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
      const slots = await recruiter.gql(SUGGEST_INTERVIEW_SLOTS, {
        input: {
          applicationId,
          durationMinutes: 60,
          from: day.toISOString(),
          to: new Date(day.getTime() + 86_400_000).toISOString(),
          interviewerIds: [interviewer.id, lead.id],
        },
      });
      expect(slots.errors).toBeUndefined();
      const found = slots.data!.suggestInterviewSlots;
      expect(found.length).toBeGreaterThan(0);
      for (const slot of found) {
        const start = new Date(slot.startsAt).getTime();
        expect(start >= busyStart.getTime() + 3_600_000 || start + 3_600_000 <= busyStart.getTime()).toBe(true);
        expect(slot.panelLoad).toBe(1);
      }

      const url = (await interviewer.gql(MY_CALENDAR_FEED_URL, {})).data!.myCalendarFeedUrl;
      // Absolute under PUBLIC_URL; the test server listens elsewhere, so ask it for the same path.
      expect(url.startsWith(`${loadConfig().http.publicUrl}/calendar/${interviewer.id}/`)).toBe(true);
      const path = new URL(url).pathname;
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
    await recruiter.gql(REJECT_APPLICATION, { input: { applicationId: first, reason: 'no' } });
    const result = await recruiter.gql(POSITION_APPLICATIONS, { id: positionId, status: 'ACTIVE' });
    expect(result.data!.position!.applications.totalCount).toBe(1);
    expect(result.data!.position!.applications.edges[0]!.node.status).toBe('ACTIVE');
  });

  it('lets a panel interviewer read the kit of their stage only, and keeps visited stages in the plan', async () => {
    const applicationId = await newApplication();
    const plan = (await recruiter.gql(POSITION_PLAN, { id: positionId })).data!.position!.plan;
    await scheduleInterview(recruiter, {
      applicationId,
      startsAt: hoursFromNow(30),
      endsAt: hoursFromNow(31),
      interviewerIds: [interviewer.id],
    });
    const kit = (by: Person, stage: number) => by.gql(INTERVIEW_KIT, { p: positionId, s: plan.stages[stage]!.id });
    const own = await kit(interviewer, 0);
    expect(own.errors).toBeUndefined();
    expect(errorCode(await kit(interviewer, 1))).toBe('FORBIDDEN');
    expect(errorCode(await kit(lead, 0))).toBe('FORBIDDEN');

    const visited = await recruiter.gql(REMOVE_PLAN_STAGE, { input: { stageId: plan.stages[0]!.id } });
    expect(errorCode(visited)).toBe('CONFLICT');
    expect(visited.errors![0]!.message).toContain('cannot be removed');
  });

  describe('privacy and consistency', () => {
    const book = (applicationId: string, interviewerIds: string[], from = 30) =>
      scheduleInterview(recruiter, {
        applicationId,
        startsAt: hoursFromNow(from),
        endsAt: hoursFromNow(from + 1),
        interviewerIds,
      });

    it('never lets an interviewer find or read contact details, whatever other role they have', async () => {
      const hmElsewhere = await signIn(api, 'dual@example.com', [Role.HIRING_MANAGER, Role.INTERVIEWER]);
      const candidateId = await newCandidate('secret.person@hidden.org', 'Sam Secret');
      const applied = await recruiter.gql(APPLY, { input: { candidateId, positionId } });
      const applicationId = applied.data!.apply.application.id;
      await book(applicationId, [interviewer.id, hmElsewhere.user.id]);

      expect((await interviewer.gql(CANDIDATE_CONTACTS, { s: 'hidden.org' })).data!.candidates.totalCount).toBe(0);
      expect((await interviewer.gql(CANDIDATE_CONTACTS, { s: 'Sam Sec' })).data!.candidates.totalCount).toBe(1);
      const dual = await hmElsewhere.gql(CANDIDATE_CONTACTS, { s: 'Sam' });
      expect(dual.data!.candidates.edges).toEqual([{ node: { email: null, phone: null } }]);
      const invite = await hmElsewhere.gql(MY_INTERVIEW_INVITES, {});
      expect(invite.data!.myInterviews[0]!.calendarInvite).not.toContain('hidden.org');
      // The position's hiring manager does see them.
      expect((await manager.gql(CANDIDATE_CONTACTS, { s: 'hidden.org' })).data!.candidates.edges[0]!.node.email).toBe(
        'secret.person@hidden.org',
      );
    });

    it("shows an interviewer only their own stage of the position's plan, and no recruiters", async () => {
      const applicationId = await newApplication();
      await book(applicationId, [interviewer.id]);
      const seen = await interviewer.gql(MY_INTERVIEW_POSITIONS, {});
      const interview = seen.data!.myInterviews[0]!;
      expect(interview.application.position.recruiters).toEqual([]);
      expect(interview.application.position.plan.stages).toEqual([{ id: interview.stage.id }]);
    });

    it('keeps visited stages in place and cancels open interviews of a decided application', async () => {
      const applicationId = await newApplication();
      const booked = (await book(applicationId, [interviewer.id])).data!.scheduleInterview.interview;
      const plan = (await recruiter.gql(POSITION_PLAN, { id: positionId })).data!.position!.plan;
      const swapped = [plan.stages[1]!.id, plan.stages[0]!.id, ...plan.stages.slice(2).map((stage: any) => stage.id)];
      const reorder = await recruiter.gql(REORDER_PLAN_STAGES, { input: { planId: plan.id, stageIds: swapped } });
      expect(errorCode(reorder)).toBe('CONFLICT');

      await recruiter.gql(REJECT_APPLICATION, { input: { applicationId, reason: 'withdrawn budget' } });
      const after = await recruiter.gql(INTERVIEW_INVITE, { id: booked.id });
      expect(after.data!.interview!.status).toBe('CANCELLED');
      expect(after.data!.interview!.calendarInvite).toContain('METHOD:CANCEL');
      expect((await book(await newApplication(), [interviewer.id])).errors).toBeUndefined();
    });

    it('closes the calendar feed of a deactivated user and answers malformed ids as bad input', async () => {
      const url = (await lead.gql(MY_CALENDAR_FEED_URL, {})).data!.myCalendarFeedUrl;
      const path = new URL(url).pathname;
      expect((await fetch(`${api.baseUrl}${path}`)).status).toBe(200);
      await api.orm.em.fork().nativeUpdate('User', { id: lead.id }, { deactivatedAt: new Date() });
      expect((await fetch(`${api.baseUrl}${path}`)).status).toBe(404);
      expect(errorCode(await recruiter.gql(POSITION_ID, { id: 'not-a-uuid' }))).toBe('BAD_USER_INPUT');
    });
  });

  it('chooses the least-loaded interviewers for each window when asked for a panel size', async () => {
    const day = nextWeekdayAt(0, 3);
    const applicationId = await newApplication();
    // Ines already has two interviews that week; Lars has none.
    for (const hour of [8, 15]) {
      const start = new Date(day.getTime() + hour * 3_600_000);
      const booked = await scheduleInterview(recruiter, {
        applicationId: await newApplication(),
        startsAt: start,
        endsAt: new Date(start.getTime() + 1_800_000),
        interviewerIds: [interviewer.id],
      });
      expect(booked.errors).toBeUndefined();
    }
    const slots = await recruiter.gql(SUGGEST_INTERVIEW_SLOTS, {
      input: {
        applicationId,
        durationMinutes: 60,
        from: day.toISOString(),
        to: new Date(day.getTime() + 86_400_000).toISOString(),
        interviewerIds: [interviewer.id, lead.id],
        panelSize: 1,
      },
    });
    if (!slots.data) throw new Error(JSON.stringify(slots.errors));
    const found = slots.data.suggestInterviewSlots;
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({ panelLoad: 0, interviewerIds: [lead.id] });
    expect(
      found.every((slot: any, index: number) => index === 0 || found[index - 1]!.panelLoad <= slot.panelLoad),
    ).toBe(true);
  });
});

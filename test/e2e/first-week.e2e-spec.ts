import { Role } from '../../libs/domain';
import {
  ADVANCE_APPLICATION,
  CHANGE_PASSWORD,
  DEACTIVATE_USER,
  hoursFromNow,
  LOGIN,
  ME,
  REACTIVATE_USER,
  REFRESH_TOKEN,
  scheduleInterview,
  TEST_PASSWORD,
  UPDATE_USER,
  APPLICATION,
  applyCandidate,
  CANDIDATE,
  createCandidate,
  UPDATE_CANDIDATE,
  CANCEL_INTERVIEW,
  SUGGEST_INTERVIEW_SLOTS,
  nextWeekdayAt,
  MY_CALENDAR_FEED_URL,
  INTERVIEW_INVITE,
  INTERVIEW_KIT,
  RESCHEDULE_INTERVIEW,
  MY_NOTIFICATIONS,
  errorCode,
  loadBuiltInPlan,
  MOVE_APPLICATION_TO_STAGE,
  openPositionFromBuiltInPlan,
  signInPeople,
  STAGE_SUCCESS_RATES,
  TestApi,
  type Person,
} from '../../libs/testing';
import { loadConfig } from '../../src/config/app-config';

/** Issue 12: what a recruiting team hits in its first week. */
describe('first week: corrections, users, panels, plans', () => {
  const api = new TestApi();
  let recruiter: Person;
  let manager: Person;
  let interviewer: Person;
  let admin: Person;
  let positionId: string;
  let stageIds: string[];

  beforeAll(() => api.start());
  afterAll(() => api.close());
  beforeEach(async () => {
    await api.reset();
    await loadBuiltInPlan(api);
    ({
      rita: recruiter,
      harold: manager,
      ines: interviewer,
      ada: admin,
    } = await signInPeople(api, {
      rita: [Role.RECRUITER],
      harold: [Role.HIRING_MANAGER],
      ines: [Role.INTERVIEWER],
      ada: [Role.ADMIN],
    }));
    const position = await openPositionFromBuiltInPlan(recruiter, {
      hiringManagerId: manager.id,
      recruiterIds: [recruiter.id],
    });
    positionId = position.id;
    stageIds = [...position.plan.stages].sort((a, b) => a.order - b.order).map((stage) => stage.id);
  });

  describe('moveApplicationToStage', () => {
    const advance = async (applicationId: string, times: number) => {
      for (let i = 0; i < times; i += 1) {
        const moved = await recruiter.gql(ADVANCE_APPLICATION, { input: { applicationId } });
        expect(moved.errors).toBeUndefined();
      }
    };

    it('gets an application past the last stage out of its dead end: reopening is a new visit, history kept', async () => {
      const applicationId = await applyCandidate(recruiter, positionId);
      await advance(applicationId, stageIds.length);
      const before = (await recruiter.gql(APPLICATION, { id: applicationId })).data!.application!;
      expect(before.currentStage).toBeNull();

      const moved = await manager.gql(MOVE_APPLICATION_TO_STAGE, {
        input: {
          applicationId,
          stageId: stageIds[1]!,
          reason: 'Skill not verified yet',
          expectedVersion: before.version,
        },
      });
      expect(moved.errors).toBeUndefined();
      const application = moved.data!.moveApplicationToStage.application;
      expect(application.status).toBe('ACTIVE');
      expect(application.currentStage!.id).toBe(stageIds[1]);
      expect(application.stageHistory).toHaveLength(stageIds.length + 1);
      expect(application.stageHistory.filter((visit) => visit.outcome === 'PASSED')).toHaveLength(stageIds.length);
      expect(application.stageHistory.at(-1)).toMatchObject({ outcome: null, exitedAt: null });

      // The reopened stage counts as a second visit in the figures.
      const rates = (await manager.gql(STAGE_SUCCESS_RATES, { id: positionId })).data!.stageSuccessRates;
      const second = rates.find((rate) => rate.order === rates.map((r) => r.order).sort((a, b) => a - b)[1])!;
      expect(second).toMatchObject({ entered: 2, passed: 1, inProgress: 1 });
    });

    it('jumps forward with the stages in between recorded SKIPPED, not passed', async () => {
      const applicationId = await applyCandidate(recruiter, positionId);
      const moved = await recruiter.gql(MOVE_APPLICATION_TO_STAGE, {
        input: { applicationId, stageId: stageIds[3]!, reason: 'Internal referral, screened already' },
      });
      expect(moved.errors).toBeUndefined();
      const history = moved.data!.moveApplicationToStage.application.stageHistory;
      expect(history.map((visit) => visit.outcome)).toEqual(['SKIPPED', 'SKIPPED', 'SKIPPED', null]);
      expect(history[1]!.reason).toBe('Internal referral, screened already');
      const rates = (await manager.gql(STAGE_SUCCESS_RATES, { id: positionId })).data!.stageSuccessRates;
      expect(rates.slice(0, 3).map((rate) => [rate.entered, rate.passed])).toEqual([
        [1, 0],
        [1, 0],
        [1, 0],
      ]);
    });

    it('refuses an interviewer (FORBIDDEN by role), a stale version, the current stage, a foreign stage and a blank reason', async () => {
      const applicationId = await applyCandidate(recruiter, positionId);
      const input = { applicationId, stageId: stageIds[2]!, reason: 'why' };
      expect(errorCode(await interviewer.gql(MOVE_APPLICATION_TO_STAGE, { input }))).toBe('FORBIDDEN');
      expect(
        errorCode(await recruiter.gql(MOVE_APPLICATION_TO_STAGE, { input: { ...input, expectedVersion: 99 } })),
      ).toBe('CONFLICT');
      expect(
        errorCode(await recruiter.gql(MOVE_APPLICATION_TO_STAGE, { input: { ...input, stageId: stageIds[0]! } })),
      ).toBe('BAD_USER_INPUT');
      expect(
        errorCode(
          await recruiter.gql(MOVE_APPLICATION_TO_STAGE, {
            input: { ...input, stageId: '00000000-0000-4000-8000-000000000000' },
          }),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(errorCode(await recruiter.gql(MOVE_APPLICATION_TO_STAGE, { input: { ...input, reason: '   ' } }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(admin.id).toBeDefined();
    });
  });

  describe('users', () => {
    const login = async (email: string, password = TEST_PASSWORD) =>
      (await api.gql(LOGIN, { input: { email, password } })).data?.login;

    it('admins change name, roles and time zone; others may not; a bad time zone is named', async () => {
      const changed = await admin.gql(UPDATE_USER, {
        input: {
          userId: interviewer.id,
          name: 'Ines B.',
          roles: ['INTERVIEWER', 'RECRUITER'],
          timezone: 'Europe/Berlin',
        },
      });
      expect(changed.data!.updateUser.user).toMatchObject({ name: 'Ines B.', timezone: 'Europe/Berlin' });
      expect((await interviewer.gql(ME, {})).data!.me.roles.sort()).toEqual(['INTERVIEWER', 'RECRUITER']);
      expect(errorCode(await recruiter.gql(UPDATE_USER, { input: { userId: interviewer.id, name: 'x' } }))).toBe(
        'FORBIDDEN',
      );
      const bad = await admin.gql(UPDATE_USER, { input: { userId: interviewer.id, timezone: 'Mars/Olympus' } });
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors![0]!.extensions.fields).toHaveProperty(['input.timezone']);
    });

    it('admins set working hours; slots are suggested inside them, in the user\u2019s time zone; a reversed day is refused', async () => {
      const set = await admin.gql(UPDATE_USER, {
        input: { userId: manager.id, timezone: 'Asia/Tokyo', workdayStartHour: 13, workdayEndHour: 15 },
      });
      expect(set.data!.updateUser.user).toMatchObject({ workdayStartHour: 13, workdayEndHour: 15 });
      const applicationId = await applyCandidate(recruiter, positionId);
      const from = nextWeekdayAt(0, 3);
      const slots = await recruiter.gql(SUGGEST_INTERVIEW_SLOTS, {
        input: {
          applicationId,
          durationMinutes: 60,
          from: from.toISOString(),
          to: new Date(from.getTime() + 5 * 86_400_000).toISOString(),
          interviewerIds: [manager.id],
        },
      });
      expect(slots.errors).toBeUndefined();
      const found = slots.data!.suggestInterviewSlots;
      expect(found.length).toBeGreaterThan(0);
      const tokyoHour = (iso: string) =>
        Number(
          new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', hourCycle: 'h23' }).format(
            new Date(iso),
          ),
        );
      for (const slot of found) {
        expect(tokyoHour(slot.startsAt)).toBeGreaterThanOrEqual(13);
        expect(tokyoHour(slot.endsAt)).toBeLessThanOrEqual(15);
      }
      const reversed = await admin.gql(UPDATE_USER, { input: { userId: manager.id, workdayEndHour: 12 } });
      expect(errorCode(reversed)).toBe('BAD_USER_INPUT');
      expect(reversed.errors![0]!.extensions.fields).toHaveProperty(['input.workdayEndHour']);
      expect(errorCode(await admin.gql(UPDATE_USER, { input: { userId: manager.id, workdayStartHour: 25 } }))).toBe(
        'BAD_USER_INPUT',
      );
      // Nothing of a refused change was written; the usual day is restored for the other tests.
      const back = await admin.gql(UPDATE_USER, {
        input: { userId: manager.id, timezone: 'UTC', workdayStartHour: 9, workdayEndHour: 17 },
      });
      expect(back.data!.updateUser.user).toMatchObject({ workdayStartHour: 9, workdayEndHour: 17 });
    });

    it('deactivating ends the sessions at once and takes the user off future panels, listing them; reactivating lets them sign in', async () => {
      const applicationId = await applyCandidate(recruiter, positionId);
      const start = hoursFromNow(72);
      const booked = await scheduleInterview(recruiter, {
        applicationId,
        startsAt: start,
        endsAt: new Date(start.getTime() + 3_600_000),
        interviewerIds: [interviewer.id, manager.id],
      });
      expect(booked.errors).toBeUndefined();
      const interviewId = booked.data!.scheduleInterview.interview.id;
      const session = (await login(interviewer.email))!;

      const answer = await admin.gql(DEACTIVATE_USER, { input: { userId: interviewer.id } });
      expect(answer.data!.deactivateUser.affectedInterviewIds).toEqual([interviewId]);
      expect(errorCode(await interviewer.gql(ME, {}))).toBe('UNAUTHENTICATED');
      expect(errorCode(await api.gql(REFRESH_TOKEN, { token: session.refreshToken }))).toBe('UNAUTHENTICATED');
      expect(await login(interviewer.email)).toBeUndefined();
      expect(errorCode(await admin.gql(DEACTIVATE_USER, { input: { userId: admin.id } }))).toBe('BAD_USER_INPUT');

      expect((await admin.gql(REACTIVATE_USER, { input: { userId: interviewer.id } })).errors).toBeUndefined();
      expect(await login(interviewer.email)).toBeDefined();
    });

    it('changing one\u2019s password ends one\u2019s other sessions and keeps the current one', async () => {
      const other = (await login(recruiter.email))!;
      const wrong = await recruiter.gql(CHANGE_PASSWORD, {
        input: { currentPassword: 'nope', newPassword: 'a much better passphrase' },
      });
      expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
      const current = (await login(recruiter.email))!;
      const changed = await api.gql(
        CHANGE_PASSWORD,
        { input: { currentPassword: TEST_PASSWORD, newPassword: 'a much better passphrase' } },
        current.accessToken,
      );
      expect(changed.data!.changePassword.endedSessions).toBeGreaterThanOrEqual(2);
      expect(errorCode(await api.gql(REFRESH_TOKEN, { token: other.refreshToken }))).toBe('UNAUTHENTICATED');
      expect((await api.gql(REFRESH_TOKEN, { token: current.refreshToken })).errors).toBeUndefined();
      expect(await login(recruiter.email)).toBeUndefined();
      expect(await login(recruiter.email, 'a much better passphrase')).toBeDefined();
    });
  });

  describe('updateCandidate', () => {
    const auditOf = (targetId: string) =>
      api.orm.em
        .fork()
        .getConnection()
        .execute<Array<{ action: string; outcome: string; fields: string[] }>>(
          `select action, outcome, fields from audit_entry where target_id = ? and action = 'updateCandidate' order by at, id`,
          [targetId],
        );

    it('changes the named fields, keeps the others, increases the version and logs the field names', async () => {
      const id = await createCandidate(recruiter, {
        name: 'Casey Candidat',
        email: 'casey@example.com',
        phone: '+1 555 0100',
        source: 'referral',
        tags: ['go'],
      });
      const before = (await recruiter.gql(CANDIDATE, { id })).data!.candidate!;
      expect(before.version).toBe(1);
      const changed = await recruiter.gql(UPDATE_CANDIDATE, {
        input: {
          candidateId: id,
          name: '  Casey Candidate ',
          email: 'Casey.C@Example.com',
          notes: 'Prefers mornings',
          tags: ['go', 'rust', 'go'],
          source: null,
          expectedVersion: 1,
        },
      });
      expect(changed.errors).toBeUndefined();
      expect(changed.data!.updateCandidate.candidate).toEqual({
        id,
        name: 'Casey Candidate',
        email: 'casey.c@example.com',
        phone: '+1 555 0100',
        notes: 'Prefers mornings',
        tags: ['go', 'rust'],
        source: null,
        version: 2,
      });
      const admins = await admin.gql(UPDATE_CANDIDATE, { input: { candidateId: id, phone: null } });
      expect(admins.data!.updateCandidate.candidate).toMatchObject({ phone: null, version: 3 });
      expect(await auditOf(id)).toEqual([
        {
          action: 'updateCandidate',
          outcome: 'OK',
          fields: ['candidateId', 'email', 'expectedVersion', 'name', 'notes', 'source', 'tags'],
        },
        { action: 'updateCandidate', outcome: 'OK', fields: ['candidateId', 'phone'] },
      ]);
    });

    it('refuses an e-mail another candidate has, in any letter case, naming them; nothing is written', async () => {
      const taken = await createCandidate(recruiter, { email: 'taken@example.com' });
      const id = await createCandidate(recruiter, { name: 'Dana', email: 'dana@example.com' });
      const refused = await recruiter.gql(UPDATE_CANDIDATE, {
        input: { candidateId: id, name: 'Dana Renamed', email: 'TAKEN@example.com', tags: ['x'] },
      });
      expect(errorCode(refused)).toBe('CONFLICT');
      expect(refused.errors![0]!.message).toContain('taken@example.com');
      expect(refused.errors![0]!.extensions.existingId).toBe(taken);
      expect((await recruiter.gql(CANDIDATE, { id })).data!.candidate).toMatchObject({
        name: 'Dana',
        email: 'dana@example.com',
        tags: [],
        version: 1,
      });
      expect(await auditOf(id)).toEqual([
        {
          action: 'updateCandidate',
          outcome: 'CONFLICT',
          fields: ['candidateId', 'email', 'name', 'tags'],
        },
      ]);
    });

    it('refuses a stale version with CONFLICT naming both versions, and writes nothing', async () => {
      const id = await createCandidate(recruiter, { name: 'Eli' });
      expect(
        (await recruiter.gql(UPDATE_CANDIDATE, { input: { candidateId: id, name: 'Eli A', expectedVersion: 1 } }))
          .errors,
      ).toBeUndefined();
      const stale = await admin.gql(UPDATE_CANDIDATE, {
        input: { candidateId: id, name: 'Eli B', expectedVersion: 1 },
      });
      expect(errorCode(stale)).toBe('CONFLICT');
      expect(stale.errors![0]!.message).toMatch(/changed since you loaded it \(version 1, now 2\)/);
      expect((await recruiter.gql(CANDIDATE, { id })).data!.candidate).toMatchObject({ name: 'Eli A', version: 2 });
    });

    it('lets only recruiters and admins change candidates; blank names and unknown ids are refused', async () => {
      const id = await createCandidate(recruiter, { name: 'Fay' });
      expect(errorCode(await manager.gql(UPDATE_CANDIDATE, { input: { candidateId: id, name: 'x' } }))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await interviewer.gql(UPDATE_CANDIDATE, { input: { candidateId: id, name: 'x' } }))).toBe(
        'FORBIDDEN',
      );
      const blank = await recruiter.gql(UPDATE_CANDIDATE, { input: { candidateId: id, name: '   ' } });
      expect(errorCode(blank)).toBe('BAD_USER_INPUT');
      expect(blank.errors![0]!.extensions.fields).toHaveProperty(['input.name']);
      expect(errorCode(await recruiter.gql(UPDATE_CANDIDATE, { input: { candidateId: id, email: null } }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(
        errorCode(
          await recruiter.gql(UPDATE_CANDIDATE, {
            input: { candidateId: '00000000-0000-4000-8000-000000000000', name: 'x' },
          }),
        ),
      ).toBe('NOT_FOUND');
      expect((await recruiter.gql(CANDIDATE, { id })).data!.candidate).toMatchObject({ name: 'Fay', version: 1 });
    });
  });

  describe('panels', () => {
    const book = async (applicationId: string, hours: number, interviewerIds: string[]) => {
      const booked = await scheduleInterview(recruiter, {
        applicationId,
        startsAt: hoursFromNow(hours),
        endsAt: hoursFromNow(hours + 1),
        interviewerIds,
      });
      return booked;
    };

    it('puts the recruiter on the HR screen and the position\u2019s team on any of its panels', async () => {
      const applicationId = await applyCandidate(recruiter, positionId);
      const hrScreen = await book(applicationId, 48, [recruiter.id]);
      expect(hrScreen.errors).toBeUndefined();
      expect(hrScreen.data!.scheduleInterview.interview.interviewers.map((user) => user.email)).toEqual([
        recruiter.email,
      ]);
      // A later stage: recruiter, hiring manager and an invited interviewer together.
      const later = await applyCandidate(recruiter, positionId);
      expect((await recruiter.gql(ADVANCE_APPLICATION, { input: { applicationId: later } })).errors).toBeUndefined();
      const panel = await book(later, 72, [recruiter.id, manager.id, interviewer.id]);
      expect(panel.errors).toBeUndefined();
      // Someone outside the position's team who does not interview is refused, by name.
      const { olga: outsider } = await signInPeople(api, { olga: [Role.HIRING_MANAGER] });
      const refused = await book(later, 96, [outsider.id]);
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors![0]!.extensions.fields!['input.interviewerIds']).toContain(
        "neither an interviewer nor this position's hiring manager or recruiter",
      );
    });

    it('reschedule changes the panel; a removed panelist loses the interview, the application and the kit', async () => {
      const { lars: other } = await signInPeople(api, { lars: [Role.INTERVIEWER] });
      const applicationId = await applyCandidate(recruiter, positionId);
      const booked = await book(applicationId, 48, [interviewer.id, manager.id]);
      const interviewId = booked.data!.scheduleInterview.interview.id;
      const kit = { p: positionId, s: stageIds[0]! };
      expect((await interviewer.gql(INTERVIEW_INVITE, { id: interviewId })).data!.interview).not.toBeNull();
      expect((await interviewer.gql(APPLICATION, { id: applicationId })).data!.application).not.toBeNull();
      expect((await interviewer.gql(INTERVIEW_KIT, kit)).errors).toBeUndefined();
      expect(errorCode(await other.gql(INTERVIEW_KIT, kit))).toBe('FORBIDDEN');

      const startsAt = hoursFromNow(50).toISOString();
      const endsAt = hoursFromNow(51).toISOString();
      const moved = await recruiter.gql(RESCHEDULE_INTERVIEW, {
        input: { interviewId, startsAt, endsAt, interviewerIds: [manager.id, other.id] },
      });
      expect(moved.errors).toBeUndefined();
      expect(moved.data!.rescheduleInterview.interview.interviewers.map((user) => user.id).sort()).toEqual(
        [manager.id, other.id].sort(),
      );
      expect((await interviewer.gql(INTERVIEW_INVITE, { id: interviewId })).data!.interview).toBeNull();
      expect((await interviewer.gql(APPLICATION, { id: applicationId })).data!.application).toBeNull();
      expect(errorCode(await interviewer.gql(INTERVIEW_KIT, kit))).toBe('FORBIDDEN');
      expect((await other.gql(INTERVIEW_INVITE, { id: interviewId })).data!.interview).not.toBeNull();
      expect((await other.gql(INTERVIEW_KIT, kit)).errors).toBeUndefined();
      const invite = (await other.gql(INTERVIEW_INVITE, { id: interviewId })).data!.interview!.calendarInvite;
      expect(invite).toContain('SEQUENCE:1');
      expect(invite).not.toContain(interviewer.email);
      // Each is told what changed for them: taken off, put on, or moved.
      const told = async (person: typeof other) =>
        (await person.gql(MY_NOTIFICATIONS, {}))
          .data!.myNotifications.filter((notice) => notice.link === interviewId)
          .map((notice) => notice.kind)
          .sort();
      expect(await told(interviewer)).toEqual(['INTERVIEW_CANCELLED', 'INTERVIEW_SCHEDULED']);
      expect(await told(other)).toEqual(['INTERVIEW_SCHEDULED']);
      expect(await told(manager)).toEqual(['INTERVIEW_RESCHEDULED', 'INTERVIEW_SCHEDULED']);
    });

    it('a new panel follows the panel rules and the panel\u2019s double-booking rule; a refusal changes nothing', async () => {
      const { lars: other } = await signInPeople(api, { lars: [Role.INTERVIEWER] });
      const first = await applyCandidate(recruiter, positionId);
      const second = await applyCandidate(recruiter, positionId);
      const busy = await book(first, 48, [other.id]);
      expect(busy.errors).toBeUndefined();
      const booked = await book(second, 24, [interviewer.id]);
      const interviewId = booked.data!.scheduleInterview.interview.id;
      const at = { interviewId, startsAt: hoursFromNow(48).toISOString(), endsAt: hoursFromNow(49).toISOString() };

      const clash = await recruiter.gql(RESCHEDULE_INTERVIEW, { input: { ...at, interviewerIds: [other.id] } });
      expect(errorCode(clash)).toBe('CONFLICT');
      expect(clash.errors![0]!.extensions.interviewerId).toBe(other.id);
      const { olga: outsider } = await signInPeople(api, { olga: [Role.HIRING_MANAGER] });
      const bad = await recruiter.gql(RESCHEDULE_INTERVIEW, { input: { ...at, interviewerIds: [outsider.id] } });
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      const empty = await recruiter.gql(RESCHEDULE_INTERVIEW, { input: { ...at, interviewerIds: [] } });
      expect(errorCode(empty)).toBe('BAD_USER_INPUT');

      const unchanged = (await recruiter.gql(INTERVIEW_INVITE, { id: interviewId })).data!.interview!;
      expect(unchanged.calendarInvite).toContain('SEQUENCE:0');
      expect(unchanged.calendarInvite).toContain(interviewer.email);
      // Leaving interviewerIds out keeps the panel.
      const kept = await recruiter.gql(RESCHEDULE_INTERVIEW, { input: at });
      expect(kept.data!.rescheduleInterview.interview.interviewers.map((user) => user.id)).toEqual([interviewer.id]);
    });
  });

  describe('the candidate is never double-booked', () => {
    it('of 8 simultaneous overlapping bookings for one candidate with disjoint panels exactly one wins', async () => {
      const names = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'] as const;
      const panelists = await signInPeople(
        api,
        Object.fromEntries(names.map((name) => [name, [Role.INTERVIEWER]])) as Record<(typeof names)[number], Role[]>,
      );
      const applicationId = await applyCandidate(recruiter, positionId);
      const answers = await Promise.all(
        names.map((name, index) =>
          scheduleInterview(recruiter, {
            applicationId,
            startsAt: hoursFromNow(48 + index * 0.1),
            endsAt: hoursFromNow(49 + index * 0.1),
            interviewerIds: [panelists[name].id],
          }),
        ),
      );
      const won = answers.filter((answer) => !answer.errors);
      expect(won).toHaveLength(1);
      const winner = won[0]!.data!.scheduleInterview.interview;
      const refused = answers.filter((answer) => answer.errors);
      expect(refused.map(errorCode)).toEqual(Array(7).fill('CONFLICT'));
      for (const answer of refused) {
        expect(answer.errors![0]!.message).toContain(`id ${winner.id}`);
        expect(answer.errors![0]!.extensions).toMatchObject({
          interviewId: winner.id,
          clashStartsAt: new Date(winner.startsAt).toISOString(),
          clashEndsAt: new Date(winner.endsAt).toISOString(),
        });
      }
      const rows = await api.orm.em
        .fork()
        .getConnection()
        .execute(`select count(*)::int as n from interview where application_id = ?`, [applicationId]);
      expect(rows[0]!.n).toBe(1);
    });

    it('refuses a reschedule onto another of the candidate\u2019s interviews; back to back and cancelled ones are fine', async () => {
      const { lars: other } = await signInPeople(api, { lars: [Role.INTERVIEWER] });
      const applicationId = await applyCandidate(recruiter, positionId);
      const base = hoursFromNow(0).getTime();
      const at = (hours: number) => new Date(base + hours * 3_600_000);
      const slot = (from: number) => ({ startsAt: at(from), endsAt: at(from + 1) });
      const first = await scheduleInterview(recruiter, {
        applicationId,
        ...slot(48),
        interviewerIds: [interviewer.id],
      });
      const second = await scheduleInterview(recruiter, { applicationId, ...slot(49), interviewerIds: [other.id] });
      expect(second.errors).toBeUndefined();
      const firstId = first.data!.scheduleInterview.interview.id;
      const secondId = second.data!.scheduleInterview.interview.id;
      const onto = await recruiter.gql(RESCHEDULE_INTERVIEW, {
        input: {
          interviewId: secondId,
          startsAt: at(48.5).toISOString(),
          endsAt: at(49.5).toISOString(),
        },
      });
      expect(errorCode(onto)).toBe('CONFLICT');
      expect(onto.errors![0]!.extensions.interviewId).toBe(firstId);
      expect((await recruiter.gql(CANCEL_INTERVIEW, { input: { interviewId: firstId } })).errors).toBeUndefined();
      const again = await scheduleInterview(recruiter, { applicationId, ...slot(48), interviewerIds: [manager.id] });
      expect(again.errors).toBeUndefined();
    });
  });

  describe('times', () => {
    it('books nothing in the past nor years ahead, and names the bound', async () => {
      const applicationId = await applyCandidate(recruiter, positionId);
      const book = (startsAt: Date) =>
        scheduleInterview(recruiter, {
          applicationId,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 3_600_000),
          interviewerIds: [interviewer.id],
        });
      const past = await book(hoursFromNow(-1));
      expect(errorCode(past)).toBe('BAD_USER_INPUT');
      expect(past.errors![0]!.extensions.fields!['input.startsAt']).toContain('must not be in the past');
      // Year 9999 is refused as a date already; three years ahead is a date but no interview time.
      expect(errorCode(await book(new Date('9999-01-04T10:00:00Z')))).toBe('BAD_USER_INPUT');
      const farAhead = await book(hoursFromNow(3 * 366 * 24));
      expect(errorCode(farAhead)).toBe('BAD_USER_INPUT');
      expect(farAhead.errors![0]!.extensions.fields!['input.startsAt']).toContain('at most 2 years ahead');
      // Starting a minute ago is within the tolerance for an interview booked as it begins.
      const justNow = await book(hoursFromNow(-1 / 60));
      expect(justNow.errors).toBeUndefined();

      const interviewId = justNow.data!.scheduleInterview.interview.id;
      const moved = await recruiter.gql(RESCHEDULE_INTERVIEW, {
        input: {
          interviewId,
          startsAt: hoursFromNow(3 * 366 * 24).toISOString(),
          endsAt: hoursFromNow(3 * 366 * 24 + 1).toISOString(),
        },
      });
      expect(errorCode(moved)).toBe('BAD_USER_INPUT');
      expect(moved.errors![0]!.extensions.fields!['input.startsAt']).toContain('at most 2 years ahead');
    });

    it('never suggests a time in the past, nor one when the candidate is already in an interview', async () => {
      const applicationId = await applyCandidate(recruiter, positionId);
      const { lars: other } = await signInPeople(api, { lars: [Role.INTERVIEWER] });
      // A window from a week ago to three weeks ahead covers working hours in the past and the future.
      const from = hoursFromNow(-7 * 24);
      const to = hoursFromNow(21 * 24);
      const suggest = () =>
        recruiter.gql(SUGGEST_INTERVIEW_SLOTS, {
          input: {
            applicationId,
            durationMinutes: 60,
            from: from.toISOString(),
            to: to.toISOString(),
            interviewerIds: [interviewer.id],
          },
        });
      const first = (await suggest()).data!.suggestInterviewSlots;
      expect(first.length).toBeGreaterThan(0);
      const now = Date.now();
      for (const slot of first) expect(new Date(slot.startsAt).getTime()).toBeGreaterThanOrEqual(now - 1000);

      // The candidate's interview with another panel takes the earliest window out of the suggestions.
      const taken = first[0]!;
      const booked = await scheduleInterview(recruiter, {
        applicationId,
        startsAt: new Date(taken.startsAt),
        endsAt: new Date(taken.endsAt),
        interviewerIds: [other.id],
      });
      expect(booked.errors).toBeUndefined();
      const second = (await suggest()).data!.suggestInterviewSlots;
      expect(second.length).toBeGreaterThan(0);
      for (const slot of second) {
        const overlaps = slot.startsAt < taken.endsAt && taken.startsAt < slot.endsAt;
        expect(overlaps).toBe(false);
      }
    });
  });

  describe('calendar feed URL', () => {
    it('is absolute, under PUBLIC_URL, and the path it names serves the feed', async () => {
      const url = (await interviewer.gql(MY_CALENDAR_FEED_URL, {})).data!.myCalendarFeedUrl;
      const parsed = new URL(url);
      expect(parsed.protocol).toMatch(/^https?:$/);
      expect(url).toMatch(new RegExp(`^${loadConfig().http.publicUrl}/calendar/${interviewer.id}/[\\w-]+\\.ics$`));
      const feed = await fetch(`${api.baseUrl}${parsed.pathname}`);
      expect(feed.status).toBe(200);
      expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    });
  });
});

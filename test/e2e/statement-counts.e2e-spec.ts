import { Role } from '../../libs/domain';
import {
  ADVANCE_APPLICATION,
  applyCandidate,
  dataOf,
  loadBuiltInPlan,
  nextWeekdayAt,
  openPositionFromBuiltInPlan,
  scheduleInterview,
  signInPeople,
  TestApi,
  type Person,
} from '../../libs/testing';

// The requests of bench/api.bench.ts: the number of SQL statements each costs must not grow with
// the number of rows it returns or the items nested in them (DataLoaders, lean reads).
const REQUESTS = {
  me: { as: 'ines', query: `{ me { id email name roles } }` },
  myInterviews: {
    as: 'ines',
    query: `{ myInterviews { id status startsAt endsAt stage { id name } application { id candidate { name } } } }`,
  },
  myNotifications: { as: 'ines', query: `{ myNotifications { id kind subject body link readAt createdAt } }` },
  application: {
    as: 'rita',
    query: `query ($id: ID!) { application(id: $id) { id status version appliedAt candidate { id name } currentStage { id name } stageHistory { enteredAt exitedAt outcome stage { id name } } } }`,
  },
  interviewKit: {
    as: 'ines',
    query: `query ($p: ID!, $s: ID!) { interviewKit(positionId: $p, stageId: $s) { position { id title } stage { id name questions { prompt } rubric { name criteria { name } } } skillsToVerify { skill { name } } } }`,
  },
  // The bench's kit: the stage's own fields and its rubric's row, nothing else of the plan.
  interviewKitStage: {
    as: 'ines',
    query: `query ($p: ID!, $s: ID!) { interviewKit(positionId: $p, stageId: $s) { position { id title } stage { id name kind durationMinutes focusAreas rubric { name scaleMin scaleMax } } } }`,
  },
  candidates: {
    as: 'rita',
    query: `{ candidates(search: "an", first: 20) { totalCount totalCountCapped pageInfo { hasNextPage endCursor } edges { cursor node { id name email experienceLevel } } } }`,
  },
  positions: { as: 'rita', query: `{ positions { id title plan { stages { id name kind } } } }` },
  positionApplications: {
    as: 'rita',
    query: `query ($id: ID!) { position(id: $id) { applications(first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status appliedAt candidate { name } } } } } }`,
  },
  // The pipeline board's cards: one statement a page (access, candidate, open visit, next interview).
  boardCards: {
    as: 'rita',
    query: `query ($id: ID!) { position(id: $id) { boardCards(first: 1000) { totalCount pageInfo { hasNextPage endCursor } edges { node { id version status candidateName currentStageId enteredStageAt nextInterviewAt } } } } }`,
  },
  // The recruiter's home: each overdue interview with the panelists who owe a card (one batch).
  myWorkQueue: {
    as: 'rita',
    query: `{ myWorkQueue { overdueScorecards { count items { since application { id } interview { id } waitingFor { id name } } } toSchedule { count items { since application { id } waitingFor { id } } } } }`,
  },
  saveScorecard: {
    as: 'ines',
    query: `mutation ($input: SaveScorecardInput!) { saveScorecard(input: $input) { scorecard { id status notes } } }`,
  },
} as const;

describe('SQL statements per request', () => {
  const api = new TestApi();
  let people: Record<'rita' | 'harold' | 'ines', Person>;
  let position: { id: string; plan: { stages: Array<{ id: string }> } };
  let firstApplication: string;
  let firstInterview: { id: string; stageId: string };
  let day = 2;
  const bookedDays = new Set<number>();

  beforeAll(async () => {
    await api.start();
    await api.reset();
    await loadBuiltInPlan(api);
    people = await signInPeople(api, {
      rita: [Role.RECRUITER],
      harold: [Role.HIRING_MANAGER],
      ines: [Role.INTERVIEWER],
    });
    position = await openPosition();
    firstApplication = await applyCandidate(people.rita, position.id, { name: 'Ann Example' });
    firstInterview = await interviewFor(firstApplication);
    await overdueInterview('Olga Example');
  });
  afterAll(() => api.close());

  const openPosition = () =>
    openPositionFromBuiltInPlan(people.rita, { hiringManagerId: people.harold.id, recruiterIds: [people.rita.id] });

  async function interviewFor(applicationId: string) {
    // Two days ahead that fall on a weekend give the same Monday: skip to a weekday not used yet.
    let startsAt: Date;
    do startsAt = nextWeekdayAt(10, (day += 1));
    while (bookedDays.has(startsAt.getTime()));
    bookedDays.add(startsAt.getTime());
    const scheduled = await scheduleInterview(people.rita, {
      applicationId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3_600_000),
      interviewerIds: [people.ines.id],
    });
    const interview = dataOf(scheduled, 'Scheduling').scheduleInterview.interview;
    const [row] = await api.orm.em
      .getConnection()
      .execute<{ stage_id: string }[]>(`select stage_id from interview where id = ?`, [interview.id]);
    return { id: interview.id, stageId: row!.stage_id };
  }

  /**
   * An application whose interview was held days ago and whose scorecard is overdue. Only the
   * interview's own status and times are moved into the past (all the work queue reads).
   */
  async function overdueInterview(name: string): Promise<void> {
    const interview = await interviewFor(await applyCandidate(people.rita, position.id, { name }));
    await api.orm.em.getConnection().execute(
      `update interview set status = 'COMPLETED', starts_at = now() - interval '3 days',
        ends_at = now() - interval '3 days' + interval '1 hour' where id = ?`,
      [interview.id],
    );
  }

  /** More of everything each request returns: positions, applications, interviews, visits, notifications. */
  async function grow(): Promise<void> {
    const other = await openPosition();
    for (let index = 0; index < 3; index += 1) {
      const application = await applyCandidate(people.rita, position.id, { name: `Dana Example ${index}` });
      await interviewFor(application);
      await applyCandidate(people.rita, other.id, { name: `Evan Example ${index}` });
      await overdueInterview(`Fay Example ${index}`);
    }
    dataOf(
      await people.rita.gql(ADVANCE_APPLICATION, { input: { applicationId: firstApplication, reason: 'Strong' } }),
      'Advancing',
    );
    await api.orm.em.getConnection().execute(
      `insert into notification (id, created_at, updated_at, user_id, key, kind, subject, body)
       select gen_random_uuid(), now(), now(), ?, 'count-' || n || '-' || gen_random_uuid(), 'TEST', 'Subject', 'Body'
       from generate_series(1, 5) n`,
      [people.ines.id],
    );
  }

  async function count(name: keyof typeof REQUESTS): Promise<number> {
    const request = REQUESTS[name];
    const variables: Record<string, unknown> =
      {
        application: { id: firstApplication },
        interviewKit: { p: position.id, s: firstInterview.stageId },
        interviewKitStage: { p: position.id, s: firstInterview.stageId },
        positionApplications: { id: position.id },
        boardCards: { id: position.id },
        saveScorecard: { input: { interviewId: firstInterview.id, ratings: [], notes: 'Notes' } },
      }[name as string] ?? {};
    const { result, statements } = await api.sqlDuring(() =>
      api.gql(request.query, variables, people[request.as].token),
    );
    expect(result.errors).toBeUndefined();
    if (process.env.LOG_SQL) {
      for (const q of statements) process.stdout.write(`[${name}] ${q.sql.replace(/\s+/g, ' ').slice(0, 400)}\n`);
    }
    return statements.length;
  }

  it('costs the same number of statements with more rows and nested items', async () => {
    const names = Object.keys(REQUESTS) as Array<keyof typeof REQUESTS>;
    // The first saveScorecard creates the draft; compare saves of an existing draft.
    await count('saveScorecard');
    const before: Record<string, number> = {};
    for (const name of names) before[name] = await count(name);
    await grow();
    const after: Record<string, number> = {};
    for (const name of names) after[name] = await count(name);
    expect(after).toEqual(before);
    // What each costs today (issue 14): a change that adds a statement to one of these says so here.
    const CEILING: Record<keyof typeof REQUESTS, number> = {
      me: 1,
      myInterviews: 4,
      myNotifications: 2,
      application: 5,
      interviewKit: 9,
      interviewKitStage: 4,
      candidates: 4,
      positions: 4,
      positionApplications: 5,
      boardCards: 3,
      myWorkQueue: 9,
      saveScorecard: 7,
    };
    for (const name of names)
      expect({ [name]: before[name] }).toEqual({ [name]: Math.min(before[name]!, CEILING[name]) });
  });
});

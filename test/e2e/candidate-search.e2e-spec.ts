import { Role } from '../../libs/domain';
import {
  applyCandidate,
  createCandidate,
  dataOf,
  hoursFromNow,
  loadBuiltInPlan,
  openPositionFromBuiltInPlan,
  scheduleInterview,
  signIn,
  signInPeople,
  TestApi,
  type Person,
} from '../../libs/testing';
import { CANDIDATE_COUNT_CAP } from '../../src/modules/candidates';

const COUNTED = `query ($s: String) { candidates(search: $s, first: 5) { totalCount totalCountCapped edges { node { name email } } } }`;
const PAGE_ONLY = `query ($s: String) { candidates(search: $s, first: 5) { pageInfo { hasNextPage } edges { node { name } } } }`;

/** `candidates`: the page, a count capped at CANDIDATE_COUNT_CAP, and a search that respects contact rights. */
describe('candidate search and its capped count', () => {
  const api = new TestApi();
  let people: Record<'rita' | 'harold' | 'ines', Person>;

  beforeAll(() => api.start());
  afterAll(() => api.close());
  beforeEach(async () => {
    await api.reset();
    await loadBuiltInPlan(api);
    people = await signInPeople(api, {
      rita: [Role.RECRUITER],
      harold: [Role.HIRING_MANAGER],
      ines: [Role.INTERVIEWER],
    });
  });

  const connection = async (by: Person, search?: string) =>
    dataOf(await api.gql(COUNTED, { s: search }, by.token), 'Listing candidates').candidates as {
      totalCount: number;
      totalCountCapped: boolean;
      edges: Array<{ node: { name: string; email: string | null } }>;
    };

  /** `count` candidates named `<name> <n>`, e-mail `<name, dotted>.<n>@bulk.test`, in one statement. */
  const insertMany = (name: string, count: number, from = 1) =>
    api.orm.em.getConnection().execute(
      `insert into candidate (id, created_at, updated_at, name, email, experience_level)
       select gen_random_uuid(), now() - make_interval(secs => n), now(), ? || ' ' || n,
              lower(replace(?, ' ', '.')) || '.' || n || '@bulk.test', 'MID'
       from generate_series(?::int, ?::int) n`,
      [name, name, from, from + count - 1],
    );

  /** The SQL statements one request runs. */
  async function statementsOf(by: Person, query: string, variables: Record<string, unknown>) {
    const { result, statements } = await api.sqlDuring(() => api.gql(query, variables, by.token));
    expect(result.errors).toBeUndefined();
    return statements;
  }

  it('counts exactly up to the cap, with and without a search', async () => {
    await createCandidate(people.rita, { name: 'Ada Lovelace', email: 'ada@engines.test' });
    await createCandidate(people.rita, { name: 'Alan Turing', email: 'alan@bletchley.test' });
    await createCandidate(people.rita, { name: 'Grace Hopper', email: 'grace@navy.test' });
    expect(await connection(people.rita)).toMatchObject({ totalCount: 3, totalCountCapped: false });
    expect(await connection(people.rita, 'a')).toMatchObject({ totalCount: 3, totalCountCapped: false });
    const byName = await connection(people.rita, 'LOVE');
    expect(byName).toMatchObject({ totalCount: 1, totalCountCapped: false });
    expect(byName.edges[0]!.node).toEqual({ name: 'Ada Lovelace', email: 'ada@engines.test' });
    expect(await connection(people.rita, 'bletchley.t')).toMatchObject({ totalCount: 1, totalCountCapped: false });
    expect(await connection(people.rita, 'nobody')).toMatchObject({ totalCount: 0, totalCountCapped: false });
    // LIKE's wildcards are plain characters in a search.
    expect(await connection(people.rita, '%')).toMatchObject({ totalCount: 0, totalCountCapped: false });
    expect(await connection(people.rita, 'a_a')).toMatchObject({ totalCount: 0, totalCountCapped: false });
  });

  it('stops counting past 1,000 matches and says so, with and without a search', async () => {
    expect(CANDIDATE_COUNT_CAP).toBe(1000);
    await insertMany('Bulk Person', CANDIDATE_COUNT_CAP);
    await createCandidate(people.rita, { name: 'Other One', email: 'other@elsewhere.test' });
    // Exactly the cap is still exact.
    expect(await connection(people.rita, 'bulk person')).toMatchObject({ totalCount: 1000, totalCountCapped: false });
    expect(await connection(people.rita, '@bulk.test')).toMatchObject({ totalCount: 1000, totalCountCapped: false });
    expect(await connection(people.rita, 'other')).toMatchObject({ totalCount: 1, totalCountCapped: false });
    const all = await connection(people.rita);
    expect(all).toMatchObject({ totalCount: 1000, totalCountCapped: true });
    expect(all.edges).toHaveLength(5);

    await insertMany('Bulk Person', 1, CANDIDATE_COUNT_CAP + 1);
    for (const term of ['bulk person', 'BULK', '@bulk.test', 'k.pers']) {
      expect({ term, ...(await connection(people.rita, term)) }).toMatchObject({
        term,
        totalCount: 1000,
        totalCountCapped: true,
      });
    }
    // Under the cap again for a narrower term: the names of 100, 1000 and 1001; the e-mail of 100.
    expect(await connection(people.rita, 'person 100')).toMatchObject({ totalCount: 3, totalCountCapped: false });
    expect(await connection(people.rita, 'person.100@')).toMatchObject({ totalCount: 1, totalCountCapped: false });
  });

  it('searches e-mails only where the caller may see them, and never across the name and the e-mail', async () => {
    const position = await openPositionFromBuiltInPlan(people.rita, {
      hiringManagerId: people.harold.id,
      recruiterIds: [people.rita.id],
    });
    // A hiring manager elsewhere who sits on this candidate's panel: may read the candidate, not the e-mail.
    const panelist = await signIn(api, 'dual@example.com', [Role.HIRING_MANAGER, Role.INTERVIEWER]);
    const applicationId = await applyCandidate(people.rita, position.id, {
      name: 'Sam Secret',
      email: 'hidden.person@private.test',
    });
    dataOf(
      await scheduleInterview(people.rita, {
        applicationId,
        startsAt: hoursFromNow(30),
        endsAt: hoursFromNow(31),
        interviewerIds: [people.ines.id, panelist.id],
      }),
      'Scheduling',
    );
    await createCandidate(people.rita, { name: 'Una Related', email: 'una@private.test' });

    // Recruiters see every e-mail: the name and e-mail condition.
    expect(await connection(people.rita, 'private.test')).toMatchObject({ totalCount: 2 });
    // The position's hiring manager sees this candidate's e-mail (and not the unrelated candidate).
    const manager = await connection(people.harold, 'hidden.person');
    expect(manager).toMatchObject({ totalCount: 1, totalCountCapped: false });
    expect(manager.edges[0]!.node.email).toBe('hidden.person@private.test');
    expect(await connection(people.harold, 'private.test')).toMatchObject({ totalCount: 1 });
    // Interviewers, and managers on the panel only, find the candidate by name and never by e-mail.
    for (const by of [people.ines, panelist]) {
      expect(await connection(by, 'hidden')).toMatchObject({ totalCount: 0, edges: [] });
      expect(await connection(by, 'private.test')).toMatchObject({ totalCount: 0, edges: [] });
      const byName = await connection(by, 'sam sec');
      expect(byName).toMatchObject({ totalCount: 1, totalCountCapped: false });
      expect(byName.edges[0]!.node).toEqual({ name: 'Sam Secret', email: null });
    }

    // The name and the e-mail are joined by a line break in the search: a term holding one finds nothing.
    for (const by of [people.rita, people.harold]) {
      expect(await connection(by, 'secret\nhidden')).toMatchObject({ totalCount: 0, edges: [] });
      expect(await connection(by, 'secret hidden')).toMatchObject({ totalCount: 0, edges: [] });
      expect(await connection(by, 'secret')).toMatchObject({ totalCount: 1 });
    }
  });

  it('runs the count only for a query that selects it', async () => {
    await insertMany('Quiet Count', 30);
    const counted = await statementsOf(people.rita, COUNTED, { s: 'quiet' });
    const pageOnly = await statementsOf(people.rita, PAGE_ONLY, { s: 'quiet' });
    const countStatements = (statements: Array<{ sql: string }>) =>
      statements.filter((statement) => /\bcount\(/i.test(statement.sql));
    expect(countStatements(counted)).toHaveLength(1);
    expect(countStatements(counted)[0]!.sql).toMatch(/\blimit\b/i);
    expect(countStatements(pageOnly)).toEqual([]);
    expect(pageOnly).toHaveLength(counted.length - 1);
    // A fragment naming only totalCountCapped still counts.
    const capped = await statementsOf(
      people.rita,
      `query ($s: String) { candidates(search: $s) { ...Capped } } fragment Capped on CandidateConnection { totalCountCapped }`,
      { s: 'quiet' },
    );
    expect(countStatements(capped)).toHaveLength(1);
  });

  it("puts a recruiter's search on the trigram index of the joined name and e-mail", async () => {
    const statements = await statementsOf(people.rita, COUNTED, { s: 'lovelace' });
    const em = api.orm.em.fork();
    for (const statement of statements.filter((s) => /from "candidate"/.test(s.sql))) {
      const plan = await em.transactional(async (tx) => {
        // Only a bitmap scan is left to the planner: of the trigram index, if the condition matches it.
        await tx.execute('set local enable_seqscan = off');
        await tx.execute('set local enable_indexscan = off');
        const sql = statement.sql.replace(/\$\d+/g, '?');
        const rows = await tx.execute<Array<{ 'QUERY PLAN': string }>>(
          `explain ${sql}`,
          statement.bindings as unknown[],
        );
        return rows.map((row) => row['QUERY PLAN']).join('\n');
      });
      expect(plan).toContain('candidate_search_trgm');
    }
  });
});

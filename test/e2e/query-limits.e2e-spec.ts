import { Role } from '../../libs/domain';
import { TestApi, errorCode, type GraphQLResponse } from '../../libs/testing';
import { QUERY_LIMITS } from '../../src/graphql/query-limits';
import { BuiltInCatalogService } from '../../src/modules/catalog';

/** A refusal's round trip is a few milliseconds; one that did the work would take seconds. */
const WELL_UNDER_A_SECOND = 1000;
const PLAN_TREE = 'planTemplates { id name stages { id name questions { id prompt redFlags skills { id name } } } }';

describe('query size limits', () => {
  const api = new TestApi();
  let interviewer: string;

  beforeAll(async () => {
    await api.start();
    await api.reset();
    await api.app.get(BuiltInCatalogService).load();
    interviewer = (await api.signedIn('ivy@example.com', [Role.INTERVIEWER])).token;
  });
  afterAll(() => api.close());

  /**
   * The refusal, the SQL statements run while it was made, and how long the HTTP round trip took:
   * the fastest of ten tries. A refusal that did the work would run statements and take seconds;
   * the bound of a second only catches that, not the speed of a busy test machine.
   */
  async function timed(query: string): Promise<{ result: GraphQLResponse; ms: number }> {
    let fastest = Infinity;
    let result!: GraphQLResponse;
    const { statements } = await api.sqlDuring(async () => {
      for (let attempt = 0; attempt < 10; attempt += 1) {
        const started = performance.now();
        result = await api.gql(query, {}, interviewer);
        fastest = Math.min(fastest, performance.now() - started);
      }
    });
    // Reading the caller (one statement per request) is all that may run.
    expect(statements.length).toBeLessThanOrEqual(10);
    return { result, ms: fastest };
  }

  it('refuses 300 aliased plan trees at once, before running anything', async () => {
    const aliases = Array.from({ length: 300 }, (_, index) => `p${index}: ${PLAN_TREE}`).join(' ');
    const { result, ms } = await timed(`{ ${aliases} }`);
    expect(result.data).toBeUndefined();
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    // Its 7,500 tokens are refused while parsing; fewer tokens would meet the alias limit (below).
    expect(result.errors![0]!.message).toMatch(
      /^Query refused before running: (the document is too long|it uses too many aliases)/,
    );
    expect(ms).toBeLessThan(WELL_UNDER_A_SECOND);

    const compact = Array.from({ length: 300 }, (_, index) => `p${index}: planTemplates { id }`).join(' ');
    const { result: refused, ms: compactMs } = await timed(`{ ${compact} }`);
    expect(refused.errors![0]!.message).toBe(
      `Query refused before running: it uses too many aliases (limit ${QUERY_LIMITS.maxAliases}, found 300).`,
    );
    expect(compactMs).toBeLessThan(WELL_UNDER_A_SECOND);
  });

  it('still answers the same tree once, and as many aliases as the limit allows when they are cheap', async () => {
    const once = await api.gql(`{ ${PLAN_TREE} }`, {}, interviewer);
    expect(once.errors).toBeUndefined();
    expect(once.data!.planTemplates.length).toBeGreaterThan(0);
    const cheap = Array.from({ length: QUERY_LIMITS.maxAliases }, (_, index) => `m${index}: me { id }`).join(' ');
    expect((await api.gql(`{ ${cheap} }`, {}, interviewer)).errors).toBeUndefined();
  });

  it('counts aliases hidden in fragments', async () => {
    const inFragment = Array.from({ length: 15 }, (_, index) => `a${index}: me { id }`).join(' ');
    const { result, ms } = await timed(
      `query { ...A ...B } fragment A on Query { ${inFragment} } fragment B on Query { ${inFragment.replace(/a(\d+):/g, 'b$1:')} }`,
    );
    expect(result.errors![0]!.message).toMatch(/too many aliases \(limit \d+, found 30\)/);
    expect(ms).toBeLessThan(WELL_UNDER_A_SECOND);
  });

  it('refuses an expensive tree within the alias limit by its cost, lists multiplying their contents', async () => {
    const aliases = Array.from({ length: 10 }, (_, index) => `p${index}: ${PLAN_TREE}`).join(' ');
    const { result, ms } = await timed(`{ ${aliases} }`);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.message).toMatch(
      new RegExp(
        `^Query refused before running: its estimated cost \\d+ is above the limit of ${QUERY_LIMITS.maxCost}`,
      ),
    );
    expect(ms).toBeLessThan(WELL_UNDER_A_SECOND);
  });

  it('computes the cost through fragments, even a fragment bomb, in linear time', async () => {
    // F9 expands to 2^9 copies of the plan tree; written inline it would be megabytes.
    const fragments = [`fragment F0 on Query { ${PLAN_TREE} }`];
    for (let level = 1; level < 10; level += 1) {
      fragments.push(`fragment F${level} on Query { ...F${level - 1} ...F${level - 1} }`);
    }
    const { result, ms } = await timed(`{ ...F9 } ${fragments.join(' ')}`);
    expect(result.errors?.map((error) => error.message).join(' ')).toMatch(/estimated cost \d+ is above the limit/);
    expect(ms).toBeLessThan(WELL_UNDER_A_SECOND);
  });

  it('uses the page size a `first` argument asks for', async () => {
    const page = (first: number) =>
      `{ candidates(first: ${first}) { edges { node { applications { id stageHistory { enteredAt stage { id name } } stageDecisions { id } } } } } }`;
    const small = await api.gql(page(5), {}, interviewer);
    expect(small.errors).toBeUndefined();
    const big = await api.gql(`{ a: ${page(100).slice(2, -2)} b: ${page(100).slice(2, -2)} }`, {}, interviewer);
    expect(big.errors?.[0]?.message).toMatch(/estimated cost/);
    const tooMany = await api.gql('{ candidates(first: 1000) { totalCount } }', {}, interviewer);
    expect(errorCode(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.errors![0]!.extensions.fields).toEqual({ first: 'must be 1..100' });
  });

  it('refuses deep nesting, also when the depth is built with fragments', async () => {
    let selection = 'id';
    for (let level = 0; level < 4; level += 1) selection = `application { interviews { ${selection} } }`;
    const result = await api.gql(
      `{ myInterviews { ...Deep } } fragment Deep on Interview { ${selection.replace('id', '...Deeper')} } ` +
        `fragment Deeper on Interview { ${selection} }`,
      {},
      interviewer,
    );
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.message).toMatch(/exceeds maximum operation depth \(limit 12, found \d+\)/);
  });

  it('refuses too many directives and too many tokens', async () => {
    const directives = Array.from({ length: 30 }, () => '@include(if: true)').join(' ');
    const manyDirectives = await api.gql(`{ me ${directives} { id } }`, {}, interviewer);
    expect(errorCode(manyDirectives)).toBe('BAD_USER_INPUT');
    expect(manyDirectives.errors![0]!.message).toMatch(/too many directives \(limit 20, found 30\)/);

    const { result, ms } = await timed(`{ me { ${'id '.repeat(QUERY_LIMITS.maxTokens)} } }`);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.message).toBe(
      `Query refused before running: the document is too long (too many tokens) (limit ${QUERY_LIMITS.maxTokens}).`,
    );
    expect(ms).toBeLessThan(WELL_UNDER_A_SECOND);
  });

  it('refuses batched requests (an array of operations in one body)', async () => {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${interviewer}` },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('suggests field names outside production only', async () => {
    const development = await api.gql('{ me { emial } }', {}, interviewer);
    expect(development.errors![0]!.message).toMatch(/Did you mean "email"\?/);

    const production = new TestApi({ env: 'production' });
    await production.start();
    try {
      const token = await production.login('ivy@example.com');
      const result = await production.gql('{ me { emial } }', {}, token);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0]!.message).toBe('Cannot query field "emial" on type "User".');
      expect(JSON.stringify(result)).not.toContain('email');
    } finally {
      await production.close();
    }
  });
});

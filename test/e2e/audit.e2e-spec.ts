import { Role } from '../../libs/domain';
import { errorCode, TestApi } from '../../libs/testing';
import { AuditPlugin } from '../../src/modules/audit';

const CREATE_CANDIDATE = `mutation ($input: CreateCandidateInput!) { createCandidate(input: $input) { candidate { id email } } }`;
const AUDIT_LOG = `query ($actorId: ID, $targetId: ID, $action: String, $first: Int, $before: DateTime) {
  auditLog(actorId: $actorId, targetId: $targetId, action: $action, first: $first, before: $before) {
    id at actor { id name } action targetType targetId outcome requestId } }`;

interface Row {
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  outcome: string;
  request_id: string | null;
  ip: string | null;
  fields: string[];
}

describe('audit log', () => {
  const api = new TestApi();
  let admin: string;
  let recruiter: string;
  let recruiterId: string;
  let interviewer: string;

  beforeAll(() => api.start());
  afterAll(() => api.close());
  beforeEach(async () => {
    await api.reset();
    admin = (await api.signedIn('ada@example.com', [Role.ADMIN])).token;
    const signedIn = await api.signedIn('rita@example.com', [Role.RECRUITER]);
    recruiter = signedIn.token;
    recruiterId = signedIn.user.id;
    interviewer = (await api.signedIn('ian@example.com', [Role.INTERVIEWER])).token;
  });

  const rows = (where = 'true', params: unknown[] = []) =>
    api.orm.em.getConnection().execute<Row[]>(`select * from audit_entry where ${where} order by at, id`, params);

  const create = (token: string, email = 'cleo@example.net', headers: Record<string, string> = {}) =>
    api.gql(
      CREATE_CANDIDATE,
      { input: { name: 'Cleo Candidate', email, phone: '+44 1', experienceLevel: 'MID' } },
      token,
      headers,
    );

  it('records a mutation with actor, action, target, request id, IP, outcome and field names only', async () => {
    const created = await create(recruiter, 'cleo@example.net', { 'x-request-id': 'req-audit-1' });
    const candidateId = created.data!.createCandidate.candidate.id;
    const [row] = await rows(`action = 'createCandidate'`);
    expect(row).toMatchObject({
      actor_id: recruiterId,
      target_type: 'Candidate',
      target_id: candidateId,
      outcome: 'OK',
      request_id: 'req-audit-1',
      ip: '127.0.0.1',
      fields: ['email', 'experienceLevel', 'name', 'phone'],
    });
    // Names, never values: the personal data is nowhere in the entry.
    expect(JSON.stringify(await rows())).not.toContain('cleo@example.net');
    expect(JSON.stringify(await rows())).not.toContain('+44 1');
  });

  it('still records a failed mutation whose transaction rolled back, and a refused one', async () => {
    await create(recruiter);
    const duplicate = await create(recruiter, 'CLEO@example.net');
    expect(errorCode(duplicate)).toBe('CONFLICT');
    const refused = await create(interviewer, 'other@example.net');
    expect(errorCode(refused)).toBe('FORBIDDEN');
    const invalid = await create(recruiter, 'not-an-email');
    expect(errorCode(invalid)).toBe('BAD_USER_INPUT');
    expect((await rows(`action = 'createCandidate'`)).map((row) => row.outcome)).toEqual([
      'OK',
      'CONFLICT',
      'FORBIDDEN',
      'BAD_USER_INPUT',
    ]);
    // The rolled-back write left no candidate behind; only its audit line stays.
    const counted = await api.orm.em
      .getConnection()
      .execute<Array<{ count: number }>>(`select count(*)::int as count from candidate`);
    expect(counted[0]!.count).toBe(1);
  });

  it('listens field by field to mutations only: a query gets no per-field hook', async () => {
    const plugin = api.app.get(AuditPlugin);
    const listenerFor = async (operation: 'query' | 'mutation') => {
      const request = await plugin.requestDidStart();
      const start = { operation: { operation } } as Parameters<NonNullable<typeof request.executionDidStart>>[0];
      return request.executionDidStart!(start);
    };
    expect(await listenerFor('query')).toBeUndefined();
    expect((await listenerFor('mutation'))?.willResolveField).toEqual(expect.any(Function));
    // And a query still answers, and is not recorded as an action.
    const before = (await rows()).length;
    const me = await api.gql(`{ me { id } }`, {}, recruiter);
    expect(me.data!.me.id).toBe(recruiterId);
    expect(await rows()).toHaveLength(before);
  });

  it('records each read of contact details, not reads without them', async () => {
    const candidateId = (await create(recruiter)).data!.createCandidate.candidate.id;
    await api.gql('query ($id: ID!) { candidate(id: $id) { email } }', { id: candidateId }, recruiter);
    await api.gql('{ candidates { edges { node { id phone } } } }', {}, admin);
    // An interviewer on no panel of theirs sees nothing, so reads nothing.
    await api.gql('query ($id: ID!) { candidate(id: $id) { email } }', { id: candidateId }, interviewer);
    const reads = await rows(`action = 'candidate.contact.read'`);
    expect(reads.map((row) => [row.target_id, row.outcome])).toEqual([
      [candidateId, 'OK'],
      [candidateId, 'OK'],
    ]);
  });

  it('is append-only in the database: UPDATE and DELETE are refused', async () => {
    await create(recruiter);
    const connection = api.orm.em.getConnection();
    const before = await rows();
    await expect(connection.execute(`update audit_entry set outcome = 'OK'`)).rejects.toThrow(/append-only/);
    await expect(connection.execute(`delete from audit_entry`)).rejects.toThrow(/append-only/);
    expect(await rows()).toEqual(before);
  });

  it('lets admins, and only admins, read it newest first with filters', async () => {
    const candidateId = (await create(recruiter)).data!.createCandidate.candidate.id;
    await create(interviewer, 'x@example.net');
    const all = await api.gql(AUDIT_LOG, { action: 'createCandidate' }, admin);
    expect(all.errors).toBeUndefined();
    expect(all.data!.auditLog.map((entry: any) => [entry.action, entry.outcome])).toEqual([
      ['createCandidate', 'FORBIDDEN'],
      ['createCandidate', 'OK'],
    ]);
    const byActor = await api.gql(AUDIT_LOG, { actorId: recruiterId }, admin);
    // Rita's sign-in, then her candidate.
    expect(byActor.data!.auditLog.map((entry: any) => entry.action)).toEqual(['createCandidate', 'login']);
    expect(byActor.data!.auditLog[0]).toMatchObject({
      actor: { id: recruiterId },
      targetType: 'Candidate',
      targetId: candidateId,
    });
    expect((await api.gql(AUDIT_LOG, { targetId: candidateId }, admin)).data!.auditLog).toHaveLength(1);
    // Sign-ins are mutations too.
    expect((await api.gql(AUDIT_LOG, { action: 'login' }, admin)).data!.auditLog).toHaveLength(3);
    expect((await api.gql(AUDIT_LOG, { first: 1 }, admin)).data!.auditLog).toHaveLength(1);
    const before = all.data!.auditLog[0].at;
    const older = await api.gql(AUDIT_LOG, { before, action: 'createCandidate' }, admin);
    expect(older.data!.auditLog).toHaveLength(1);
    expect(errorCode(await api.gql(AUDIT_LOG, {}, recruiter))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(AUDIT_LOG, {}, interviewer))).toBe('FORBIDDEN');
  });
});

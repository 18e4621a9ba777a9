import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Role } from '../../libs/domain';
import {
  ADVANCE_APPLICATION,
  APPLICATION,
  APPLY,
  createCandidate,
  errorCode,
  heldInterview,
  loadBuiltInPlan,
  MY_CALENDAR_FEED_URL,
  openPositionFromBuiltInPlan,
  PIPELINE_SUMMARY,
  REJECT_APPLICATION,
  scorecardInput,
  signInPeople,
  SKIP_STAGE,
  STAGE_SUCCESS_RATES,
  submitScorecard,
  SUCCESS_RATES_BY_EXPERIENCE_LEVEL,
  TestApi,
  type Person,
} from '../../libs/testing';
import { loadConfig } from '../../src/config/app-config';

const ERASE = `mutation ($input: EraseCandidateInput!) { eraseCandidate(input: $input) { candidateId erasedAt } }`;
const EXPORT = `query ($id: ID!) { candidateDataExport(candidateId: $id) }`;

/** Everything written to stdout and stderr while `capture` is on: pino writes with fs.write(Sync), the rest with process.*.write. */
function captureOutput() {
  const chunks: string[] = [];
  const keep = (data: unknown) => chunks.push(Buffer.isBuffer(data) ? data.toString() : String(data));
  const spies = [
    jest.spyOn(process.stdout, 'write').mockImplementation((data: unknown) => (keep(data), true)),
    jest.spyOn(process.stderr, 'write').mockImplementation((data: unknown) => (keep(data), true)),
    jest.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: unknown) => {
      keep(data);
      return typeof data === 'string' ? Buffer.byteLength(data) : ((data as Buffer)?.length ?? 0);
    }) as typeof fs.writeSync),
  ];
  return { text: () => chunks.join(''), stop: () => spies.forEach((spy) => spy.mockRestore()) };
}

describe('erasing a candidate', () => {
  const api = new TestApi({ logLevel: 'trace' });
  let people: Record<'recruiter' | 'manager' | 'ines', Person>;
  const run = randomBytes(4).toString('hex');
  const name = `Zed Quillfeather${run}`;
  const email = `zed-${run}@example.net`;
  const phone = `+44 7700 9${run.replace(/\D/g, '1').slice(0, 5)}`;
  let candidateId: string;
  let applicationId: string;
  let output: ReturnType<typeof captureOutput>;

  beforeAll(async () => {
    output = captureOutput();
    await api.start();
    await api.reset();
    await loadBuiltInPlan(api);
    people = await signInPeople(api, {
      recruiter: [Role.RECRUITER],
      manager: [Role.HIRING_MANAGER],
      ines: [Role.INTERVIEWER],
    });
    const { recruiter, manager, ines } = people;
    const position = await openPositionFromBuiltInPlan(recruiter, {
      hiringManagerId: manager.id,
      recruiterIds: [recruiter.id],
    });
    candidateId = await createCandidate(recruiter, {
      name,
      email,
      phone,
      notes: `Met ${name} at a meetup; write to ${email} or call ${phone}.`,
      experienceLevel: 'SENIOR',
    });
    const applied = await recruiter.gql(APPLY, { input: { candidateId, positionId: position.id } });
    applicationId = applied.data!.apply.application.id;
    // A second candidate of the same position: their records must stay exactly as they are.
    await createCandidate(recruiter, { name: 'Other Person', notes: 'unrelated', experienceLevel: 'MID' });
    for (;;) {
      const current = (await recruiter.gql(APPLICATION, { id: applicationId })).data!.application!.currentStage!;
      const stage = position.plan.stages.find((candidate) => candidate.id === current.id)!;
      if (stage.rubric?.criteria.length) {
        const interviewId = await heldInterview(api, recruiter, applicationId, [ines.id]);
        const card = scorecardInput(position.plan, stage, interviewId, 4);
        card.ratings = card.ratings.map((rating) => ({
          ...rating,
          evidence: `${name.split(' ')[0]} explained it well`,
        }));
        await submitScorecard(ines, { ...card, notes: `${name} was sharp; follow up at ${email}.` });
        break;
      }
      await recruiter.gql(SKIP_STAGE, { input: { applicationId, reason: 'setup' } });
    }
    await recruiter.gql(ADVANCE_APPLICATION, { input: { applicationId } });
    await recruiter.gql(REJECT_APPLICATION, {
      input: { applicationId, reason: `${name} (${email}) took another offer` },
    });
    // A job not yet handed to the queue, about the candidate's application.
    await api.orm.em
      .getConnection()
      .execute(`insert into outbox_message (job_name, job_id, payload) values ('test.job', ?, ?::jsonb)`, [
        `test:${applicationId}`,
        JSON.stringify({ applicationId }),
      ]);
  });
  afterAll(async () => {
    output?.stop();
    await api.close();
  });

  /** Every figure: the GraphQL analytics and every row of every analytics table. */
  async function figures() {
    const { recruiter } = people;
    const tables = await api.orm.em
      .getConnection()
      .execute<Array<{ table_name: string }>>(
        `select table_name from information_schema.tables where table_schema = current_schema() and table_name like 'analytics\\_%' order by 1`,
      );
    const rows: Record<string, unknown> = {};
    for (const { table_name } of tables) {
      rows[table_name] = await api.orm.em.getConnection().execute(`select * from "${table_name}" t order by t::text`);
    }
    const positionId = (
      await api.orm.em
        .getConnection()
        .execute<Array<{ id: string }>>('select position_id as id from application where id = ?', [applicationId])
    )[0]!.id;
    return {
      rows,
      summary: (await recruiter.gql(PIPELINE_SUMMARY, {})).data,
      stages: (await recruiter.gql(STAGE_SUCCESS_RATES, { id: positionId })).data,
      levels: (await recruiter.gql(SUCCESS_RATES_BY_EXPERIENCE_LEVEL, {})).data,
      visits: await api.orm.em
        .getConnection()
        .execute(`select stage_id, outcome, entered_at, exited_at from stage_visit order by entered_at, stage_id`),
    };
  }

  /** The table.column of every text-bearing column holding `needle`, case-insensitively. */
  async function tablesHolding(needle: string): Promise<string[]> {
    const connection = api.orm.em.getConnection();
    const columns = await connection.execute<Array<{ table_name: string; column_name: string }>>(
      `select c.table_name, c.column_name from information_schema.columns c
         join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
          and c.data_type in ('text', 'character varying', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')`,
    );
    const found: string[] = [];
    for (const { table_name, column_name } of columns) {
      const [row] = await connection.execute<Array<{ n: number }>>(
        `select count(*)::int as n from "${table_name}" where "${column_name}"::text ilike ?`,
        [`%${needle}%`],
      );
      if (row!.n > 0) found.push(`${table_name}.${column_name}`);
    }
    return found;
  }

  /** Redis keys, or values of keys, that hold `needle` (the whole database: queues, rate limits). */
  async function redisHolding(needle: string): Promise<string[]> {
    const redis = new Redis(loadConfig().redis.url);
    const found: string[] = [];
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'COUNT', '1000');
        cursor = next;
        for (const key of keys) {
          if (key.includes(needle)) found.push(key);
          const type = await redis.type(key);
          const value =
            type === 'string'
              ? await redis.get(key)
              : type === 'hash'
                ? JSON.stringify(await redis.hgetall(key))
                : type === 'list'
                  ? JSON.stringify(await redis.lrange(key, 0, -1))
                  : type === 'set'
                    ? JSON.stringify(await redis.smembers(key))
                    : type === 'zset'
                      ? JSON.stringify(await redis.zrange(key, '0', '-1'))
                      : type === 'stream'
                        ? JSON.stringify(await redis.xrange(key, '-', '+'))
                        : '';
          if (value?.toLowerCase().includes(needle.toLowerCase())) found.push(key);
        }
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
    return found;
  }

  it('is refused to hiring managers and interviewers, for export too', async () => {
    const { manager, ines } = people;
    expect(errorCode(await api.gql(ERASE, { input: { candidateId, reason: 'x' } }, manager.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(ERASE, { input: { candidateId, reason: 'x' } }, ines.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(EXPORT, { id: candidateId }, manager.token))).toBe('FORBIDDEN');
  });

  it('exports everything held about the candidate as one JSON document', async () => {
    const exported = await api.gql(EXPORT, { id: candidateId }, people.recruiter.token);
    expect(exported.errors).toBeUndefined();
    const document = JSON.parse(exported.data!.candidateDataExport);
    expect(document.candidate).toMatchObject({ id: candidateId, name, email, phone });
    expect(Object.keys(document.records)).toEqual(
      expect.arrayContaining(['application', 'application_transition', 'interview', 'scorecard', 'stage_visit']),
    );
    expect(JSON.stringify(document.records.scorecard)).toContain(email);
  });

  it('anonymises irreversibly: no table, log line or Redis key holds the e-mail; every figure is unchanged', async () => {
    const before = await figures();
    expect((await tablesHolding(email)).length).toBeGreaterThan(2);
    // The panelist's calendar subscription shows the interview (held an hour ago) by the candidate's name.
    const feedPath = (await people.ines.gql(MY_CALENDAR_FEED_URL, {})).data!.myCalendarFeedUrl;
    // An absolute link under PUBLIC_URL: its path is fetched from this test's server.
    const feed = async () => (await fetch(new URL(new URL(feedPath).pathname, api.baseUrl))).text();
    const feedBefore = await feed();
    expect(feedBefore).toContain(`Quillfeather${run}`);
    expect(feedBefore).toContain('BEGIN:VEVENT');

    const erased = await api.gql(ERASE, { input: { candidateId, reason: 'Request 2026-17' } }, people.recruiter.token);
    expect(erased.errors).toBeUndefined();
    expect(erased.data!.eraseCandidate.candidateId).toBe(candidateId);

    expect(await figures()).toEqual(before);
    expect(await tablesHolding(email)).toEqual([]);
    expect(await tablesHolding(phone)).toEqual([]);
    expect(await tablesHolding(`Quillfeather${run}`)).toEqual([]);
    expect(await redisHolding(email)).toEqual([]);
    // The interview left the feed altogether, not only the name.
    const feedAfter = await feed();
    expect(feedAfter).toContain('BEGIN:VCALENDAR');
    expect(feedAfter).not.toContain('BEGIN:VEVENT');
    const outbox = await api.orm.em
      .getConnection()
      .execute('select * from outbox_message where job_id = ?', [`test:${applicationId}`]);
    expect(outbox).toEqual([]);

    const seen = await api.gql(
      'query ($id: ID!) { candidate(id: $id) { name email phone notes tags } }',
      { id: candidateId },
      people.recruiter.token,
    );
    expect(seen.data!.candidate).toEqual({
      name: 'Erased candidate',
      email: `erased-${candidateId}@erased.invalid`,
      phone: null,
      notes: null,
      tags: [],
    });
    // Again: nothing changes, the first erasure's time stands.
    const again = await api.gql(ERASE, { input: { candidateId, reason: 'twice' } }, people.recruiter.token);
    expect(again.data!.eraseCandidate.erasedAt).toBe(erased.data!.eraseCandidate.erasedAt);

    // The capture saw the requests (their ids are logged), so its silence about the e-mail means something.
    const logs = output.text();
    expect(logs).toMatch(/"msg":"POST \/graphql 200 /);
    expect(logs.toLowerCase()).not.toContain(email.toLowerCase());
    // The audit log recorded the erasure without its reason's text.
    const audit = await api.orm.em
      .getConnection()
      .execute<Array<{ fields: string[]; outcome: string }>>(
        `select fields, outcome from audit_entry where action = 'eraseCandidate' and target_id = ? and outcome = 'OK'`,
        [candidateId],
      );
    expect(audit[0]).toEqual({ fields: ['candidateId', 'reason'], outcome: 'OK' });
  });
});

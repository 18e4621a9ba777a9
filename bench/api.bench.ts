// API benchmark: run on demand, never in `npm test`.
//   DATABASE_URL=postgres://…/ip_bench npm run bench:api -- [--duration 8] [--connections 16] [--only me]
// Starts the service and, in the same process, a hand-written Fastify + pg "floor" server that
// answers each benchmarked request with the same JSON from the same rows with the simplest correct
// SQL (it verifies the same access token and reads the caller's row, as the service must). Checks
// once that both answer the same JSON, then loads each with autocannon and prints req/s, p50/p99
// and the ratio (service / floor) as Markdown.
// `--cpu`: autocannon runs in a child process instead, so this process's CPU time during a run is
// the server's alone, and the table adds CPU per request for the service and for the floor.
// `--profile DIR` (with `--cpu`): also writes a V8 CPU profile of each service run to DIR.
// `--ceiling`: also runs `me` through Apollo Server alone (no NestJS, no ORM, no middleware), on
// Fastify with the same integration the service uses, doing the floor's work in its resolver: the
// best ratio any service on this stack can reach for that request, measured in the same run.
import 'reflect-metadata';
import { createHmac, createSecretKey, timingSafeEqual } from 'node:crypto';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { cpus, hostname, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { ApolloServer } from '@apollo/server';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import { GraphQLError } from 'graphql';
import { Pool } from 'pg';
import { MikroORM } from '@mikro-orm/postgresql';
import { Role } from '../libs/domain';
import { loadConfig } from '../src/config/app-config';
import { benchUsers, interviewerFixtures } from './bench-client';
import { createApiApp } from '../src/api-app';
import { CANDIDATE_COUNT_CAP } from '../src/modules/candidates';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '../src/modules/identity';

const option = (name: string, fallback: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
};
const duration = Number(option('--duration', '8'));
const connections = Number(option('--connections', '16'));
const only = option('--only', '');
const cpuMode = process.argv.includes('--cpu') || process.argv.includes('--profile');
const profileDir = option('--profile', '');
const ceilingMode = process.argv.includes('--ceiling');

interface Case {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  token: string;
  /** The floor's answer: the `data` object the service returns. */
  floor: (userId: string) => Promise<unknown>;
}

async function main(): Promise<void> {
  const base = loadConfig();
  const config = {
    ...base,
    logLevel: 'silent' as const,
    rateLimits: { ...base.rateLimits, mutationsPerUserPerMinute: 1_000_000_000 },
  };
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const serviceUrl = `${await app.getUrl()}/graphql`;
  const orm = app.get(MikroORM);
  const sql = orm.em.getConnection();
  const pool = new Pool({ connectionString: config.database.url, max: config.database.poolMax });
  const q = async <Row = any>(text: string, values: unknown[] = []) => (await pool.query(text, values)).rows as Row[];

  // Bench users, made directly; tokens are signed with the service's secret, as a login would.
  const users = benchUsers(pool, config);
  const benchUser = users.user;
  const tokenFor = users.token;
  const recruiterId = await benchUser('bench-recruiter@example.com', [Role.RECRUITER]);
  const interviewerId = await benchUser('bench-interviewer@example.com', [Role.INTERVIEWER]);
  const recruiter = tokenFor(recruiterId);
  const interviewer = tokenFor(interviewerId);

  const post = async (query: string, variables: object, token: string) => {
    const response = await fetch(serviceUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: unknown };
  };

  // Fixtures: the position with the most applications, its newest active application, an
  // interview of the bench interviewer on it (tomorrow), and notifications for them.
  const [position] = await q<{ id: string }>(
    `select p.id from position p join application a on a.position_id = p.id
     where p.status = 'OPEN' group by p.id order by count(*) desc limit 1`,
  );
  if (!position) throw new Error('No open position with applications: run `npm run seed` (DEMO_DATA=true) first.');
  const [application] = await q<{ id: string; current_stage_id: string }>(
    `select id, current_stage_id from application where position_id = $1 and status = 'ACTIVE'
     and current_stage_id is not null order by created_at desc, id limit 1`,
    [position.id],
  );
  let [interview] = await q<{ id: string; stage_id: string }>(
    `select i.id, i.stage_id from interview i join interview_panelist ip on ip.interview_id = i.id
     where ip.interviewer_id = $1 and i.status = 'SCHEDULED' order by i.starts_at desc limit 1`,
    [interviewerId],
  );
  if (!interview) {
    await q(`insert into position_recruiter (position_id, user_id) values ($1, $2) on conflict do nothing`, [
      position.id,
      recruiterId,
    ]);
    const startsAt = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 48 * 3_600_000);
    const scheduled = await post(
      `mutation ($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { interview { id stage { id } } } }`,
      {
        input: {
          applicationId: application!.id,
          interviewerIds: [interviewerId],
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        },
      },
      recruiter,
    );
    if (scheduled.errors)
      throw new Error(`Could not schedule the bench interview: ${JSON.stringify(scheduled.errors)}`);
    const made = scheduled.data.scheduleInterview.interview;
    interview = { id: made.id, stage_id: made.stage.id };
  }
  const { from, to } = await interviewerFixtures(pool, interviewerId);
  const [stat] = await sql.execute<{ applications: string; candidates: string }[]>(
    `select (select count(*) from application) as applications, (select count(*) from candidate) as candidates`,
  );

  // The floor: plain Fastify, plain pg, the token checked with a key made once.
  const key = createSecretKey(Buffer.from(config.auth.accessSecret));
  const verify = (header: string | undefined): string | null => {
    const token = header?.startsWith('Bearer ') ? header.slice(7) : '';
    const [head, payload, signature] = token.split('.');
    if (!head || !payload || !signature) return null;
    const expected = createHmac('sha256', key).update(`${head}.${payload}`).digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const ok =
      claims.typ === 'access' &&
      claims.iss === ACCESS_TOKEN_ISSUER &&
      claims.aud === ACCESS_TOKEN_AUDIENCE &&
      typeof claims.exp === 'number' &&
      claims.exp * 1000 > Date.now();
    return ok ? claims.sub : null;
  };
  const actorRoles = async (userId: string) =>
    (
      await q<{ roles: string[] }>(
        `select roles::text[] as roles from app_user where id = $1 and deactivated_at is null`,
        [userId],
      )
    )[0]?.roles;
  const iso = (value: Date | null) => (value ? value.toISOString() : null);
  const cursor = (row: { created_at: Date; id: string }) =>
    Buffer.from(`${row.created_at.toISOString()}|${row.id}`).toString('base64url');
  const page = <Row extends { created_at: Date; id: string }>(
    rows: Row[],
    size: number,
    total: number,
    node: (row: Row) => unknown,
  ) => ({
    totalCount: total,
    edges: rows.slice(0, size).map((row) => ({ cursor: cursor(row), node: node(row) })),
    pageInfo: {
      hasNextPage: rows.length > size,
      endCursor: rows.length ? cursor(rows[Math.min(size, rows.length) - 1]!) : null,
    },
  });

  // Candidate searches: a two-letter term (most candidates match), a longer name fragment, and the
  // part before the @ of the newest candidate's e-mail (what a recruiter pastes; one match).
  const [newest] = await q<{ email: string }>(`select email from candidate order by created_at desc, id limit 1`);
  const searches = ['an', 'ander', ...(newest ? [newest.email.split('@')[0]!] : [])];
  const candidatesCase = (search: string): Case => ({
    name: `candidates(search: "${search}", first: 20)`,
    query: `query ($search: String) { candidates(search: $search, first: 20) { totalCount totalCountCapped pageInfo { hasNextPage endCursor } edges { cursor node { id name email experienceLevel } } } }`,
    variables: { search },
    token: recruiter,
    floor: async (userId) => {
      if (!(await actorRoles(userId))) return null;
      // The service's condition for a caller who sees every e-mail (its trigram index is on this
      // expression), and its count: no further than CANDIDATE_COUNT_CAP + 1 matches.
      const pattern = `%${search}%`;
      const [rows, [count]] = await Promise.all([
        q(
          `select id, name, email, experience_level, created_at from candidate where (name || E'\\n' || email) ilike $1
           order by created_at desc, id limit 21`,
          [pattern],
        ),
        q<{ n: number }>(
          `select count(*)::int as n from (select 1 from candidate where (name || E'\\n' || email) ilike $1 limit $2) s`,
          [pattern, CANDIDATE_COUNT_CAP + 1],
        ),
      ]);
      return {
        candidates: {
          ...page(rows, 20, Math.min(count!.n, CANDIDATE_COUNT_CAP), (row: any) => ({
            id: row.id,
            name: row.name,
            email: row.email,
            experienceLevel: row.experience_level,
          })),
          totalCountCapped: count!.n > CANDIDATE_COUNT_CAP,
        },
      };
    },
  });
  const cases: Case[] = [
    {
      name: 'me',
      query: `{ me { id email name roles } }`,
      variables: {},
      token: interviewer,
      floor: async (userId) => {
        const [row] = await q(
          `select id, email, name, roles::text[] as roles from app_user where id = $1 and deactivated_at is null`,
          [userId],
        );
        return { me: row };
      },
    },
    {
      name: 'myInterviews (30-day window)',
      query: `query ($from: DateTime, $to: DateTime) { myInterviews(from: $from, to: $to) { id status startsAt endsAt stage { id name } application { id candidate { name } } } }`,
      variables: { from: from.toISOString(), to: to.toISOString() },
      token: interviewer,
      floor: async (userId) => {
        if (!(await actorRoles(userId))) return null;
        const rows = await q(
          `select i.id, i.status, i.starts_at, i.ends_at, s.id as stage_id, s.name as stage_name, a.id as application_id, c.name as candidate_name
           from interview_panelist ip join interview i on i.id = ip.interview_id join plan_stage s on s.id = i.stage_id
           join application a on a.id = i.application_id join candidate c on c.id = a.candidate_id
           where ip.interviewer_id = $1 and i.starts_at >= $2 and i.starts_at < $3 order by i.starts_at`,
          [userId, from, to],
        );
        return {
          myInterviews: rows.map((row) => ({
            id: row.id,
            status: row.status,
            startsAt: iso(row.starts_at),
            endsAt: iso(row.ends_at),
            stage: { id: row.stage_id, name: row.stage_name },
            application: { id: row.application_id, candidate: { name: row.candidate_name } },
          })),
        };
      },
    },
    {
      name: 'myNotifications',
      query: `{ myNotifications { id kind subject body link readAt createdAt } }`,
      variables: {},
      token: interviewer,
      floor: async (userId) => {
        if (!(await actorRoles(userId))) return null;
        const rows = await q(
          `select id, kind, subject, body, link, read_at, created_at from notification where user_id = $1 order by created_at desc limit 200`,
          [userId],
        );
        return {
          myNotifications: rows.map((row) => ({
            id: row.id,
            kind: row.kind,
            subject: row.subject,
            body: row.body,
            link: row.link,
            readAt: iso(row.read_at),
            createdAt: iso(row.created_at),
          })),
        };
      },
    },
    {
      name: 'application(id) with stage history',
      query: `query ($id: ID!) { application(id: $id) { id status version appliedAt candidate { id name } currentStage { id name } stageHistory { enteredAt exitedAt outcome stage { id name } } } }`,
      variables: { id: application!.id },
      token: recruiter,
      floor: async (userId) => {
        if (!(await actorRoles(userId))) return null;
        const [row] = await q(
          `select a.id, a.status, a.version, a.applied_at, c.id as candidate_id, c.name as candidate_name, s.id as stage_id, s.name as stage_name,
             (select coalesce(json_agg(json_build_object('enteredAt', v.entered_at, 'exitedAt', v.exited_at, 'outcome', v.outcome,
               'stage', json_build_object('id', vs.id, 'name', vs.name)) order by v.entered_at), '[]')
              from stage_visit v join plan_stage vs on vs.id = v.stage_id where v.application_id = a.id) as history
           from application a join candidate c on c.id = a.candidate_id left join plan_stage s on s.id = a.current_stage_id
           where a.id = $1`,
          [application!.id],
        );
        return {
          application: {
            id: row.id,
            status: row.status,
            version: row.version,
            appliedAt: iso(row.applied_at),
            candidate: { id: row.candidate_id, name: row.candidate_name },
            currentStage: row.stage_id ? { id: row.stage_id, name: row.stage_name } : null,
            stageHistory: row.history.map((visit: any) => ({
              ...visit,
              enteredAt: iso(new Date(visit.enteredAt)),
              exitedAt: visit.exitedAt && iso(new Date(visit.exitedAt)),
            })),
          },
        };
      },
    },
    {
      name: 'interviewKit',
      query: `query ($positionId: ID!, $stageId: ID!) { interviewKit(positionId: $positionId, stageId: $stageId) { position { id title } stage { id name kind durationMinutes focusAreas rubric { name scaleMin scaleMax } } } }`,
      variables: { positionId: position.id, stageId: interview.stage_id },
      token: interviewer,
      floor: async (userId) => {
        if (!(await actorRoles(userId))) return null;
        const [row] = await q(
          `select p.id, p.title, s.id as stage_id, s.name, s.kind, s.duration_minutes, s.focus_areas, r.name as rubric_name, r.scale_min, r.scale_max
           from position p join plan_stage s on s.plan_id = p.plan_id left join rubric r on r.stage_id = s.id
           where p.id = $1 and s.id = $2 and exists (select 1 from interview i join interview_panelist ip on ip.interview_id = i.id
             where ip.interviewer_id = $3 and i.stage_id = s.id)`,
          [position.id, interview!.stage_id, userId],
        );
        return {
          interviewKit: {
            position: { id: row.id, title: row.title },
            stage: {
              id: row.stage_id,
              name: row.name,
              kind: row.kind,
              durationMinutes: row.duration_minutes,
              focusAreas: row.focus_areas,
              rubric: row.rubric_name
                ? { name: row.rubric_name, scaleMin: row.scale_min, scaleMax: row.scale_max }
                : null,
            },
          },
        };
      },
    },
    ...searches.map((term) => candidatesCase(term)),
    {
      name: 'positions with stages',
      query: `{ positions { id title plan { stages { id name kind } } } }`,
      variables: {},
      token: recruiter,
      floor: async (userId) => {
        if (!(await actorRoles(userId))) return null;
        const rows = await q(
          `select p.id, p.title, s.id as stage_id, s.name, s.kind from position p join plan_stage s on s.plan_id = p.plan_id
           order by p.created_at desc, p.id, s."order"`,
        );
        const positions: any[] = [];
        for (const row of rows) {
          if (positions.at(-1)?.id !== row.id) positions.push({ id: row.id, title: row.title, plan: { stages: [] } });
          positions.at(-1).plan.stages.push({ id: row.stage_id, name: row.name, kind: row.kind });
        }
        return { positions };
      },
    },
    {
      name: 'position.applications(first: 50)',
      query: `query ($id: ID!) { position(id: $id) { applications(first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status appliedAt } } } } }`,
      variables: { id: position.id },
      token: recruiter,
      floor: async (userId) => {
        if (!(await actorRoles(userId))) return null;
        const [rows, [count]] = await Promise.all([
          q(
            `select id, status, applied_at, created_at from application where position_id = $1 order by created_at desc, id limit 51`,
            [position.id],
          ),
          q<{ n: number }>(`select count(*)::int as n from application where position_id = $1`, [position.id]),
        ]);
        return {
          position: {
            applications: page(rows, 50, count!.n, (row: any) => ({
              id: row.id,
              status: row.status,
              appliedAt: iso(row.applied_at),
            })),
          },
        };
      },
    },
    {
      name: 'saveScorecard (draft notes)',
      query: `mutation ($input: SaveScorecardInput!) { saveScorecard(input: $input) { scorecard { id status notes } } }`,
      variables: { input: { interviewId: interview.id, ratings: [], notes: 'Bench notes' } },
      token: interviewer,
      floor: async (userId) => {
        if (!(await actorRoles(userId))) return null;
        const [row] = await q(
          `update scorecard set notes = $3, updated_at = now(), version = version + 1
           where interview_id = $1 and interviewer_id = $2 and status = 'DRAFT' returning id, status, notes`,
          [interview!.id, userId, 'Bench notes'],
        );
        return { saveScorecard: { scorecard: row } };
      },
    },
  ];

  const floor = Fastify({ logger: false });
  floor.post('/graphql/:case', async (request, reply) => {
    const userId = verify(request.headers.authorization);
    if (!userId) return reply.code(401).send({ errors: [{ message: 'unauthenticated' }] });
    const data = await cases[Number((request.params as { case: string }).case)]!.floor(userId);
    return { data };
  });
  await floor.listen({ port: 0, host: '127.0.0.1' });
  const floorUrl = `http://127.0.0.1:${(floor.server.address() as { port: number }).port}/graphql`;

  // The ceiling (`--ceiling`): the floor's `me` behind Apollo Server 5 and nothing else.
  const startCeiling = async () => {
    const server = Fastify({ logger: false });
    const apollo = new ApolloServer<{ userId: string | null }>({
      typeDefs: `type Query { me: User } type User { id: ID! email: String! name: String! roles: [String!]! }`,
      resolvers: {
        Query: {
          me: async (_: unknown, __: unknown, context: { userId: string | null }) => {
            if (!context.userId) throw new GraphQLError('unauthenticated', { extensions: { code: 'UNAUTHENTICATED' } });
            const [row] = await q(
              `select id, email, name, roles::text[] as roles from app_user where id = $1 and deactivated_at is null`,
              [context.userId],
            );
            return row ?? null;
          },
        },
      },
      plugins: [fastifyApolloDrainPlugin(server)],
    });
    await apollo.start();
    server.route({
      url: '/graphql',
      method: ['POST'],
      handler: fastifyApolloHandler(apollo, {
        context: async (request) => ({ userId: verify(request.headers.authorization) }),
      }),
    });
    await server.listen({ port: 0, host: '127.0.0.1' });
    return {
      url: `http://127.0.0.1:${(server.server.address() as { port: number }).port}/graphql`,
      close: async () => {
        await server.close();
        await apollo.stop();
      },
    };
  };
  const ceiling = ceilingMode ? await startCeiling() : null;

  const loadInProcess = (url: string, body: string, token: string) =>
    new Promise<autocannon.Result>((resolve, reject) =>
      autocannon(
        {
          url,
          method: 'POST',
          connections,
          duration,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body,
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      ),
    );
  /** autocannon's CLI in a child process: this process then spends CPU only on serving. */
  const loadInChild = (url: string, body: string, token: string) =>
    new Promise<autocannon.Result>((resolve, reject) =>
      execFile(
        process.execPath,
        [
          require.resolve('autocannon/autocannon.js'),
          ...['--json', '-c', String(connections), '-d', String(duration), '-m', 'POST'],
          ...['-H', 'content-type=application/json', '-H', `authorization=Bearer ${token}`, '-b', body, url],
        ],
        { maxBuffer: 16 * 2 ** 20 },
        (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout) as autocannon.Result)),
      ),
    );
  const profiler = new Session();
  if (profileDir) {
    profiler.connect();
    await profiler.post('Profiler.enable');
  }
  /** One run: autocannon's result, and this process's CPU time per request served (with --cpu). */
  const load = async (url: string, body: string, token: string, profileAs?: string) => {
    if (!cpuMode) return { result: await loadInProcess(url, body, token), cpuMs: null };
    if (profileAs && profileDir) await profiler.post('Profiler.start');
    const before = process.cpuUsage();
    const result = await loadInChild(url, body, token);
    const used = process.cpuUsage(before);
    if (profileAs && profileDir) {
      const { profile } = await profiler.post('Profiler.stop');
      await writeFile(join(profileDir, `${profileAs}.cpuprofile`), JSON.stringify(profile));
    }
    return { result, cpuMs: (used.user + used.system) / 1000 / Math.max(1, result.requests.total) };
  };

  const lines = [
    `Machine: ${hostname()}, ${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${new Date().toISOString()}; load average at start ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
    `Data: ${stat!.applications} applications, ${stat!.candidates} candidates; autocannon ${connections} connections, ${duration} s per run${cpuMode ? ', in a child process' : ''}.`,
    '',
    `| request | same JSON | service req/s | p50 | p99 | floor req/s | p50 | p99 | ratio (req/s) |${cpuMode ? ' CPU per request, service / floor |' : ''}`,
    `| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |${cpuMode ? ' ---: |' : ''}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
  /** The `data` a server answers to one benchmarked request. */
  const answerOf = async (url: string, body: string, token: string) =>
    (await (
      await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      })
    ).json()) as { data?: unknown; errors?: unknown };
  /** Loads `url` and then the floor of the same case, and prints their row of the table. */
  const row = async (name: string, same: boolean, url: string, index: number, item: Case, profileAs?: string) => {
    const body = JSON.stringify({ query: item.query, variables: item.variables });
    const { result: ours, cpuMs: ourCpu } = await load(url, body, item.token, profileAs);
    const { result: theirs, cpuMs: theirCpu } = await load(`${floorUrl}/${index}`, body, item.token);
    const failed = ours.non2xx + ours.errors + theirs.non2xx + theirs.errors;
    const cpu = ourCpu === null ? '' : ` ${ourCpu.toFixed(2)} ms / ${theirCpu!.toFixed(2)} ms |`;
    const line = `| ${name} | ${same ? 'yes' : 'NO'} | ${Math.round(ours.requests.average)} | ${ours.latency.p50} ms | ${ours.latency.p99} ms | ${Math.round(theirs.requests.average)} | ${theirs.latency.p50} ms | ${theirs.latency.p99} ms | ${(ours.requests.average / theirs.requests.average).toFixed(2)}×${failed ? ` (${failed} failed)` : ''} |${cpu}`;
    process.stdout.write(line + '\n');
  };
  for (const [index, item] of cases.entries()) {
    if (only && !item.name.startsWith(only)) continue;
    const body = JSON.stringify({ query: item.query, variables: item.variables });
    const service = await post(item.query, item.variables, item.token);
    const floorAnswer = await answerOf(`${floorUrl}/${index}`, body, item.token);
    const same = !service.errors && isDeepStrictEqual(service.data, JSON.parse(JSON.stringify(floorAnswer.data)));
    if (!same) {
      process.stderr.write(
        `${item.name}: answers differ\n service ${JSON.stringify(service).slice(0, 600)}\n floor   ${JSON.stringify(floorAnswer).slice(0, 600)}\n`,
      );
    }
    await row(item.name, same, serviceUrl, index, item, `case-${index}`);
  }
  if (ceiling) {
    // Apollo alone against the floor, both doing `me`: the share of the floor's rate left once a
    // request goes through Apollo's pipeline and graphql-js, before NestJS, the ORM or any guard.
    const index = cases.findIndex((item) => item.name === 'me');
    const me = cases[index]!;
    const answer = await answerOf(ceiling.url, JSON.stringify({ query: me.query, variables: me.variables }), me.token);
    const same = isDeepStrictEqual(answer.data, JSON.parse(JSON.stringify(await me.floor(interviewerId))));
    await row('me, Apollo Server alone (the ceiling)', same, ceiling.url, index, me);
  }
  process.stdout.write(
    `load average at end ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}\n`,
  );
  await floor.close();
  await ceiling?.close();
  await pool.end();
  await app.close();
  if (profileDir) profiler.disconnect();
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

// API soak and scale-out benchmark: run on demand, never in `npm test`.
//   JWT_ACCESS_SECRET=… DATABASE_URL=postgres://…/ip_bench npm run bench:api-soak -- \
//     [--duration 300] [--connections 16] [--case mix|me|…] [--processes 1 | 1,2,1,2] [--sample 10] \
//     [--entry dist|src] [--heap-snapshots]
// Starts the real API as a child process (`dist/src/main.js` after `npm run build`, or src/main.ts
// through swc), with API_PROCESSES set to each count given in --processes, and loads it from this
// process with autocannon: one request (`--case me`) or every request of the mix in turn. A probe
// preloaded into the service writes each service process's own process.memoryUsage() every
// --sample seconds, so the figures are the service's, not the load generator's. Prints, per run,
// req/s and latency and, per service process, RSS and heap at the start of the load, at its end,
// their maximum and their slope (least squares, MiB per minute). --heap-snapshots writes a V8 heap
// snapshot of each API process after the first sample under load and one at the end (to compare in
// Chrome DevTools), in the temporary folder it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, hostname, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { Role } from '../libs/domain';
import { loadConfig } from '../src/config/app-config';
import { benchUsers, interviewerFixtures } from './bench-client';

const ROOT = join(__dirname, '..');
const option = (name: string, fallback: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
};
const duration = Number(option('--duration', '300'));
const connections = Number(option('--connections', '16'));
const only = option('--case', 'mix');
const processCounts = option('--processes', '1').split(',').map(Number);
const sampleMs = Number(option('--sample', '10')) * 1000;
const entry = option('--entry', 'dist');
const heapSnapshots = process.argv.includes('--heap-snapshots');
const liveHeap = !process.argv.includes('--no-live-heap');

const MiB = 2 ** 20;
const loadAverage = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

/**
 * The probe, plain CommonJS so that nothing else (no TypeScript hook) is loaded into the service:
 * memory samples, and a line when an HTTP server of the process starts listening. Threads (pino's
 * transport in development) inherit the preload; only the main thread reports.
 */
const PROBE = `
const { appendFileSync } = require('node:fs');
const cluster = require('node:cluster');
const net = require('node:net');
const { isMainThread } = require('node:worker_threads');
const file = isMainThread && process.env.SOAK_MEMORY_FILE;
const every = Number(process.env.SOAK_SAMPLE_MS || 10000);
const role = cluster.isPrimary && Number(process.env.API_PROCESSES || 1) > 1 ? 'primary' : 'api';
const write = (line) => appendFileSync(file, JSON.stringify({ pid: process.pid, role, at: Date.now(), ...line }) + '\\n');
const sample = () => {
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  // With --expose-gc: also the heap that survives a full collection, what a leak would make grow.
  let liveHeap = null;
  if (typeof gc === 'function') {
    gc();
    liveHeap = process.memoryUsage().heapUsed;
  }
  write({ rss, heapUsed, heapTotal, external, arrayBuffers, liveHeap });
};
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (file) this.once('listening', () => write({ event: 'listening' }));
  return listen.apply(this, args);
};
if (file) {
  sample();
  setInterval(sample, every).unref();
}
`;

interface Sample {
  pid: number;
  role: 'primary' | 'api';
  at: number;
  event?: 'listening';
  rss: number;
  heapUsed: number;
  liveHeap: number | null;
}

interface Case {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  token: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** CPU time (user + system) a process has used so far, in seconds, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of the line, here 11 and 12 (after pid and comm), in clock ticks.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Least-squares slope of value over time, in MiB per minute. */
function slope(points: Array<{ at: number; value: number }>): number {
  if (points.length < 2) return 0;
  const xs = points.map((point) => point.at / 60_000);
  const ys = points.map((point) => point.value / MiB);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den ? num / den : 0;
}

interface Service {
  child: ChildProcess;
  url: string;
  samples(): Sample[];
  stop(): Promise<void>;
}

async function startService(processes: number, dir: string, run: number): Promise<Service> {
  const port = await freePort();
  const memoryFile = join(dir, `memory-${run}.jsonl`);
  writeFileSync(memoryFile, '');
  const main = entry === 'dist' ? join(ROOT, 'dist/src/main.js') : join(ROOT, 'src/main.ts');
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first (or pass --entry src).`);
  const args = [
    ...(entry === 'dist' ? [] : ['-r', '@swc-node/register']),
    '-r',
    join(dir, 'probe.js'),
    ...(liveHeap ? ['--expose-gc'] : []),
    ...(heapSnapshots ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${dir}`] : []),
    main,
  ];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      API_PROCESSES: String(processes),
      // As deployed: JSON logs to stdout (no pretty-printing thread), production checks on.
      NODE_ENV: 'production',
      DEMO_DATA: 'false',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      MUTATIONS_PER_USER_PER_MINUTE: '1000000000',
      SOAK_MEMORY_FILE: memoryFile,
      SOAK_SAMPLE_MS: String(sampleMs),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const samples = () =>
    readFileSync(memoryFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Sample);
  const deadline = Date.now() + 60_000;
  // Up once every API process has a listening server (the cluster's primary listens for them).
  while (samples().filter((line) => line.event === 'listening' && line.role === 'api').length < processes) {
    if (child.exitCode !== null) throw new Error(`The service exited early (${child.exitCode}).`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('The service did not start within 60 s.');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    samples,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const dir = mkdtempSync(join(tmpdir(), 'api-soak-'));
  writeFileSync(join(dir, 'probe.js'), PROBE);
  const pool = new Pool({ connectionString: config.database.url, max: 2 });
  const q = async <Row = any>(text: string, values: unknown[] = []) => (await pool.query(text, values)).rows as Row[];

  // The same bench users and requests as bench/api.bench.ts; tokens signed with the service's secret.
  // Longer than any run: the load sends the same token throughout.
  const users = benchUsers(pool, config, 6 * 3600);
  const benchUser = users.user;
  const tokenFor = users.token;
  const recruiterId = await benchUser('bench-recruiter@example.com', [Role.RECRUITER]);
  const recruiter = tokenFor(recruiterId);

  const [position] = await q<{ id: string }>(
    `select p.id from position p join application a on a.position_id = p.id
     where p.status = 'OPEN' group by p.id order by count(*) desc limit 1`,
  );
  if (!position) throw new Error('No open position with applications: run `npm run seed` (DEMO_DATA=true) first.');
  const [application] = await q<{ id: string }>(
    `select id from application where position_id = $1 and status = 'ACTIVE'
     and current_stage_id is not null order by created_at desc, id limit 1`,
    [position.id],
  );
  // An interview of the bench interviewer (tomorrow and later), scheduled through the service as
  // bench:api does when there is none yet.
  const interviewerId = await benchUser('bench-interviewer@example.com', [Role.INTERVIEWER]);
  const interviewer = tokenFor(interviewerId);
  const interviewOf = async () =>
    (
      await q<{ id: string; stage_id: string }>(
        `select i.id, i.stage_id from interview i join interview_panelist ip on ip.interview_id = i.id
         where ip.interviewer_id = $1 and i.status = 'SCHEDULED' order by i.starts_at desc limit 1`,
        [interviewerId],
      )
    )[0];
  let interview = await interviewOf();
  if (!interview) {
    await q(`insert into position_recruiter (position_id, user_id) values ($1, $2) on conflict do nothing`, [
      position.id,
      recruiterId,
    ]);
    const service = await startService(1, dir, -1);
    try {
      const startsAt = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 48 * 3_600_000);
      const response = await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${recruiter}` },
        body: JSON.stringify({
          query: `mutation ($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { interview { id } } }`,
          variables: {
            input: {
              applicationId: application!.id,
              interviewerIds: [interviewerId],
              startsAt: startsAt.toISOString(),
              endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
            },
          },
        }),
      });
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors) throw new Error(`Could not schedule the bench interview: ${JSON.stringify(body.errors)}`);
    } finally {
      await service.stop();
    }
    interview = (await interviewOf())!;
  }
  const { from, to } = await interviewerFixtures(pool, interviewerId);
  const [stat] = await q<{ applications: string; candidates: string }>(
    `select (select count(*) from application) as applications, (select count(*) from candidate) as candidates`,
  );

  const all: Case[] = [
    { name: 'me', query: `{ me { id email name roles } }`, variables: {}, token: interviewer },
    {
      name: 'myInterviews',
      query: `query ($from: DateTime, $to: DateTime) { myInterviews(from: $from, to: $to) { id status startsAt endsAt stage { id name } application { id candidate { name } } } }`,
      variables: { from: from.toISOString(), to: to.toISOString() },
      token: interviewer,
    },
    {
      name: 'myNotifications',
      query: `{ myNotifications { id kind subject body link readAt createdAt } }`,
      variables: {},
      token: interviewer,
    },
    {
      name: 'application',
      query: `query ($id: ID!) { application(id: $id) { id status version appliedAt candidate { id name } currentStage { id name } stageHistory { enteredAt exitedAt outcome stage { id name } } } }`,
      variables: { id: application!.id },
      token: recruiter,
    },
    {
      name: 'interviewKit',
      query: `query ($positionId: ID!, $stageId: ID!) { interviewKit(positionId: $positionId, stageId: $stageId) { position { id title } stage { id name kind durationMinutes focusAreas rubric { name scaleMin scaleMax } } } }`,
      variables: { positionId: position.id, stageId: interview.stage_id },
      token: interviewer,
    },
    {
      name: 'candidates',
      query: `query ($search: String) { candidates(search: $search, first: 20) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name email experienceLevel } } } }`,
      variables: { search: 'an' },
      token: recruiter,
    },
    {
      name: 'positions',
      query: `{ positions { id title plan { stages { id name kind } } } }`,
      variables: {},
      token: recruiter,
    },
    {
      name: 'position.applications',
      query: `query ($id: ID!) { position(id: $id) { applications(first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status appliedAt } } } } }`,
      variables: { id: position.id },
      token: recruiter,
    },
    {
      name: 'saveScorecard',
      query: `mutation ($input: SaveScorecardInput!) { saveScorecard(input: $input) { scorecard { id status notes } } }`,
      variables: { input: { interviewId: interview.id, ratings: [], notes: 'Bench notes' } },
      token: interviewer,
    },
  ];
  const cases = only === 'mix' ? all : all.filter((item) => item.name === only);
  if (!cases.length) throw new Error(`No case ${only}: one of mix, ${all.map((item) => item.name).join(', ')}.`);

  process.stdout.write(
    [
      `Machine: ${hostname()}, ${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${new Date().toISOString()}; load average at start ${loadAverage()}`,
      `Data: ${stat!.applications} applications, ${stat!.candidates} candidates. Service: ${entry === 'dist' ? 'dist/src/main.js' : 'src/main.ts (swc)'}, NODE_ENV=production, LOG_LEVEL=${process.env.LOG_LEVEL ?? 'warn'}; load from this process (autocannon, ${connections} connections, ${duration} s), case ${only === 'mix' ? `mix (${cases.map((item) => item.name).join(', ')}, in turn on each connection)` : only}; memory sampled every ${sampleMs / 1000} s in the service.`,
      '',
    ].join('\n') + '\n',
  );
  const rows: string[] = [];
  for (const [run, processes] of processCounts.entries()) {
    const service = await startService(processes, dir, run);
    try {
      for (const item of cases) {
        const response = await fetch(`${service.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${item.token}` },
          body: JSON.stringify({ query: item.query, variables: item.variables }),
        });
        const body = (await response.json()) as { errors?: unknown };
        if (body.errors) throw new Error(`${item.name} fails: ${JSON.stringify(body.errors).slice(0, 400)}`);
      }
      const servicePids = [...new Set(service.samples().map((line) => line.pid))];
      const cpuBefore = new Map(servicePids.map((pid) => [pid, cpuSeconds(pid)]));
      const ownCpuBefore = process.cpuUsage();
      const startedAt = Date.now();
      const loadStart = loadAverage();
      const snapshot = (label: string) => {
        const pids = [
          ...new Set(
            service
              .samples()
              .filter((line) => line.role === 'api')
              .map((line) => line.pid),
          ),
        ];
        for (const pid of pids) process.kill(pid, 'SIGUSR2');
        process.stderr.write(`heap snapshot (${label}) of ${pids.join(', ')} in ${dir}\n`);
      };
      const firstSnapshot = heapSnapshots
        ? setTimeout(() => snapshot('start'), Math.min(sampleMs + 2000, (duration * 1000) / 2))
        : null;
      const result = await new Promise<autocannon.Result>((resolve, reject) =>
        autocannon(
          {
            url: `${service.url}/graphql`,
            connections,
            duration,
            requests: cases.map((item) => ({
              method: 'POST' as const,
              path: '/graphql',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${item.token}` },
              body: JSON.stringify({ query: item.query, variables: item.variables }),
            })),
          },
          (error, done) => (error ? reject(error) : resolve(done)),
        ),
      );
      if (firstSnapshot) clearTimeout(firstSnapshot);
      const endedAt = Date.now();
      const ownCpu = process.cpuUsage(ownCpuBefore);
      const cpuOf = new Map(servicePids.map((pid) => [pid, cpuSeconds(pid) - cpuBefore.get(pid)!]));
      // One last sample of each process right at the end of the load.
      await new Promise((resolve) => setTimeout(resolve, Math.min(sampleMs, 11_000)));
      if (heapSnapshots) {
        snapshot('end');
        await new Promise((resolve) => setTimeout(resolve, 15_000));
      }
      const samples = service.samples().filter((line) => line.event === undefined);
      const failed = result.non2xx + result.errors + result.timeouts;
      // CPU time (user + system, from /proc) the service's processes and this load generator spent per request.
      const perRequest = (seconds: number) =>
        `${((seconds * 1000) / Math.max(1, result.requests.total)).toFixed(2)} ms`;
      const serviceCpu = [...cpuOf.values()].reduce((a, b) => a + b, 0);
      const primaryPid = service.samples().find((line) => line.role === 'primary')?.pid;
      const cpu =
        `service CPU ${perRequest(serviceCpu)} per request` +
        (primaryPid ? ` (of which the cluster's primary ${perRequest(cpuOf.get(primaryPid) ?? 0)})` : '') +
        `, ${((serviceCpu / ((endedAt - startedAt) / 1000)) * 100).toFixed(0)} % of a core; load generator ${perRequest((ownCpu.user + ownCpu.system) / 1e6)} per request`;
      rows.push(
        `| ${processes} | ${Math.round(result.requests.average).toLocaleString('en')} | ${result.latency.p50} ms | ${result.latency.p99} ms | ${result.requests.total.toLocaleString('en')}${failed ? ` (${failed} failed)` : ''} | ${perRequest(serviceCpu)} | ${((serviceCpu / ((endedAt - startedAt) / 1000)) * 100).toFixed(0)} % | ${loadStart} → ${loadAverage()} |`,
      );
      const pids = [...new Set(samples.map((line) => line.pid))];
      const heapLabel = liveHeap ? 'live heap (after a full GC)' : 'heap used';
      process.stdout.write(
        `\n### API_PROCESSES=${processes}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.requests.total} requests${failed ? `, ${failed} failed` : ''}; ${cpu}; load average ${loadStart} → ${loadAverage()}\n\n` +
          `| process | samples under load | RSS start | RSS end | RSS max | RSS slope | RSS slope, 2nd half | ${heapLabel} start | end | max | slope | slope, 2nd half |\n` +
          '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n',
      );
      const series: string[] = [];
      for (const pid of pids) {
        const own = samples.filter((line) => line.pid === pid && line.at >= startedAt && line.at <= endedAt + sampleMs);
        if (!own.length) continue;
        const mib = (value: number) => `${(value / MiB).toFixed(1)} MiB`;
        const rss = own.map((line) => ({ at: line.at, value: line.rss }));
        const heap = own.map((line) => ({ at: line.at, value: line.liveHeap ?? line.heapUsed }));
        const max = (points: typeof rss) => Math.max(...points.map((point) => point.value));
        const perMinute = (points: typeof rss) => `${slope(points).toFixed(2)} MiB/min`;
        const secondHalf = (points: typeof rss) => points.filter((point) => point.at >= (startedAt + endedAt) / 2);
        process.stdout.write(
          `| ${own[0]!.role} ${pid} | ${own.length} | ${mib(rss[0]!.value)} | ${mib(rss.at(-1)!.value)} | ${mib(max(rss))} | ${perMinute(rss)} | ${perMinute(secondHalf(rss))} | ${mib(heap[0]!.value)} | ${mib(heap.at(-1)!.value)} | ${mib(max(heap))} | ${perMinute(heap)} | ${perMinute(secondHalf(heap))} |\n`,
        );
        const round = (points: typeof rss) => points.map((point) => Math.round(point.value / MiB)).join(' ');
        series.push(
          `${own[0]!.role} ${pid}, RSS (MiB): ${round(rss)}`,
          `${own[0]!.role} ${pid}, ${heapLabel} (MiB): ${round(heap)}`,
        );
      }
      process.stdout.write(
        `\nEvery ${sampleMs / 1000} s under load:\n\n${series.map((line) => `- ${line}`).join('\n')}\n`,
      );
      writeFileSync(join(dir, `samples-${run}.json`), JSON.stringify({ processes, startedAt, endedAt, samples }));
    } finally {
      await service.stop();
    }
  }
  process.stdout.write(
    '\n| API_PROCESSES | req/s | p50 | p99 | requests | service CPU per request | service CPU (of one core) | load average (start → end) |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n' +
      rows.join('\n') +
      `\n\nSamples: ${dir}\n`,
  );
  await pool.end();
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

// Interview reminder benchmark: run on demand, never in `npm test`.
//   npm run bench:reminders -- [--n 100000] [--spread 180 | --burst] [--lead S] [--noop-jobs M]
//     [--redis-ops R] [--database-url postgres://…/ip_bench_reminders] [--drain-timeout 600] [--workers K]
//     [--mail-ceiling M]
// Recreates a dedicated database (drop + create + migrate), seeds N scheduled interviews with two
// panelists each whose reminders fall due evenly over `--spread` seconds, enqueues the reminders
// through the real InterviewReminders.rebuildInterviewReminders(), runs the real worker (every
// processor, the outbox relay, pooled SMTP) against a local SMTP sink (bench/smtp-sink.ts, a child
// process of its own so it never takes the worker's event loop), and measures lateness (sent
// minus due) and throughput. Then, on the same Redis with the same concurrency: BullMQ no-op job
// throughput and raw Redis LPUSH/BRPOP throughput, and the e-mail ceiling: the product's
// MailTransport alone (nodemailer, the same pool) sending the reminder's three rendered mails to a
// fresh sink with nothing else running (`--mail-ceiling M` mails, 0 to skip). Everything in Redis lives under a prefix of its
// own, removed at the end (never FLUSHDB). Progress goes to stderr, the Markdown summary to stdout.
import 'reflect-metadata';
import { cpus, loadavg, totalmem } from 'node:os';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { loadConfig, type AppConfig } from '../src/config/app-config';
import { main as seedSynthetic } from '../src/cli/seed-synthetic';
import { InterviewReminders } from '../src/modules/scheduling';
import { MailTransport, renderCandidateMail, renderNotificationMail, type OutgoingMail } from '../src/modules/mail';
import { createWorkerApp } from '../src/worker';
import { recreateBenchDatabase } from './bench-client';

const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) || fallback : fallback;
};
const textOption = (name: string, fallback: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
};

const N = option('--n', 100_000);
/** `--burst`: every reminder falls due at the same moment (capacity, apart from the offered rate). */
const BURST = process.argv.includes('--burst');
const SPREAD_S = BURST ? 0 : option('--spread', 180);
/**
 * Seconds from the start of the bulk copy of the N interviews to the first due reminder: time to
 * copy them, start the worker and enqueue every job first (on a loaded 2-core machine 100,000 took
 * 224 s to copy and 132 s to enqueue). If the first reminder is due before enqueueing ended, the
 * summary says so: the lateness figures then include enqueueing.
 */
const LEAD_S = option('--lead', Math.ceil(30 + N / 250));
const NOOP_JOBS = option('--noop-jobs', Math.min(N, 50_000));
const REDIS_OPS = option('--redis-ops', Math.min(N * 2, 200_000));
const DRAIN_TIMEOUT_S = option('--drain-timeout', 900);
/** Worker processes: the bench's own and K - 1 children (bench/reminder-worker.ts) on the same queues. */
const WORKERS = Math.max(1, Math.floor(option('--workers', 1)));
/** Reminder offset: long enough that a late reminder is never skipped as "interview started". */
const OFFSET_MS = 3_600_000;
const PANELISTS = 2;
/** Mails of the e-mail ceiling (`--mail-ceiling M`; 0 skips it): by default a reminder's worth each, at most 30,000. */
const MAIL_CEILING = Math.max(
  0,
  Math.floor(Number(textOption('--mail-ceiling', String(Math.min(N * (1 + PANELISTS), 30_000))))),
);
const DATABASE_URL = textOption('--database-url', 'postgres://postgres@127.0.0.1:5432/ip_bench_reminders');
const PREFIX = `bench-reminders-${process.pid}`;

const log = (line: string) => process.stderr.write(`[${new Date().toISOString()}] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const perSecond = (count: number, ms: number) => Math.round((count * 1000) / ms);

/**
 * The local SMTP sink (bench/smtp-sink.ts) in a child process of its own: it accepts everything
 * over plain connections and only counts messages; `received()` asks it for the count.
 */
async function startSink(): Promise<{
  url: string;
  received: () => Promise<number>;
  cpuMs: () => number;
  close: () => Promise<void>;
}> {
  // The same loader as this process (@swc-node/register), without this process's --cpu-prof flags.
  const child = fork(join(__dirname, 'smtp-sink.ts'), [], {
    execArgv: ['-r', '@swc-node/register'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the SMTP sink exited with ${code}`)));
    child.on('message', (message: { type: string; port?: number }) => {
      if (message.type === 'listening') resolve(message.port!);
    });
  });
  child.removeAllListeners('exit');
  let last = 0;
  let lastCpuMs = 0;
  const received = () =>
    new Promise<number>((resolve) => {
      if (!child.connected) return resolve(last);
      const onMessage = (message: { type: string; received?: number; cpuMs?: number }) => {
        if (message.type !== 'count') return;
        child.off('message', onMessage);
        last = message.received!;
        lastCpuMs = message.cpuMs!;
        resolve(last);
      };
      child.on('message', onMessage);
      child.send({ type: 'count' });
    });
  const close = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.send({ type: 'close' });
    });
  return { url: `smtp://127.0.0.1:${port}`, received, cpuMs: () => lastCpuMs, close };
}

/** K - 1 extra worker processes (bench/reminder-worker.ts) on the same configuration. */
async function startExtraWorkers(config: AppConfig, count: number) {
  const children = await Promise.all(
    Array.from({ length: count }, async () => {
      const child = fork(join(__dirname, 'reminder-worker.ts'), [], {
        execArgv: ['-r', '@swc-node/register'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      const ask = <T>(type: string, answer: string, extra: object = {}) =>
        new Promise<T>((resolve, reject) => {
          const onExit = (code: number) => reject(new Error(`an extra worker exited with ${code}`));
          child.once('exit', onExit);
          const onMessage = (message: { type: string } & T) => {
            if (message.type !== answer) return;
            child.off('message', onMessage);
            child.off('exit', onExit);
            resolve(message);
          };
          child.on('message', onMessage);
          child.send({ type, ...extra });
        });
      await ask('start', 'started', { config });
      return {
        cpuMs: async () => (await ask<{ cpuMs: number }>('cpu', 'cpu')).cpuMs,
        close: () => ask('close', 'closed'),
      };
    }),
  );
  return {
    cpuMs: async () => (await Promise.all(children.map((child) => child.cpuMs()))).reduce((a, b) => a + b, 0),
    close: async () => void (await Promise.all(children.map((child) => child.close()))),
  };
}

/**
 * A tiny synthetic history gives valid rows to copy; its interview is cloned N times (all on one
 * application; a reminder reads only the interview, its panel, candidate, position and stage).
 * Returns the time of the first due reminder.
 */
async function seed(pg: Client): Promise<Date> {
  // The synthetic generator writes with triggers off; the one that fills interview.candidate_id
  // from the application must still run (in this throw-away database only).
  await pg.query(`alter table interview enable always trigger interview_candidate_from_application`);
  const out = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => process.stderr.write(chunk)) as typeof process.stdout.write;
  try {
    await seedSynthetic(['--applications', '20', '--seed', '11', '--database-url', DATABASE_URL]);
  } finally {
    process.stdout.write = out;
  }
  // Nothing from the synthetic history may compete with the measured reminders.
  await pg.query(`update interview set status = 'COMPLETED' where status = 'SCHEDULED'`);
  const template = await pg.query<{ id: string; application_id: string; candidate_id: string }>(
    `select i.id, i.application_id, a.candidate_id from interview i join application a on a.id = i.application_id
       join candidate c on c.id = a.candidate_id where c.erased_at is null order by i.id limit 1`,
  );
  const panelist = await pg.query<{ id: string }>(`select id from interview_panelist order by id limit 1`);
  const interviewers = await pg.query<{ id: string }>(
    `select distinct interviewer_id as id from interview_panelist order by 1`,
  );
  if (!template.rowCount || !panelist.rowCount || interviewers.rowCount! < PANELISTS)
    throw new Error('the synthetic history has no interview or too few interviewers to copy');
  const firstDue = new Date(Date.now() + LEAD_S * 1000);
  // One candidate and application per interview: a candidate may not be double-booked.
  await pg.query(
    `create table bench_reminder as
     select gen_random_uuid() as interview_id, gen_random_uuid() as application_id,
            gen_random_uuid() as candidate_id, k,
            $1::timestamptz + make_interval(secs => k * $2::float8) as due
     from generate_series(0, $3::int - 1) k`,
    [firstDue.toISOString(), SPREAD_S / N, N],
  );
  await pg.query(`alter table bench_reminder add primary key (interview_id)`);
  const { id: interviewId, application_id: applicationId, candidate_id: candidateId } = template.rows[0]!;
  await pg.query('set session_replication_role = replica'); // bulk copy: skip the analytics triggers
  await pg.query(
    `insert into candidate
     select (jsonb_populate_record(null::candidate, to_jsonb(c) || jsonb_build_object(
       'id', b.candidate_id, 'email', 'bench-' || b.k || '@reminders.test', 'name', 'Bench Candidate ' || b.k))).*
     from candidate c, bench_reminder b where c.id = $1`,
    [candidateId],
  );
  await pg.query(
    `insert into application
     select (jsonb_populate_record(null::application, to_jsonb(a) || jsonb_build_object(
       'id', b.application_id, 'candidate_id', b.candidate_id, 'status', 'ACTIVE'))).*
     from application a, bench_reminder b where a.id = $1`,
    [applicationId],
  );
  await pg.query(
    `insert into interview
     select (jsonb_populate_record(null::interview, to_jsonb(t) || jsonb_build_object(
       'id', b.interview_id, 'application_id', b.application_id, 'candidate_id', b.candidate_id,
       'status', 'SCHEDULED', 'sequence', 0, 'created_at', now(), 'updated_at', now(),
       'starts_at', b.due + make_interval(secs => $2::float8),
       'ends_at', b.due + make_interval(secs => $2::float8 + 3600)))).*
     from interview t, bench_reminder b where t.id = $1`,
    [interviewId, OFFSET_MS / 1000],
  );
  const ids = interviewers.rows.map((row) => row.id);
  await pg.query(
    `insert into interview_panelist
     select (jsonb_populate_record(null::interview_panelist, to_jsonb(p) || jsonb_build_object(
       'id', gen_random_uuid(), 'interview_id', b.interview_id,
       'interviewer_id', ($2::uuid[])[1 + (b.k + s) % array_length($2::uuid[], 1)],
       'starts_at', i.starts_at, 'ends_at', i.ends_at, 'created_at', now(), 'updated_at', now()))).*
     from interview_panelist p, bench_reminder b join interview i on i.id = b.interview_id,
          generate_series(0, $3::int - 1) s
     where p.id = $1`,
    [panelist.rows[0]!.id, ids, PANELISTS],
  );
  await pg.query('set session_replication_role = origin');
  await pg.query('analyze');
  return firstDue;
}

/** Every bench reminder with when it was due, notified (rows written) and fully mailed. */
const OUTCOME_SQL = `
  with n as (
    select b.interview_id, b.due, max(nt.created_at) as notified, array_agg('notification.' || nt.id) as keys
    from bench_reminder b join notification nt on nt.link = b.interview_id::text and nt.kind = 'INTERVIEW_REMINDER'
    group by b.interview_id, b.due),
  k as (
    select interview_id, due, notified,
           keys || ('candidate.REMINDER.' || interview_id || '.0.' || $1::int || 's') as keys from n)
  select k.interview_id, extract(epoch from k.due) * 1000 as due, extract(epoch from k.notified) * 1000 as notified,
         extract(epoch from max(d.sent_at)) * 1000 as mailed, count(d.sent_at)::int as mails
  from k left join mail_delivery d on d.key = any(k.keys) group by k.interview_id, k.due, k.notified`;

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function measureReminders(config: AppConfig, pg: Client) {
  const sink = await startSink();
  const workerConfig: AppConfig = {
    ...config,
    logLevel: 'warn',
    redis: { ...config.redis, queuePrefix: PREFIX },
    mail: { ...config.mail, smtpUrl: sink.url },
    jobs: { ...config.jobs, reminderOffsetsMs: [OFFSET_MS] },
  };
  const worker = await createWorkerApp(workerConfig);
  await worker.init();
  const enqueueStarted = Date.now();
  const pending = await worker.get(InterviewReminders, { strict: false }).rebuildInterviewReminders();
  const enqueueMs = Date.now() - enqueueStarted;
  const extra = await startExtraWorkers(workerConfig, WORKERS - 1);
  // CPU time of this process (the worker; also the bench's own polling) and of the sink from here
  // on: on a shared machine, CPU per reminder says more than wall-clock rates do.
  const cpuAtStart = process.cpuUsage();
  await sink.received();
  const sinkCpuAtStart = sink.cpuMs();
  const firstDue = Number(
    (await pg.query(`select extract(epoch from min(due)) * 1000 as t from bench_reminder`)).rows[0].t,
  );
  log(
    `enqueued ${pending} reminders in ${(enqueueMs / 1000).toFixed(1)} s (${perSecond(pending, enqueueMs)}/s); first due in ${((firstDue - Date.now()) / 1000).toFixed(1)} s`,
  );
  const leadShortS = Math.max(0, (Date.now() - firstDue) / 1000);
  if (leadShortS > 0) log(`WARNING: the first reminder fell due ${leadShortS.toFixed(1)} s before enqueueing ended`);
  const expectedMails = N * (1 + PANELISTS);
  const deadline = firstDue + SPREAD_S * 1000 + DRAIN_TIMEOUT_S * 1000;
  let lastCount = -1;
  let lastChange = Date.now();
  for (;;) {
    await sleep(2000);
    const count = await sink.received();
    if (count !== lastCount) {
      lastCount = count;
      lastChange = Date.now();
      log(`mails at the sink: ${count}/${expectedMails}`);
    }
    if (count >= expectedMails) break;
    if (Date.now() > deadline || (Date.now() > firstDue + SPREAD_S * 1000 && Date.now() - lastChange > 60_000)) {
      log('stopped waiting: time limit or no progress for 60 s');
      break;
    }
  }
  const loadAtEnd = loadavg();
  const stoppedAt = Date.now();
  const sinkReceived = await sink.received();
  const cpu = process.cpuUsage(cpuAtStart);
  const workerCpuMs = (cpu.user + cpu.system) / 1000 + (await extra.cpuMs());
  const sinkCpuMs = sink.cpuMs() - sinkCpuAtStart;
  await extra.close();
  await worker.close();
  await sink.close();
  const rows = (
    await pg.query<{ due: number; notified: number; mailed: number; mails: number }>(OUTCOME_SQL, [OFFSET_MS / 1000])
  ).rows.map((row) => ({
    due: Number(row.due),
    notified: Number(row.notified),
    mailed: Number(row.mailed),
    mails: row.mails,
  }));
  // A reminder not (fully) delivered when waiting stopped counts as infinitely late, so that the
  // percentiles cover all N reminders, not just the ones that made it.
  const complete = rows.filter((row) => row.mails === 1 + PANELISTS);
  const missing = (count: number) => Array.from({ length: N - count }, () => Infinity);
  const notifyLate = [...rows.map((row) => row.notified - row.due), ...missing(rows.length)].sort((a, b) => a - b);
  const mailLate = [...complete.map((row) => row.mailed - row.due), ...missing(complete.length)].sort((a, b) => a - b);
  // The window ends at the last e-mail, or when waiting stopped if some reminders never completed.
  const windowMs = (complete.length === N ? Math.max(...complete.map((row) => row.mailed)) : stoppedAt) - firstDue;
  return {
    enqueueMs,
    pending,
    notified: rows.length,
    complete: complete.length,
    sinkReceived,
    workerCpuMs,
    sinkCpuMs,
    leadShortS,
    expectedMails,
    notifyP50: percentile(notifyLate, 50),
    notifyP99: percentile(notifyLate, 99),
    mailP50: percentile(mailLate, 50),
    mailP99: percentile(mailLate, 99),
    mailMax: mailLate.at(-1) ?? NaN,
    windowMs,
    throughput: (complete.length * 1000) / windowMs,
    offered: SPREAD_S > 0 ? N / SPREAD_S : Infinity,
    loadAtEnd,
  };
}

/** BullMQ with a processor that does nothing: same Redis, same job options, same concurrency. */
async function measureNoop(
  config: AppConfig,
): Promise<{ jobs: number; ms: number; perSecond: number; cpuMsPerJob: number }> {
  const connection = { url: config.redis.url, maxRetriesPerRequest: null };
  const queue = new Queue('bench-noop', {
    connection,
    prefix: PREFIX,
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });
  for (let start = 0; start < NOOP_JOBS; start += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, NOOP_JOBS - start) }, (_, i) => ({
        name: 'noop',
        data: { id: `00000000-0000-4000-8000-${String(start + i).padStart(12, '0')}` },
      })),
    );
  }
  let done = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const started = Date.now();
  const cpuAtStart = process.cpuUsage();
  const worker = new Worker('bench-noop', async () => undefined, {
    connection,
    prefix: PREFIX,
    concurrency: config.worker.concurrency,
  });
  worker.on('completed', () => {
    done += 1;
    if (done === NOOP_JOBS) finish();
  });
  await finished;
  const ms = Date.now() - started;
  const cpu = process.cpuUsage(cpuAtStart);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return {
    jobs: NOOP_JOBS,
    ms,
    perSecond: perSecond(NOOP_JOBS, ms),
    cpuMsPerJob: (cpu.user + cpu.system) / 1000 / NOOP_JOBS,
  };
}

/** Raw Redis: pipelined LPUSH of R items, then `concurrency` connections BRPOP them all. */
async function measureRawRedis(config: AppConfig) {
  const key = `${PREFIX}:raw-list`;
  const producer = new Redis(config.redis.url);
  const pushStarted = Date.now();
  for (let start = 0; start < REDIS_OPS; start += 1000) {
    const pipeline = producer.pipeline();
    for (let i = start; i < Math.min(REDIS_OPS, start + 1000); i += 1) pipeline.lpush(key, `{"id":${i}}`);
    await pipeline.exec();
  }
  const pushMs = Date.now() - pushStarted;
  let popped = 0;
  const consumers = Array.from({ length: config.worker.concurrency }, () => new Redis(config.redis.url));
  const popStarted = Date.now();
  await Promise.all(
    consumers.map(async (consumer) => {
      while (popped < REDIS_OPS) {
        const item = await consumer.brpop(key, 1);
        if (item) popped += 1;
      }
    }),
  );
  const popMs = Date.now() - popStarted;
  await producer.del(key);
  await Promise.all([producer, ...consumers].map((client) => client.quit()));
  return { ops: REDIS_OPS, pushPerSecond: perSecond(REDIS_OPS, pushMs), popPerSecond: perSecond(REDIS_OPS, popMs) };
}

/**
 * The e-mail ceiling: the product's MailTransport (MailComposer + nodemailer's pooled SMTP, the same
 * pool settings) sending M mails to a fresh sink, `mailConcurrency` in flight, with no database, no
 * queue and no template lookups: what e-mail alone allows this process, whatever the rest costs.
 * The mails are a reminder's three, rendered by the product's templates.
 */
async function measureMailCeiling(
  config: AppConfig,
): Promise<{ mails: number; perSecond: number; cpuMsPerMail: number }> {
  const sink = await startSink();
  const transport = new MailTransport({ ...config, mail: { ...config.mail, smtpUrl: sink.url } });
  const startsAt = new Date(Date.now() + OFFSET_MS);
  const endsAt = new Date(startsAt.getTime() + 3_600_000);
  const panelist = (index: number): OutgoingMail => ({
    to: { name: `Panelist ${index}`, address: `panelist-${index}@bench.example` },
    recipientLabel: `user ${index}`,
    ...renderNotificationMail('INTERVIEW_REMINDER', {
      recipientName: `Panelist ${index}`,
      subject: 'Interview with Bench Candidate tomorrow',
      body: `Technical interview for Backend Developer at ${startsAt.toISOString()}.`,
      url: `${config.http.publicUrl}/interviews/00000000-0000-4000-8000-000000000000`,
    }),
  });
  const candidate: OutgoingMail = {
    to: { name: 'Bench Candidate', address: 'candidate@bench.example' },
    recipientLabel: 'candidate 1',
    ...renderCandidateMail('REMINDER', {
      candidateName: 'Bench Candidate',
      positionTitle: 'Backend Developer',
      stageName: 'Technical interview',
      startsAt,
      endsAt,
      location: null,
      senderName: config.mail.from.name,
    }),
  };
  const mails = [panelist(1), panelist(2), candidate];
  // Warm the pool's connections first, so the run measures sending, not connecting.
  await Promise.all(mails.map((mail) => transport.send(mail)));
  let next = 0;
  const started = Date.now();
  const cpuAtStart = process.cpuUsage();
  await Promise.all(
    Array.from({ length: config.worker.mailConcurrency }, async () => {
      while (next < MAIL_CEILING) {
        const mail = mails[next % mails.length]!;
        next += 1;
        await transport.send(mail);
      }
    }),
  );
  const ms = Date.now() - started;
  const cpu = process.cpuUsage(cpuAtStart);
  transport.onApplicationShutdown();
  await sink.close();
  return {
    mails: MAIL_CEILING,
    perSecond: perSecond(MAIL_CEILING, ms),
    cpuMsPerMail: (cpu.user + cpu.system) / 1000 / MAIL_CEILING,
  };
}

async function removePrefix(url: string): Promise<number> {
  const redis = new Redis(url);
  let removed = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) removed += await redis.unlink(...keys);
  } while (cursor !== '0');
  await redis.quit();
  return removed;
}

async function main(): Promise<void> {
  const config = { ...loadConfig({ ...process.env, DATABASE_URL }) };
  const loadAtStart = loadavg();
  const startedAt = new Date();
  log(
    `N=${N}, spread ${SPREAD_S} s, lead ${LEAD_S} s, database ${new URL(DATABASE_URL).pathname.slice(1)}, prefix ${PREFIX}`,
  );
  await recreateBenchDatabase(config);
  const pg = new Client({ connectionString: DATABASE_URL });
  await pg.connect();
  try {
    const seedStarted = Date.now();
    await seed(pg);
    log(`seeded ${N} interviews in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);
    const reminders = await measureReminders(config, pg);
    log(`reminders: ${reminders.complete}/${N} complete`);
    const noop = await measureNoop(config);
    log(`BullMQ no-op: ${noop.perSecond}/s`);
    const raw = await measureRawRedis(config);
    log(`raw Redis: LPUSH ${raw.pushPerSecond}/s, BRPOP ${raw.popPerSecond}/s`);
    const ceiling = MAIL_CEILING > 0 ? await measureMailCeiling(config) : null;
    if (ceiling) log(`e-mail ceiling: ${ceiling.perSecond} mails/s`);
    const ratio = reminders.throughput / noop.perSecond;
    const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'not delivered');
    const fmt = (value: number) => Math.round(value).toLocaleString('en-US');
    [
      `Run: ${startedAt.toISOString()}; ${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}`,
      `Load average (1/5/15 min): at start ${loadAtStart.map((v) => v.toFixed(2)).join(' / ')}, after the reminders ${reminders.loadAtEnd.map((v) => v.toFixed(2)).join(' / ')}`,
      `Command: npm run bench:reminders -- ${process.argv.slice(2).join(' ')}`.trimEnd(),
      `N=${fmt(N)} interviews x ${PANELISTS} panelists, ${BURST ? 'all due at the same moment (burst)' : `due evenly over ${SPREAD_S} s (offered ${fmt(reminders.offered)}/s)`}; ${WORKERS} worker process${WORKERS > 1 ? 'es' : ''}, each with an SMTP pool of ${config.mail.pool.maxConnections} connections x ${config.mail.pool.maxMessages} messages; worker concurrency ${config.worker.concurrency} per queue (interview-reminders ${config.worker.interviewReminderConcurrency}, mail ${config.worker.mailConcurrency}), OUTBOX_POLL_MS ${config.outboxPollMs}`,
      ...(reminders.leadShortS > 0
        ? [
            `WARNING: the first reminder fell due ${reminders.leadShortS.toFixed(1)} s before enqueueing ended (raise --lead); lateness includes that.`,
          ]
        : []),
      '',
      '| figure | value |',
      '| --- | ---: |',
      `| enqueue (rebuildInterviewReminders) | ${fmt(reminders.pending)} jobs in ${(reminders.enqueueMs / 1000).toFixed(1)} s (${fmt(perSecond(reminders.pending, reminders.enqueueMs))}/s) |`,
      `| reminders with notification rows | ${fmt(reminders.notified)} / ${fmt(N)} |`,
      `| reminders fully delivered (notifications + ${1 + PANELISTS} e-mails) | ${fmt(reminders.complete)} / ${fmt(N)} |`,
      `| e-mails accepted by the sink | ${fmt(reminders.sinkReceived)} / ${fmt(reminders.expectedMails)} |`,
      `| lateness to notification rows, p50 / p99 | ${ms(reminders.notifyP50)} / ${ms(reminders.notifyP99)} |`,
      `| lateness to the last e-mail sent, p50 / p99 / max | ${ms(reminders.mailP50)} / ${ms(reminders.mailP99)} / ${ms(reminders.mailMax)} |`,
      `| reminder throughput (first due to last e-mail, or to the end of waiting) | ${reminders.throughput.toFixed(1)}/s |`,
      `| CPU of the worker process${WORKERS > 1 ? 'es (together)' : ''} per delivered reminder (sink process apart) | ${(reminders.workerCpuMs / Math.max(1, reminders.complete)).toFixed(2)} ms (sink ${(reminders.sinkCpuMs / Math.max(1, reminders.complete)).toFixed(2)} ms) |`,
      `| BullMQ no-op jobs (${fmt(noop.jobs)}, concurrency ${config.worker.concurrency}) | ${fmt(noop.perSecond)}/s (CPU ${noop.cpuMsPerJob.toFixed(2)} ms per job in this process) |`,
      `| raw Redis LPUSH (pipelined) / BRPOP (${config.worker.concurrency} connections), ${fmt(raw.ops)} items | ${fmt(raw.pushPerSecond)}/s / ${fmt(raw.popPerSecond)}/s |`,
      ...(ceiling
        ? [
            `| e-mail alone: MailTransport to a fresh sink, ${fmt(ceiling.mails)} rendered reminder mails, ${config.worker.mailConcurrency} in flight | ${fmt(ceiling.perSecond)} mails/s (CPU ${ceiling.cpuMsPerMail.toFixed(2)} ms per mail), so at most ${fmt(ceiling.perSecond / (1 + PANELISTS))} reminders/s |`,
            `| that ceiling / no-op throughput | ${(ceiling.perSecond / (1 + PANELISTS) / noop.perSecond).toFixed(3)} |`,
          ]
        : []),
      `| reminder / no-op throughput (target >= 0.5) | ${ratio.toFixed(3)} ${ratio >= 0.5 ? 'met' : 'NOT met'} |`,
      `| p99 lateness to the last e-mail (target < 1 s) | ${ms(reminders.mailP99)} ${reminders.mailP99 < 1000 ? 'met' : 'NOT met'} |`,
    ].forEach((line) => process.stdout.write(`${line}\n`));
  } finally {
    await pg.end();
    log(`removed ${await removePrefix(config.redis.url)} Redis keys under ${PREFIX}:`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`reminders bench failed: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);

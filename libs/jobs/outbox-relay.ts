import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Queue } from 'bullmq';
import { Client } from 'pg';
import { JOB_QUEUE, type JobName, type QueueName } from './job-names';

export const OUTBOX_POLL_MS = Symbol('OUTBOX_POLL_MS');

/** The channel a trigger on outbox_message notifies when a transaction that inserted rows commits. */
export const OUTBOX_CHANNEL = 'outbox_message';

/** BullMQ's connection waits for Redis forever; the relay gives up sooner so it never holds row locks long. */
const REDIS_TIMEOUT_MS = 5000;
/** Messages relayed per pass (one transaction); a full pass is followed by the next at once. */
const RELAY_BATCH = 500;
/** Pause before listening again after the LISTEN connection failed (polling goes on meanwhile). */
const RELISTEN_MS = 1000;

interface PendingMessage {
  id: string;
  job_name: JobName;
  job_id: string;
  payload: object;
  run_at: Date | null;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Copies committed outbox messages to BullMQ, oldest first. Several relays (one per worker process)
 * may run at once: `FOR UPDATE SKIP LOCKED` hands each message to one of them. A message is marked
 * relayed only after Redis accepted the job, so Redis being down delays jobs but never loses one.
 *
 * A pass starts as soon as a transaction that wrote outbox rows commits (PostgreSQL NOTIFY on
 * OUTBOX_CHANNEL, sent by a trigger at commit), and otherwise every OUTBOX_POLL_MS, which also
 * covers a lost LISTEN connection. Each pass adds its jobs with one pipelined `addBulk` per queue.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  /** A NOTIFY arrived during a pass: run another right after it. */
  private wakeRequested = false;
  private listener: Client | null = null;
  private relisten: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Relays up to `limit` pending messages; returns how many were marked relayed. */
  async relayPending(limit = RELAY_BATCH): Promise<number> {
    return (this.orm.em.fork() as EntityManager).transactional(async (em) => {
      const messages = await em.execute<PendingMessage[]>(
        `select id, job_name, job_id, payload, run_at from outbox_message
          where relayed_at is null order by id limit ? for update skip locked`,
        [limit],
      );
      const byQueue = new Map<QueueName, PendingMessage[]>();
      for (const message of messages) {
        const name = JOB_QUEUE[message.job_name];
        byQueue.set(name, [...(byQueue.get(name) ?? []), message]);
      }
      // Filled as jobs are accepted, so a pass that runs out of time keeps what it did.
      const done: string[] = [];
      for (const [name, queued] of byQueue) {
        try {
          await withTimeout(this.addToQueue(this.queue(name), queued, done), REDIS_TIMEOUT_MS);
        } catch (error) {
          // Redis is unreachable or slow: keep what was relayed so far, retry the rest on the next pass.
          this.logger.warn(`Outbox relay paused: ${(error as Error).message}`);
          break;
        }
      }
      const relayed = [...done];
      if (relayed.length) {
        await em.execute(`update outbox_message set relayed_at = now() where id in (?)`, [relayed]);
      }
      return relayed.length;
    });
  }

  /**
   * Adds the messages' jobs to one queue, pushing the ids of the messages done onto `done` as it
   * goes. A waiting or finished job with the same id is replaced, an active one is left to finish
   * (its message stays pending and is tried again on a later pass). Of several messages with one
   * job id, the newest wins, as if each had replaced the one before.
   */
  private async addToQueue(queue: Queue, messages: readonly PendingMessage[], done: string[]): Promise<void> {
    const newest = new Map<string, PendingMessage>();
    const messageIds = new Map<string, string[]>();
    for (const message of messages) {
      newest.set(message.job_id, message);
      messageIds.set(message.job_id, [...(messageIds.get(message.job_id) ?? []), message.id]);
    }
    const now = Date.now();
    const options = (message: PendingMessage) => ({
      jobId: message.job_id,
      delay: message.run_at ? Math.max(0, new Date(message.run_at).getTime() - now) : undefined,
    });
    // One round trip tells which ids exist. The others go in one pipelined addBulk; only the
    // existing ones (a moved interview's reminder, a job added again after Redis lost its outcome)
    // pay for a look at the job, one by one, so a slow pass still gets somewhere.
    const client = await queue.backend.client;
    const probe = client.pipeline();
    for (const jobId of newest.keys()) probe.runCommand('exists', [queue.toKey(jobId)]);
    const exists = (await probe.exec()) ?? [];
    const fresh: PendingMessage[] = [];
    const existing: PendingMessage[] = [];
    [...newest.values()].forEach((message, index) => {
      const [error, found] = exists[index] ?? [null, 0];
      if (error) throw error;
      (found ? existing : fresh).push(message);
    });
    if (fresh.length) {
      await queue.addBulk(
        fresh.map((message) => ({ name: message.job_name, data: message.payload, opts: options(message) })),
      );
      for (const message of fresh) done.push(...messageIds.get(message.job_id)!);
    }
    for (const message of existing) {
      const job = await queue.getJob(message.job_id);
      if (job) {
        if (await job.isActive()) continue;
        await job.remove();
      }
      await queue.add(message.job_name, message.payload, options(message));
      done.push(...messageIds.get(message.job_id)!);
    }
  }

  private queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.timer = setTimeout(() => void this.tick(), 0);
    void this.listen();
  }

  /** One pass, then the next: at once after a full pass or a NOTIFY during it, else after OUTBOX_POLL_MS. */
  private async tick(): Promise<void> {
    this.timer = null;
    if (this.stopped) return;
    this.wakeRequested = false;
    let relayed = 0;
    this.running = this.relayPending(RELAY_BATCH).then(
      (count) => {
        relayed = count;
      },
      (error: unknown) => {
        this.logger.warn(`Outbox relay will retry: ${(error as Error).message}`);
      },
    );
    await this.running;
    this.running = null;
    if (this.stopped) return;
    const pollMs = this.moduleRef.get<number>(OUTBOX_POLL_MS, { strict: false });
    const again = relayed >= RELAY_BATCH || this.wakeRequested;
    this.timer = setTimeout(() => void this.tick(), again ? 0 : pollMs);
  }

  /** New committed messages: relay now, or right after the pass in progress. */
  private wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wakeRequested = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), 0);
  }

  /** LISTENs on a connection of its own; on any failure it tries again later, polling meanwhile. */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.orm.config.get('clientUrl') });
    this.listener = client;
    const retry = (error?: Error) => {
      if (error) this.logger.warn(`Outbox LISTEN connection lost, polling until it is back: ${error.message}`);
      client.removeAllListeners();
      client.on('error', () => undefined);
      void client.end().catch(() => undefined);
      if (this.listener === client) this.listener = null;
      if (!this.stopped && !this.relisten) {
        this.relisten = setTimeout(() => {
          this.relisten = null;
          void this.listen();
        }, RELISTEN_MS);
      }
    };
    client.on('error', retry);
    client.on('end', () => retry(this.stopped ? undefined : new Error('connection ended')));
    client.on('notification', () => this.wake());
    try {
      await client.connect();
      await client.query(`listen ${OUTBOX_CHANNEL}`);
      // Rows committed while not listening are found by this pass.
      this.wake();
    } catch (error) {
      retry(error as Error);
    }
  }

  /** Before MikroORM closes its pool (in onApplicationShutdown): the last relay pass needs it. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.relisten) clearTimeout(this.relisten);
    const listener = this.listener;
    this.listener = null;
    if (listener) {
      listener.removeAllListeners();
      listener.on('error', () => undefined);
      await listener.end().catch(() => undefined);
    }
    await this.running;
  }
}

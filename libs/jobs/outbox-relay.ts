import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { LockMode, MikroORM } from '@mikro-orm/core';
import type { Queue } from 'bullmq';
import { OutboxMessage } from './outbox-message.entity';
import { JOB_QUEUE, type QueueName } from './job-names';

export const OUTBOX_POLL_MS = Symbol('OUTBOX_POLL_MS');

/** BullMQ's connection waits for Redis forever; the relay gives up sooner so it never holds row locks long. */
const REDIS_TIMEOUT_MS = 5000;
/** Messages relayed per pass (one transaction); a full pass is followed by the next at once. */
const RELAY_BATCH = 100;

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
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Relays up to `limit` pending messages; returns how many were relayed. */
  async relayPending(limit = RELAY_BATCH): Promise<number> {
    return this.orm.em.fork().transactional(async (em) => {
      const messages = await em.find(
        OutboxMessage,
        { relayedAt: null },
        { orderBy: { id: 'asc' }, limit, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
      );
      let relayed = 0;
      for (const message of messages) {
        try {
          if (!(await withTimeout(this.addToQueue(message), REDIS_TIMEOUT_MS))) continue;
        } catch (error) {
          // Redis is unreachable: keep what was relayed so far, retry the rest on the next poll.
          this.logger.warn(`Outbox relay paused: ${(error as Error).message}`);
          break;
        }
        message.relayedAt = new Date();
        relayed += 1;
      }
      return relayed;
    });
  }

  /** Adds the job; a waiting or finished job with the same id is replaced, an active one is left to finish. */
  private async addToQueue(message: OutboxMessage): Promise<boolean> {
    const queue = this.queue(JOB_QUEUE[message.jobName]);
    const existing = await queue.getJob(message.jobId);
    if (existing) {
      if (await existing.isActive()) return false;
      await existing.remove();
    }
    const delay = message.runAt ? Math.max(0, message.runAt.getTime() - Date.now()) : undefined;
    await queue.add(message.jobName, message.payload, { jobId: message.jobId, delay });
    return true;
  }

  private queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  onApplicationBootstrap(): void {
    const pollMs = this.moduleRef.get<number>(OUTBOX_POLL_MS, { strict: false });
    const tick = async () => {
      if (this.stopped) return;
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
      // A full batch means more may be waiting (a burst of reminders, say): go on at once.
      if (!this.stopped) this.timer = setTimeout(() => void tick(), relayed >= RELAY_BATCH ? 0 : pollMs);
    };
    this.timer = setTimeout(() => void tick(), 0);
  }

  /** Before MikroORM closes its pool (in onApplicationShutdown): the last relay pass needs it. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}

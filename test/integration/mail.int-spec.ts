import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { RequestContext } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Role } from '../../libs/domain';
import { OutboxMessage, QueueName } from '../../libs/jobs';
import { Factories, resetDatabase } from '../../libs/testing';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { MailDeliveries, MailDelivery, MailDeliveryStatus } from '../../src/modules/mail';
import { User } from '../../src/modules/identity';
import { Notification, NotificationPreference, NotificationsService } from '../../src/modules/notifications';
import { createWorkerApp } from '../../src/worker';
import { eventually, SmtpSink } from './smtp-sink';

const PUBLIC_URL = 'https://hiring.example.test';

/** Runs a service call in its own request context, as the API does for each request. */
let inRequest: <T>(work: () => Promise<T>) => Promise<T>;

async function startWorker(config: AppConfig): Promise<INestApplicationContext> {
  const worker = await createWorkerApp({ ...config, outboxPollMs: 50 });
  await worker.init();
  return worker;
}

describe('e-mail of notifications through SMTP', () => {
  const smtp = new SmtpSink();
  let worker: INestApplicationContext;
  let orm: MikroORM;
  let factories: Factories;
  let queue: Queue;

  beforeAll(async () => {
    await smtp.start();
    const config = loadConfig();
    worker = await startWorker({
      ...config,
      http: { ...config.http, publicUrl: PUBLIC_URL },
      mail: { ...config.mail, smtpUrl: smtp.url, from: { name: 'Hiring', address: 'hiring@example.test' } },
    });
    orm = worker.get(MikroORM);
    inRequest = (work) => RequestContext.create(orm.em, work);
    factories = new Factories(orm);
    queue = worker.get(getQueueToken(QueueName.MAIL), { strict: false });
  });
  afterAll(async () => {
    await worker.close();
    await smtp.stop();
  });
  beforeEach(async () => {
    await resetDatabase(orm);
    smtp.received.length = 0;
  });

  const notify = (userIds: string[], key: string) =>
    orm.em.fork().transactional((em) =>
      worker.get(NotificationsService, { strict: false }).send(em, userIds, key, {
        kind: 'STAGE_DECISION_WAITING',
        subject: 'Ada Lovelace for Backend Developer',
        body: 'The panel recommends advancing Ada Lovelace.',
        link: '7f1c7a64-3c1f-4d4e-9a55-0d1c6c2c8a11',
      }),
    );

  it('e-mails a new notification once, with a subject saying what it is, a PUBLIC_URL link and both bodies; Redis holds ids only', async () => {
    const manager = await factories.hiringManager({ name: 'Grace Hopper', email: 'grace.hopper@example.test' });
    await notify([manager.id], 'decision-waiting.1');
    const [mail] = await smtp.waitFor(1);
    expect(mail!.subject).toBe('Decision waiting: Ada Lovelace for Backend Developer');
    expect(mail!.to).toMatchObject({ value: [{ address: 'grace.hopper@example.test', name: 'Grace Hopper' }] });
    expect(mail!.from).toMatchObject({ value: [{ address: 'hiring@example.test', name: 'Hiring' }] });
    expect(mail!.text).toContain(`${PUBLIC_URL}/applications/7f1c7a64-3c1f-4d4e-9a55-0d1c6c2c8a11`);
    expect(mail!.html).toContain(`href="${PUBLIC_URL}/applications/7f1c7a64-3c1f-4d4e-9a55-0d1c6c2c8a11"`);
    const delivery = await eventually(() =>
      orm.em
        .fork()
        .findOne(MailDelivery, { status: MailDeliveryStatus.SENT })
        .then((row) => row ?? undefined),
    );
    expect(delivery).toMatchObject({ recipientType: 'user', recipientId: manager.id, attempts: 1 });

    // Every key of this run's queues: no address, no name.
    const redis = new Redis(process.env.REDIS_URL!);
    try {
      const keys = await redis.keys(`${loadConfig().redis.queuePrefix}:*`);
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        const type = await redis.type(key);
        const dump =
          type === 'hash'
            ? JSON.stringify(await redis.hgetall(key))
            : type === 'string'
              ? await redis.get(key)
              : type === 'list'
                ? JSON.stringify(await redis.lrange(key, 0, -1))
                : type === 'zset'
                  ? JSON.stringify(await redis.zrange(key, '0', '-1'))
                  : type === 'stream'
                    ? JSON.stringify(await redis.xrange(key, '-', '+'))
                    : '';
        expect(`${key} ${dump}`).not.toMatch(/grace|hopper|lovelace/i);
      }
    } finally {
      redis.disconnect();
    }
  });

  it('keeps the in-app notification but enqueues no e-mail when the user turned e-mail off for the kind', async () => {
    const manager = await factories.hiringManager();
    const other = await factories.hiringManager();
    await orm.em
      .fork()
      .persistAndFlush(new NotificationPreference({ user: manager, kind: 'STAGE_DECISION_WAITING', email: false }));
    await notify([manager.id, other.id], 'decision-waiting.2');
    await smtp.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toMatchObject({ value: [{ address: other.email }] });
    const em = orm.em.fork();
    expect(await em.count(Notification, { user: manager.id })).toBe(1);
    expect(await em.count(OutboxMessage, { jobName: 'mail.notification' })).toBe(1);
  });

  it('sends one e-mail when the same notification job is delivered twice', async () => {
    const manager = await factories.hiringManager();
    await notify([manager.id], 'decision-waiting.3');
    await smtp.waitFor(1);
    const notification = await orm.em.fork().findOneOrFail(Notification, { user: manager.id });
    // BullMQ delivers at least once: the same payload again, as a second job.
    await queue.add('mail.notification', { notificationId: notification.id }, { jobId: 'duplicate-delivery' });
    await eventually(async () => (await queue.getJob('duplicate-delivery'))?.isCompleted());
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received).toHaveLength(1);
    expect(await orm.em.fork().count(MailDelivery)).toBe(1);
  });

  it('sends one e-mail per notification when many jobs, each delivered twice, arrive at once (batched)', async () => {
    const managers = await Promise.all(Array.from({ length: 12 }, () => factories.hiringManager()));
    await queue.pause();
    try {
      await notify(
        managers.map((manager) => manager.id),
        'decision-waiting.burst',
      );
      const notifications = await eventually(async () => {
        const rows = await orm.em.fork().find(Notification, {});
        const relayed = await orm.em.fork().count(OutboxMessage, { relayedAt: { $ne: null } });
        return relayed === rows.length && rows;
      });
      // The same payloads again as other jobs, waiting beside the first ones: batches get both.
      await queue.addBulk(
        notifications.map((notification) => ({
          name: 'mail.notification',
          data: { notificationId: notification.id },
          opts: { jobId: `again.${notification.id}` },
        })),
      );
    } finally {
      await queue.resume();
    }
    await smtp.waitFor(managers.length);
    const again = await orm.em.fork().find(Notification, {});
    await eventually(async () => {
      const states = await Promise.all(
        again.map(async (row) => (await queue.getJob(`again.${row.id}`))?.isCompleted()),
      );
      return states.every(Boolean);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received).toHaveLength(managers.length);
    expect(await orm.em.fork().count(MailDelivery, { status: MailDeliveryStatus.SENT })).toBe(managers.length);
    expect(await queue.getFailedCount()).toBe(0);
  });

  it('a slow SMTP server delays no other queue', async () => {
    const manager = await factories.hiringManager();
    smtp.delayMs = 4000;
    try {
      await notify([manager.id], 'decision-waiting.slow');
      const mailQueue = queue;
      await eventually(async () => (await mailQueue.getActiveCount()) === 1 || undefined);
      const system: Queue = worker.get(getQueueToken(QueueName.SYSTEM), { strict: false });
      await system.add('system.heartbeat', {}, { jobId: 'beat-while-smtp-is-slow' });
      await eventually(async () => (await system.getJob('beat-while-smtp-is-slow'))?.isCompleted(), 3000);
      expect(smtp.received).toHaveLength(0);
      await smtp.waitFor(1);
    } finally {
      smtp.delayMs = 0;
    }
  });

  it('retries while the SMTP server is down, then keeps the mail as a dead letter that admins list', async () => {
    const manager = await factories.hiringManager({ email: 'down.case@example.test' });
    const admin = await factories.admin();
    // A notification whose e-mail job is added by hand with quick retries (production: 5 attempts, 2 s backoff).
    await orm.em.fork().transactional(async (em) => {
      em.persist(
        new Notification({
          user: em.getReference(User, manager.id),
          key: 'down-case',
          kind: 'SCORECARD_DUE',
          subject: 'Scorecard for Ada Lovelace',
          body: 'Please submit it.',
          link: null,
        }),
      );
    });
    const notification = await orm.em.fork().findOneOrFail(Notification, { key: 'down-case' });
    await smtp.stop();
    try {
      await queue.add(
        'mail.notification',
        { notificationId: notification.id },
        { jobId: 'smtp-down', attempts: 3, backoff: { type: 'fixed', delay: 200 } },
      );
      const job = await eventually(async () => {
        const current = await queue.getJob('smtp-down');
        return (await current?.isFailed()) ? current : undefined;
      }, 60_000);
      expect(job!.attemptsMade).toBe(3);
      const deliveries = worker.get(MailDeliveries, { strict: false });
      const dead = await inRequest(() =>
        deliveries.list({ kind: 'user', userId: admin.id, roles: [Role.ADMIN] }, MailDeliveryStatus.DEAD, 50),
      );
      expect(dead).toHaveLength(1);
      expect(dead[0]).toMatchObject({ key: `notification.${notification.id}`, attempts: 3, recipientId: manager.id });
      expect(dead[0]!.lastError).toBeTruthy();
      expect(dead[0]!.lastError).not.toContain('down.case@example.test');
      await expect(
        inRequest(() => deliveries.list({ kind: 'user', userId: manager.id, roles: [Role.HIRING_MANAGER] }, null, 50)),
      ).rejects.toThrow('Only admins read e-mail deliveries.');
    } finally {
      await smtp.start(smtp.port);
    }
  }, 90_000);
});

describe('e-mail without SMTP_URL', () => {
  let worker: INestApplicationContext;
  let orm: MikroORM;

  beforeAll(async () => {
    const config = loadConfig();
    worker = await startWorker({ ...config, mail: { ...config.mail, smtpUrl: null } });
    orm = worker.get(MikroORM);
  });
  afterAll(() => worker.close());

  it('writes the e-mail to the log (subject and user id, no address) and records it as LOGGED', async () => {
    await resetDatabase(orm);
    const log = jest.spyOn(Logger.prototype, 'log');
    try {
      const user = await new Factories(orm).hiringManager({ email: 'logged.only@example.test' });
      await orm.em.fork().transactional((em) =>
        worker.get(NotificationsService, { strict: false }).send(em, [user.id], 'logged', {
          kind: 'APPLICATION_STALLED',
          subject: 'An application waits',
          body: 'It is past its SLA.',
        }),
      );
      const delivery = await eventually(() =>
        orm.em
          .fork()
          .findOne(MailDelivery, { status: MailDeliveryStatus.LOGGED })
          .then((row) => row ?? undefined),
      );
      expect(delivery.recipientId).toBe(user.id);
      const lines = log.mock.calls.map((call) => String(call[0]));
      expect(lines).toContain(
        `E-mail not sent (SMTP_URL is not set): "Stalled: An application waits" to user ${user.id}`,
      );
      expect(lines.join('\n')).not.toContain('logged.only@example.test');
    } finally {
      log.mockRestore();
    }
  });
});

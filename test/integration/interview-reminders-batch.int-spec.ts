import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Queue } from 'bullmq';
import { InterviewStatus } from '../../libs/domain';
import { OutboxMessage, QueueName } from '../../libs/jobs';
import { Factories, resetDatabase } from '../../libs/testing';
import { loadConfig } from '../../src/config/app-config';
import type { User } from '../../src/modules/identity';
import { Notification, NotificationPreference, NotificationsService } from '../../src/modules/notifications';
import { Interview, InterviewReminders, reminderJobId } from '../../src/modules/scheduling';
import { createWorkerApp } from '../../src/worker';

/**
 * The batched reminder path (InterviewReminders.remindMany) against real PostgreSQL. The worker
 * is built but not started: no processor or relay runs behind the test's back.
 */
describe('interview reminders sent in batches', () => {
  let worker: INestApplicationContext;
  let orm: MikroORM;
  let factories: Factories;
  let reminders: InterviewReminders;
  let ann: User;
  let ben: User;

  beforeAll(async () => {
    worker = await createWorkerApp(loadConfig());
    orm = worker.get(MikroORM);
    factories = new Factories(orm);
    reminders = worker.get(InterviewReminders, { strict: false });
  });
  afterAll(() => worker.close());
  beforeEach(async () => {
    await resetDatabase(orm);
    ann = await factories.interviewer({ email: 'ann@example.com', name: 'ann' });
    ben = await factories.interviewer({ email: 'ben@example.com', name: 'ben' });
  });

  /** `count` scheduled interviews a day ahead, each with ann and ben on the panel. */
  async function interviews(count: number): Promise<Interview[]> {
    const position = await factories.position();
    const made: Interview[] = [];
    for (let index = 0; index < count; index += 1) {
      const application = await factories.application({ position, stage: 1 });
      made.push(await factories.interview({ application, panel: [ann, ben] }));
    }
    return made;
  }

  const job = (interview: Interview, sequence = interview.sequence) => ({
    interviewId: interview.id,
    sequence,
    offsetSeconds: 3600,
  });
  const reminderRows = () =>
    orm.em.fork().find(Notification, { kind: 'INTERVIEW_REMINDER' }, { orderBy: { key: 'asc' } });
  const outbox = async () =>
    (await orm.em.fork().find(OutboxMessage, {}, { orderBy: { id: 'asc' } })).map((message) => message.jobId);

  it('sends the current reminders of a batch and skips the changed, cancelled and unknown ones', async () => {
    const [current, moved, cancelled, alsoCurrent] = await interviews(4);
    const em = orm.em.fork();
    await em.nativeUpdate(Interview, { id: moved!.id }, { sequence: 1 });
    await em.nativeUpdate(Interview, { id: cancelled!.id }, { status: InterviewStatus.CANCELLED });

    const sent = await reminders.remindMany([
      job(current!),
      job(moved!, 0), // the reminder of the interview before it moved
      job(cancelled!),
      { interviewId: '00000000-0000-4000-8000-000000000000', sequence: 0, offsetSeconds: 3600 },
      job(alsoCurrent!),
    ]);

    expect(sent).toEqual([true, false, false, false, true]);
    const rows = await reminderRows();
    expect(rows.map((row) => `${row.link} ${row.user.id}`).sort()).toEqual(
      [current!, alsoCurrent!]
        .flatMap((interview) => [`${interview.id} ${ann.id}`, `${interview.id} ${ben.id}`])
        .sort(),
    );
    expect(rows[0]!.subject).toMatch(/ for /);
    expect(rows[0]!.body).toMatch(/starts .* UTC, Room 4\.$/);
    const jobs = await outbox();
    expect(jobs.filter((id) => id.startsWith('mail-notification.')).sort()).toEqual(
      rows.map((row) => `mail-notification.${row.id}`).sort(),
    );
    expect(jobs.filter((id) => id.startsWith('mail-candidate.')).sort()).toEqual(
      [current!, alsoCurrent!].map((interview) => `mail-candidate.REMINDER.${interview.id}.3600s.0`).sort(),
    );
  });

  it('sends a reminder once when its job is delivered twice: in one batch, in two, and in two at once', async () => {
    const [interview] = await interviews(1);
    expect(await reminders.remindMany([job(interview!), job(interview!)])).toEqual([true, true]);
    expect(await reminders.remindMany([job(interview!)])).toEqual([true]);
    await Promise.all([reminders.remindMany([job(interview!)]), reminders.remindMany([job(interview!)])]);

    const rows = await reminderRows();
    expect(rows.map((row) => row.key)).toEqual(
      [ann, ben].map((user) => `${reminderJobId(interview!.id, 3600, 0)}.${user.id}`).sort(),
    );
    // One e-mail job per new notification; the candidate's mail job may repeat, its id and
    // mail_delivery key make it one e-mail.
    const jobs = await outbox();
    expect(jobs.filter((id) => id.startsWith('mail-notification.'))).toHaveLength(2);
    expect(new Set(jobs.filter((id) => id.startsWith('mail-candidate.')))).toEqual(
      new Set([`mail-candidate.REMINDER.${interview!.id}.3600s.0`]),
    );
  });

  it('rolls back as a whole: a failing batch leaves no notification and no job', async () => {
    const [interview] = await interviews(1);
    const notifications = worker.get(NotificationsService, { strict: false });
    const original = notifications.sendMany.bind(notifications);
    // The rows are written, then the transaction fails before it commits.
    const sendMany = jest.spyOn(notifications, 'sendMany').mockImplementationOnce(async (em, notices) => {
      await original(em, notices);
      throw new Error('database went away');
    });
    try {
      await expect(reminders.remindMany([job(interview!)])).rejects.toThrow('database went away');
    } finally {
      sendMany.mockRestore();
    }
    expect(await reminderRows()).toHaveLength(0);
    expect(await outbox()).toEqual([]);
  });

  it('is not rebuilt once sent, and a second run of a sent reminder writes nothing', async () => {
    const queue = worker.get<Queue>(getQueueToken(QueueName.INTERVIEW_REMINDERS), { strict: false });
    await queue.obliterate({ force: true });
    try {
      const [first, second] = await interviews(2);
      // Default offsets 24h and 1h, both ahead: two reminders per interview.
      expect(await reminders.rebuildInterviewReminders()).toBe(4);
      await reminders.remindMany([job(first!)]);
      const before = await outbox();
      await queue.obliterate({ force: true });
      expect(await reminders.rebuildInterviewReminders()).toBe(3);
      expect(await queue.getJob(reminderJobId(first!.id, 3600, 0))).toBeUndefined();
      expect(await queue.getJob(reminderJobId(second!.id, 3600, 0))).toBeDefined();
      expect(await reminders.remindMany([job(first!)])).toEqual([true]);
      expect(await outbox()).toEqual(before);
    } finally {
      await queue.obliterate({ force: true });
    }
  });

  it('honours e-mail preferences in the batch: the notification is kept, its e-mail job is not written', async () => {
    const [interview] = await interviews(1);
    await orm.em
      .fork()
      .persistAndFlush(new NotificationPreference({ user: ben, kind: 'INTERVIEW_REMINDER', email: false }));
    await reminders.remindMany([job(interview!)]);
    const rows = await reminderRows();
    expect(rows).toHaveLength(2);
    const annRow = rows.find((row) => row.user.id === ann.id)!;
    expect((await outbox()).filter((id) => id.startsWith('mail-notification.'))).toEqual([
      `mail-notification.${annRow.id}`,
    ]);
  });
});

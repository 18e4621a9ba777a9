import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { ParsedMail } from 'mailparser';
import { Role } from '../../libs/domain';
import { QueueName } from '../../libs/jobs';
import {
  applyCandidate,
  CANCEL_INTERVIEW,
  dataOf,
  hoursFromNow,
  loadBuiltInPlan,
  openPositionFromBuiltInPlan,
  RESCHEDULE_INTERVIEW,
  scheduleInterview,
  signInPeople,
  TestApi,
  type Person,
} from '../../libs/testing';
import { loadConfig } from '../../src/config/app-config';
import { MailDelivery } from '../../src/modules/mail';
import { Notification, NotificationPreference } from '../../src/modules/notifications';
import { InterviewReminders, reminderJobId } from '../../src/modules/scheduling';
import { createWorkerApp } from '../../src/worker';
import { eventually, SmtpSink } from './smtp-sink';

type Name = 'recruiter' | 'manager' | 'ann' | 'ben';
const FROM = { name: 'Acme Hiring', address: 'hiring@acme.test' };
const CANDIDATE_EMAIL = 'ada.lovelace@example.net';
/** Reminders an hour and 3 seconds before the start (the environment accepts `1h,3s`). */
const OFFSETS_MS = [3_600_000, 3_000];

describe('interview e-mail: invitations, updates, cancellations and reminders', () => {
  const api = new TestApi();
  const smtp = new SmtpSink();
  let worker: INestApplicationContext;
  let reminders: Queue;
  let people: Record<Name, Person>;
  let applicationId: string;

  beforeAll(async () => {
    await smtp.start();
    await api.start();
    const config = loadConfig();
    worker = await createWorkerApp({
      ...config,
      outboxPollMs: 50,
      http: { ...config.http, publicUrl: 'https://hiring.acme.test' },
      mail: { ...config.mail, smtpUrl: smtp.url, from: FROM },
      jobs: { ...config.jobs, reminderOffsetsMs: OFFSETS_MS },
    });
    await worker.init();
    reminders = worker.get(getQueueToken(QueueName.INTERVIEW_REMINDERS), { strict: false });
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await smtp.stop();
  });
  beforeEach(async () => {
    await api.reset();
    await reminders.drain(true);
    smtp.received.length = 0;
    await loadBuiltInPlan(api);
    people = await signInPeople(api, {
      recruiter: [Role.RECRUITER],
      manager: [Role.HIRING_MANAGER],
      ann: [Role.INTERVIEWER],
      ben: [Role.INTERVIEWER],
    });
    const position = await openPositionFromBuiltInPlan(people.recruiter, {
      companyProfile: 'ENTERPRISE',
      hiringManagerId: people.manager.id,
      recruiterIds: [people.recruiter.id],
    });
    applicationId = await applyCandidate(people.recruiter, position.id, {
      name: 'Ada Lovelace',
      email: CANDIDATE_EMAIL,
    });
  });

  const book = async (startsAt: Date, panel: Name[] = ['ann', 'ben']) =>
    dataOf(
      await scheduleInterview(people.recruiter, {
        applicationId,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3_600_000),
        interviewerIds: panel.map((name) => people[name].id),
        location: 'Room 4',
      }),
      'Booking',
    ).scheduleInterview.interview.id;

  /** The mail to `address` whose subject starts with `prefix`, once it arrived. */
  const mailTo = (address: string, prefix: string) =>
    eventually(async () =>
      smtp.received.find(
        (mail) =>
          mail.subject?.startsWith(prefix) &&
          (Array.isArray(mail.to) ? mail.to : [mail.to]).some((to) => to?.value.some((v) => v.address === address)),
      ),
    );

  const invite = (mail: ParsedMail) => {
    const attachment = mail.attachments.find((part) => part.filename === 'invite.ics');
    expect(attachment).toBeDefined();
    return attachment!.content.toString('utf8').replace(/\r\n[ \t]/g, '');
  };

  const jobState = async (id: string) => (await reminders.getJob(id))?.getState();

  it('invites the candidate and the panel with an .ics whose ORGANIZER is the service, and schedules the reminders', async () => {
    const interviewId = await book(hoursFromNow(48));
    const candidateMail = await mailTo(CANDIDATE_EMAIL, 'Interview invitation: ');
    const ics = invite(candidateMail);
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toMatch(/ORGANIZER;CN="?Acme Hiring"?:mailto:hiring@acme\.test/);
    expect(ics).toContain('SEQUENCE:0');
    expect(ics).not.toContain(people.ann.email);
    expect(candidateMail.text).toContain('Room 4');
    expect(candidateMail.html).toContain('Room 4');

    const annMail = await mailTo(people.ann.email, 'Interview scheduled: ');
    expect(annMail.text).toContain(`https://hiring.acme.test/interviews/${interviewId}`);
    expect(invite(annMail)).toContain('ORGANIZER');
    await mailTo(people.ben.email, 'Interview scheduled: ');
    expect(await api.orm.em.fork().count(Notification, { kind: 'INTERVIEW_SCHEDULED' })).toBe(2);

    for (const offset of [3600, 3])
      expect(await eventually(() => jobState(reminderJobId(interviewId, offset, 0)))).toBe('delayed');
  });

  it('replaces the reminders when the interview moves and sends the update with a higher SEQUENCE', async () => {
    const interviewId = await book(hoursFromNow(48));
    await eventually(() => jobState(reminderJobId(interviewId, 3600, 0)));
    const startsAt = hoursFromNow(72);
    dataOf(
      await people.recruiter.gql(RESCHEDULE_INTERVIEW, {
        input: {
          interviewId,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        },
      }),
      'Rescheduling',
    );
    const update = await mailTo(CANDIDATE_EMAIL, 'Updated: ');
    expect(invite(update)).toContain('SEQUENCE:1');
    await mailTo(people.ann.email, 'Moved: ');
    for (const offset of [3600, 3]) {
      expect(await eventually(() => jobState(reminderJobId(interviewId, offset, 1)))).toBe('delayed');
      await eventually(async () => (await reminders.getJob(reminderJobId(interviewId, offset, 0))) === undefined);
    }
  });

  it('cancels: the reminders are removed, the candidate gets METHOD:CANCEL without the internal reason', async () => {
    const interviewId = await book(hoursFromNow(48));
    await eventually(() => jobState(reminderJobId(interviewId, 3600, 0)));
    const reason = 'Internal: the reference check failed';
    dataOf(await people.recruiter.gql(CANCEL_INTERVIEW, { input: { interviewId, reason } }), 'Cancelling');
    const cancellation = await mailTo(CANDIDATE_EMAIL, 'Cancelled: ');
    const ics = invite(cancellation);
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('SEQUENCE:1');
    for (const part of [ics, cancellation.text ?? '', String(cancellation.html)])
      expect(part).not.toContain('reference check');
    const annMail = await mailTo(people.ann.email, 'Cancelled: ');
    expect(annMail.text).toContain(reason);
    expect(invite(annMail)).toContain('METHOD:CANCEL');
    for (const offset of [3600, 3])
      for (const sequence of [0, 1])
        await eventually(
          async () => (await reminders.getJob(reminderJobId(interviewId, offset, sequence))) === undefined,
        );
  });

  it('sends a due reminder to the panel and the candidate, skips an offset already past, and drops a stale reminder', async () => {
    const interviewId = await book(new Date(Date.now() + 6_000), ['ann']);
    // 1h before a start 6 s away was already past at booking: no such job.
    await eventually(() => jobState(reminderJobId(interviewId, 3, 0)));
    expect(await reminders.getJob(reminderJobId(interviewId, 3600, 0))).toBeUndefined();
    const reminder = await mailTo(CANDIDATE_EMAIL, 'Reminder: ');
    expect(reminder.attachments).toHaveLength(0);
    await mailTo(people.ann.email, 'Reminder: ');
    const em = api.orm.em.fork();
    expect(await em.count(Notification, { kind: 'INTERVIEW_REMINDER' })).toBe(1);

    // A reminder of an earlier version of the interview (sequence 7 never existed) sends nothing.
    await reminders.add(
      'scheduling.interview-reminder',
      { interviewId, sequence: 7, offsetSeconds: 3 },
      { jobId: 'stale-reminder' },
    );
    await eventually(async () => (await reminders.getJob('stale-reminder'))?.isCompleted());
    expect(await api.orm.em.fork().count(Notification, { kind: 'INTERVIEW_REMINDER' })).toBe(1);
    expect(await api.orm.em.fork().count(MailDelivery, { key: { $like: 'candidate.REMINDER.%' } })).toBe(1);
  }, 30_000);

  it('rebuilds every pending reminder from PostgreSQL after Redis lost them, idempotently', async () => {
    const first = await book(hoursFromNow(48), ['ann']);
    const second = await book(hoursFromNow(50), ['ben']);
    await eventually(() => jobState(reminderJobId(second, 3, 0)));
    await reminders.obliterate({ force: true });
    const rebuild = worker.get(InterviewReminders, { strict: false });
    expect(await rebuild.rebuildInterviewReminders()).toBe(4);
    expect(await rebuild.rebuildInterviewReminders()).toBe(4);
    for (const interviewId of [first, second])
      for (const offset of [3600, 3]) expect(await jobState(reminderJobId(interviewId, offset, 0))).toBe('delayed');
    expect(await reminders.getDelayedCount()).toBe(4);
  });

  it('keeps the in-app notification but sends no e-mail to a panelist who turned that kind off', async () => {
    await api.orm.em
      .fork()
      .persistAndFlush(
        new NotificationPreference({ user: people.ben.user, kind: 'INTERVIEW_SCHEDULED', email: false }),
      );
    await book(hoursFromNow(48));
    await mailTo(people.ann.email, 'Interview scheduled: ');
    await mailTo(CANDIDATE_EMAIL, 'Interview invitation: ');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.received.filter((mail) => mail.text?.includes(people.ben.user.name))).toHaveLength(0);
    expect(await api.orm.em.fork().count(Notification, { user: people.ben.id, kind: 'INTERVIEW_SCHEDULED' })).toBe(1);
  });
});

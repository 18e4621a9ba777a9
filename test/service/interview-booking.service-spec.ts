import { InterviewStatus } from '../../libs/domain';
import { actorOf, ServiceContext } from '../../libs/testing';
import type { User } from '../../src/modules/identity';
import { PipelineModule } from '../../src/modules/pipeline';
import type { Position } from '../../src/modules/positions';
import { Interview, InterviewBookingService, InterviewPanelist, SchedulingModule } from '../../src/modules/scheduling';
import { ScorecardsModule } from '../../src/modules/scorecards';

const HOUR = 3_600_000;
const at = (start: Date, hours: number) => new Date(start.getTime() + hours * HOUR);

describe('InterviewBookingService: no interviewer is double-booked', () => {
  const context = new ServiceContext([PipelineModule, SchedulingModule, ScorecardsModule]);
  let booking: InterviewBookingService;
  let recruiter: User;
  let ines: User;
  let lars: User;
  let position: Position;
  /** A whole hour three days ahead, far from the factories' default times. */
  let slot: Date;

  beforeAll(async () => {
    await context.start();
    booking = context.get(InterviewBookingService);
  });
  afterAll(() => context.close());
  beforeEach(async () => {
    await context.reset();
    const { factories } = context;
    recruiter = await factories.recruiter({ email: 'rita@example.com' });
    ines = await factories.interviewer({ email: 'ines@example.com', name: 'Ines' });
    lars = await factories.interviewer({ email: 'lars@example.com', name: 'Lars' });
    position = await factories.position({ template: await factories.planTemplate(), recruiters: [recruiter] });
    slot = new Date(Math.ceil(Date.now() / HOUR) * HOUR + 72 * HOUR);
  });

  const newApplication = () => context.factories.application({ position });
  const schedule = (applicationId: string, startsAt: Date, endsAt: Date, panel: User[]) =>
    context.request(() =>
      booking.schedule(actorOf(recruiter), {
        applicationId,
        startsAt,
        endsAt,
        interviewerIds: panel.map((user) => user.id),
      }),
    );
  const reschedule = (interviewId: string, startsAt: Date, endsAt: Date) =>
    context.request(() => booking.reschedule(actorOf(recruiter), { interviewId, startsAt, endsAt }));
  const blockingRowsOf = (user: User) =>
    context.em().count(InterviewPanelist, { interviewer: user.id, blocksCalendar: true });

  it('refuses a panel with a double-booked interviewer, naming the clash, and books nothing', async () => {
    const first = await context.factories.interview({
      application: await newApplication(),
      panel: [ines],
      when: { startsAt: slot, endsAt: at(slot, 1) },
    });
    const second = await newApplication();

    await expect(schedule(second.id, at(slot, 0.5), at(slot, 1.5), [lars, ines])).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `Ines is already booked from ${slot.toISOString()} to ${at(slot, 1).toISOString()}; pick another time or interviewer.`,
      details: {
        interviewerId: ines.id,
        clashStartsAt: first.startsAt.toISOString(),
        clashEndsAt: first.endsAt.toISOString(),
      },
    });
    expect(await context.em().count(Interview, { application: second.id })).toBe(0);
    expect(await blockingRowsOf(lars)).toBe(0);

    // [start, end) ranges: back to back is no clash.
    const next = await schedule(second.id, at(slot, 1), at(slot, 2), [lars, ines]);
    expect(next.status).toBe(InterviewStatus.SCHEDULED);
    expect(await blockingRowsOf(ines)).toBe(2);
  });

  it('lets exactly one of many simultaneous overlapping bookings of one interviewer win', async () => {
    const applications = await Promise.all(Array.from({ length: 6 }, () => newApplication()));
    const results = await Promise.allSettled(
      applications.map((application, index) =>
        schedule(application.id, at(slot, index * 0.1), at(slot, index * 0.1 + 1), [ines]),
      ),
    );

    const won = results.filter((result) => result.status === 'fulfilled');
    const lost = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((result) => [result.reason.code, result.reason.details?.interviewerId])).toEqual(
      Array(5).fill(['CONFLICT', ines.id]),
    );
    expect(await context.em().count(Interview)).toBe(1);
    expect(await blockingRowsOf(ines)).toBe(1);
  });

  it('refuses to reschedule into a clash and leaves the interview as it was', async () => {
    const fixed = await context.factories.interview({
      application: await newApplication(),
      panel: [ines],
      when: { startsAt: slot, endsAt: at(slot, 1) },
    });
    const moving = await context.factories.interview({
      application: await newApplication(),
      panel: [lars, ines],
      when: { startsAt: at(slot, 3), endsAt: at(slot, 4) },
    });

    await expect(reschedule(moving.id, at(slot, 0.5), at(slot, 1.5))).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `Ines is already booked from ${fixed.startsAt.toISOString()} to ${fixed.endsAt.toISOString()}; pick another time or interviewer.`,
      details: { interviewerId: ines.id },
    });
    const em = context.em();
    expect(await em.findOneOrFail(Interview, moving.id)).toMatchObject({ startsAt: at(slot, 3), sequence: 0 });
    expect(
      (await em.find(InterviewPanelist, { interview: moving.id })).map((panelist) => panelist.startsAt.getTime()),
    ).toEqual([at(slot, 3).getTime(), at(slot, 3).getTime()]);

    // A free time moves the interview and every panelist's row with it.
    await reschedule(moving.id, at(slot, 5), at(slot, 6));
    const moved = context.em();
    expect(await moved.findOneOrFail(Interview, moving.id)).toMatchObject({ startsAt: at(slot, 5), sequence: 1 });
    expect(
      (await moved.find(InterviewPanelist, { interview: moving.id })).map((panelist) => panelist.endsAt.getTime()),
    ).toEqual([at(slot, 6).getTime(), at(slot, 6).getTime()]);
  });

  it('frees the calendar when an interview is cancelled', async () => {
    const booked = await schedule((await newApplication()).id, slot, at(slot, 1), [ines]);
    const other = await newApplication();
    await expect(schedule(other.id, slot, at(slot, 1), [ines])).rejects.toMatchObject({ code: 'CONFLICT' });

    const cancelled = await context.request(() =>
      booking.cancel(actorOf(recruiter), { interviewId: booked.id, reason: ' candidate ill ' }),
    );
    expect(cancelled).toMatchObject({ status: InterviewStatus.CANCELLED, cancelReason: 'candidate ill', sequence: 1 });
    expect(await blockingRowsOf(ines)).toBe(0);

    const rebooked = await schedule(other.id, slot, at(slot, 1), [ines]);
    expect(rebooked.status).toBe(InterviewStatus.SCHEDULED);
    expect(await blockingRowsOf(ines)).toBe(1);
  });
});

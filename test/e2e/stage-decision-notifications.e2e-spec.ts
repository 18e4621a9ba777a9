import type { INestApplicationContext } from '@nestjs/common';
import type { Job } from 'bullmq';
import { Role } from '../../libs/domain';
import {
  ADVANCE_APPLICATION,
  applyCandidate,
  COMPLETE_INTERVIEW,
  dataOf,
  heldInterview,
  HOLD_APPLICATION,
  loadBuiltInPlan,
  MOVE_APPLICATION_TO_STAGE,
  openPositionFromBuiltInPlan,
  operation,
  scorecardInput,
  signInPeople,
  submitScorecard,
  TestApi,
  type Person,
  type PlanFields,
} from '../../libs/testing';
import { loadConfig } from '../../src/config/app-config';
import { Notification } from '../../src/modules/notifications';
import { StageDecision, StageDecisionProcessor } from '../../src/modules/pipeline';
import { createWorkerApp } from '../../src/worker';

interface NotificationFields {
  id: string;
  kind: string;
  subject: string;
  link: string | null;
  resolvedAt: string | null;
}

const NOTIFICATIONS = operation<{ myNotifications: NotificationFields[] }, { unresolvedOnly?: boolean }>(
  `query Notifications($unresolvedOnly: Boolean) { myNotifications(unresolvedOnly: $unresolvedOnly) { id kind subject link resolvedAt } }`,
);

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('notifications of stage decisions', () => {
  const api = new TestApi();
  let worker: INestApplicationContext;
  let people: Record<'recruiter' | 'manager' | 'ann' | 'other', Person>;
  let positionId: string;
  let plan: PlanFields;

  beforeAll(async () => {
    await api.start();
    worker = await createWorkerApp({ ...loadConfig(), outboxPollMs: 50 });
    await worker.init();
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });
  beforeEach(async () => {
    await api.reset();
    await loadBuiltInPlan(api);
    people = await signInPeople(api, {
      recruiter: [Role.RECRUITER],
      manager: [Role.HIRING_MANAGER],
      ann: [Role.INTERVIEWER],
      other: [Role.RECRUITER],
    });
    const position = await openPositionFromBuiltInPlan(people.recruiter, {
      hiringManagerId: people.manager.id,
      recruiterIds: [people.recruiter.id],
    });
    positionId = position.id;
    plan = position.plan;
  });

  const notificationsOf = async (who: Person, unresolvedOnly?: boolean) =>
    dataOf(await who.gql(NOTIFICATIONS, unresolvedOnly === undefined ? {} : { unresolvedOnly }), 'Notifications')
      .myNotifications;

  /** An application whose current stage is `stageIndex`, its interview held and scored `score` by Ann. */
  async function scoredAt(stageIndex: number, score: number, recommendation: string, name: string): Promise<string> {
    const applicationId = await applyCandidate(people.recruiter, positionId, { name });
    for (let index = 0; index < stageIndex; index++) {
      dataOf(await people.recruiter.gql(ADVANCE_APPLICATION, { input: { applicationId } }), 'Advancing');
    }
    const interviewId = await heldInterview(api, people.recruiter, applicationId, [people.ann.id]);
    dataOf(await people.recruiter.gql(COMPLETE_INTERVIEW, { input: { interviewId } }), 'Completing');
    await submitScorecard(
      people.ann,
      scorecardInput(plan, plan.stages[stageIndex]!, interviewId, score, recommendation),
    );
    return applicationId;
  }

  it('tells the recruiters and the hiring manager when an automatic decision advances or rejects, once', async () => {
    // The HR screen decides by itself.
    expect(plan.stages[0]!.autoAdvance).toBe(true);
    const advanced = await scoredAt(0, 4, 'STRONG_YES', 'Ada Passes');
    const rejected = await scoredAt(0, 1, 'STRONG_NO', 'Bo Fails');

    for (const who of [people.recruiter, people.manager]) {
      const applied = await waitFor('both notifications', async () => {
        const mine = (await notificationsOf(who)).filter((entry) => entry.kind === 'STAGE_DECISION_APPLIED');
        return mine.length === 2 ? mine : null;
      });
      expect(applied.find((entry) => entry.link === advanced)?.subject).toMatch(/^Automatically advanced: Ada Passes/);
      expect(applied.find((entry) => entry.link === rejected)?.subject).toMatch(/^Automatically rejected: Bo Fails/);
    }
    // Not the interviewer, nor a recruiter of another position.
    expect((await notificationsOf(people.ann)).filter((entry) => entry.kind === 'STAGE_DECISION_APPLIED')).toEqual([]);
    expect(await notificationsOf(people.other)).toEqual([]);

    // The decision's job delivered again: nothing more is sent.
    const processor = worker.get(StageDecisionProcessor);
    const decisions = await api.orm.em.fork().find(StageDecision, {});
    for (const decision of decisions) {
      await processor.process({ name: 'pipeline.apply-stage-decision', data: { decisionId: decision.id } } as Job<{
        decisionId: string;
      }>);
    }
    expect(await api.orm.em.fork().count(Notification, { kind: 'STAGE_DECISION_APPLIED' })).toBe(4);
  });

  it('marks a waiting decision resolved for every recipient once someone acts on that application', async () => {
    // The technical interview waits for a person.
    expect(plan.stages[1]!.autoAdvance).toBe(false);
    const advancedByManager = await scoredAt(1, 4, 'YES', 'Cy Waits');
    const heldByRecruiter = await scoredAt(1, 4, 'YES', 'Di Waits');
    const movedByRecruiter = await scoredAt(1, 4, 'YES', 'Ed Waits');
    const untouched = await scoredAt(1, 4, 'YES', 'Fi Waits');

    const waiting = async (who: Person, applicationId: string) =>
      (await notificationsOf(who)).find(
        (entry) => entry.kind === 'STAGE_DECISION_WAITING' && entry.link === applicationId,
      );
    for (const who of [people.recruiter, people.manager]) {
      for (const applicationId of [advancedByManager, heldByRecruiter, movedByRecruiter, untouched]) {
        expect(await waiting(who, applicationId)).toMatchObject({ resolvedAt: null });
      }
    }

    dataOf(await people.manager.gql(ADVANCE_APPLICATION, { input: { applicationId: advancedByManager } }), 'Advancing');
    dataOf(
      await people.recruiter.gql(HOLD_APPLICATION, { input: { applicationId: heldByRecruiter, reason: 'Travelling' } }),
      'Holding',
    );
    dataOf(
      await people.recruiter.gql(MOVE_APPLICATION_TO_STAGE, {
        input: { applicationId: movedByRecruiter, stageId: plan.stages[0]!.id, reason: 'Redo the screen' },
      }),
      'Moving',
    );

    for (const who of [people.recruiter, people.manager]) {
      for (const applicationId of [advancedByManager, heldByRecruiter, movedByRecruiter]) {
        const entry = await waiting(who, applicationId);
        expect(entry?.resolvedAt).toEqual(expect.any(String));
      }
      expect(await waiting(who, untouched)).toMatchObject({ resolvedAt: null });
      // Clients may hide what was dealt with.
      const open = (await notificationsOf(who, true)).filter((entry) => entry.kind === 'STAGE_DECISION_WAITING');
      expect(open.map((entry) => entry.link)).toEqual([untouched]);
      expect((await notificationsOf(who, true)).every((entry) => entry.resolvedAt === null)).toBe(true);
    }
  });
});

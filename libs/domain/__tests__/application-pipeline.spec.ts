import fc from 'fast-check';
import {
  allowedActions,
  ApplicationStatus,
  initialState,
  isTerminal,
  PIPELINE_ACTIONS,
  pipelineStateProblem,
  planMove,
  planTransition,
  StageOutcome,
  type PipelineAction,
  type PipelineState,
  type TransitionAllowed,
  type TransitionInput,
  type TransitionRefused,
} from '../application-pipeline';

const { ACTIVE, ON_HOLD, HIRED, REJECTED, WITHDRAWN } = ApplicationStatus;
const reason = { reason: 'Strong signal elsewhere' };

function state(status: ApplicationStatus, currentStageIndex: number | null, stageCount = 5): PipelineState {
  return { status, currentStageIndex, stageCount };
}

function allowed(from: PipelineState, action: PipelineAction, input: TransitionInput = reason): TransitionAllowed {
  const plan = planTransition(from, action, input);
  if (!plan.ok) throw new Error(`expected ${action} to be allowed: ${plan.message}`);
  return plan;
}

function refused(from: PipelineState, action: PipelineAction, input: TransitionInput = reason): TransitionRefused {
  const plan = planTransition(from, action, input);
  if (plan.ok) throw new Error(`expected ${action} to be refused`);
  return plan;
}

describe('initialState', () => {
  it('opens the first stage, or none for a plan without stages', () => {
    expect(initialState(3)).toEqual(state(ACTIVE, 0, 3));
    expect(initialState(0)).toEqual(state(ACTIVE, null, 0));
  });
});

describe('planTransition from ACTIVE', () => {
  it('advance passes the open stage and opens the next one', () => {
    expect(planTransition(state(ACTIVE, 1), 'advance', {})).toEqual({
      ok: true,
      next: state(ACTIVE, 2),
      closeVisit: StageOutcome.PASSED,
      openStageIndex: 2,
      decided: false,
    });
  });

  it('advance past the last stage opens none: the application awaits a hire', () => {
    expect(planTransition(state(ACTIVE, 4), 'advance', {})).toEqual({
      ok: true,
      next: state(ACTIVE, null),
      closeVisit: StageOutcome.PASSED,
      openStageIndex: null,
      decided: false,
    });
  });

  it('skip closes the stage SKIPPED and needs a reason', () => {
    expect(planTransition(state(ACTIVE, 0), 'skip', reason)).toEqual({
      ok: true,
      next: state(ACTIVE, 1),
      closeVisit: StageOutcome.SKIPPED,
      openStageIndex: 1,
      decided: false,
    });
    for (const input of [{}, { reason: null }, { reason: '' }, { reason: '   ' }]) {
      expect(planTransition(state(ACTIVE, 0), 'skip', input)).toEqual({
        ok: false,
        message: 'A reason is required to skip.',
        allowedActions: ['advance', 'skip', 'reject', 'withdraw', 'hold'],
        field: 'input.reason',
      });
    }
  });

  it('reject fails the open stage and decides the application; it needs a reason', () => {
    expect(planTransition(state(ACTIVE, 2), 'reject', reason)).toEqual({
      ok: true,
      next: state(REJECTED, null),
      closeVisit: StageOutcome.FAILED,
      openStageIndex: null,
      decided: true,
    });
    expect(refused(state(ACTIVE, 2), 'reject', { reason: ' ' })).toMatchObject({
      message: 'A reason is required to reject.',
      field: 'input.reason',
    });
  });

  it('reject after the last stage closes no visit', () => {
    expect(allowed(state(ACTIVE, null), 'reject')).toMatchObject({ next: state(REJECTED, null), closeVisit: null });
  });

  it('withdraw closes the open stage WITHDRAWN, with or without a reason', () => {
    for (const input of [{}, reason]) {
      expect(planTransition(state(ACTIVE, 3), 'withdraw', input)).toEqual({
        ok: true,
        next: state(WITHDRAWN, null),
        closeVisit: StageOutcome.WITHDRAWN,
        openStageIndex: null,
        decided: true,
      });
    }
    expect(allowed(state(ACTIVE, null), 'withdraw', {})).toMatchObject({ closeVisit: null });
  });

  it('hold keeps the visit open', () => {
    expect(planTransition(state(ACTIVE, 1), 'hold', {})).toEqual({
      ok: true,
      next: state(ON_HOLD, 1),
      closeVisit: null,
      openStageIndex: null,
      decided: false,
    });
    expect(allowed(state(ACTIVE, null), 'hold', {}).next).toEqual(state(ON_HOLD, null));
  });

  it('resume is refused: the application is not on hold', () => {
    expect(refused(state(ACTIVE, 1), 'resume')).toEqual({
      ok: false,
      message:
        'Cannot resume: the application is ACTIVE at stage 2 of 5. Allowed now: advance, skip, reject, withdraw, hold.',
      allowedActions: ['advance', 'skip', 'reject', 'withdraw', 'hold'],
    });
  });

  it('hire needs every stage passed or skipped', () => {
    expect(refused(state(ACTIVE, 1), 'hire').message).toBe(
      'Cannot hire: the application is ACTIVE at stage 2 of 5. Allowed now: advance, skip, reject, withdraw, hold.',
    );
    expect(planTransition(state(ACTIVE, null), 'hire', {})).toEqual({
      ok: true,
      next: state(HIRED, null),
      closeVisit: null,
      openStageIndex: null,
      decided: true,
    });
  });

  it('after the last stage, advance and skip are refused', () => {
    for (const action of ['advance', 'skip'] as const) {
      expect(refused(state(ACTIVE, null), action)).toEqual({
        ok: false,
        message: `Cannot ${action}: the application is ACTIVE after the last stage. Allowed now: reject, withdraw, hold, hire.`,
        allowedActions: ['reject', 'withdraw', 'hold', 'hire'],
      });
    }
  });

  it('a plan without stages can never be hired', () => {
    expect(refused(initialState(0), 'hire').message).toBe(
      'Cannot hire: the application is ACTIVE and its plan has no stages. Allowed now: reject, withdraw, hold.',
    );
  });
});

describe('planTransition from ON_HOLD', () => {
  const held = state(ON_HOLD, 2);

  it('resume continues the same stage', () => {
    expect(planTransition(held, 'resume', {})).toEqual({
      ok: true,
      next: state(ACTIVE, 2),
      closeVisit: null,
      openStageIndex: null,
      decided: false,
    });
    expect(allowed(state(ON_HOLD, null), 'resume', {}).next).toEqual(state(ACTIVE, null));
  });

  it('reject and withdraw close the open visit', () => {
    expect(allowed(held, 'reject')).toMatchObject({ next: state(REJECTED, null), closeVisit: StageOutcome.FAILED });
    expect(allowed(held, 'withdraw')).toMatchObject({
      next: state(WITHDRAWN, null),
      closeVisit: StageOutcome.WITHDRAWN,
    });
  });

  it.each(['advance', 'skip', 'hold', 'hire'] as const)('%s is refused', (action) => {
    expect(refused(held, action)).toEqual({
      ok: false,
      message: `Cannot ${action}: the application is ON_HOLD at stage 3 of 5. Allowed now: reject, withdraw, resume.`,
      allowedActions: ['reject', 'withdraw', 'resume'],
    });
  });

  it('a hold after the last stage is described as such', () => {
    expect(refused(state(ON_HOLD, null), 'hire').message).toBe(
      'Cannot hire: the application is ON_HOLD after the last stage. Allowed now: reject, withdraw, resume.',
    );
  });
});

describe('terminal statuses', () => {
  const cases = [HIRED, REJECTED, WITHDRAWN].flatMap((status) =>
    PIPELINE_ACTIONS.map((action) => [status, action] as const),
  );

  it.each(cases)('%s refuses %s', (status, action) => {
    expect(refused(state(status, null), action)).toEqual({
      ok: false,
      message: `Cannot ${action}: the application is ${status}, which is final. No action is allowed now.`,
      allowedActions: [],
    });
  });
});

describe('allowedActions', () => {
  it('lists the actions of each state in a fixed order', () => {
    expect(allowedActions(state(ACTIVE, 0))).toEqual(['advance', 'skip', 'reject', 'withdraw', 'hold']);
    expect(allowedActions(state(ACTIVE, null))).toEqual(['reject', 'withdraw', 'hold', 'hire']);
    expect(allowedActions(state(ON_HOLD, 4))).toEqual(['reject', 'withdraw', 'resume']);
    expect(allowedActions(state(HIRED, null))).toEqual([]);
  });
});

describe('pipelineStateProblem', () => {
  it('accepts reachable states and names unreachable ones', () => {
    expect(pipelineStateProblem(state(ACTIVE, 4))).toBeNull();
    expect(pipelineStateProblem(state(HIRED, null))).toBeNull();
    expect(pipelineStateProblem(state(ACTIVE, 5))).toBe('stage index 5 is outside 0..4');
    expect(pipelineStateProblem(state(ACTIVE, -1))).toBe('stage index -1 is outside 0..4');
    expect(pipelineStateProblem(state(REJECTED, 2))).toBe('a REJECTED application has no open stage');
    expect(pipelineStateProblem(state(ACTIVE, null, -1))).toBe('stageCount -1 is not a whole number from 0');
  });
});

describe('pipeline properties', () => {
  const action = fc.constantFrom(...PIPELINE_ACTIONS);
  const step = fc.record({ action, reason: fc.constantFrom<string | null | undefined>('why', '  ', null, undefined) });

  it('random action sequences never reach an invalid state, and visits stay consistent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.array(step, { maxLength: 40 }), (stageCount, steps) => {
        let current = initialState(stageCount);
        // Our own record of the visits, built only from what the plans say to write.
        const closed: StageOutcome[] = [];
        let open: number | null = current.currentStageIndex;
        for (const { action, reason: given } of steps) {
          const before = current;
          const plan = planTransition(current, action, { reason: given });
          if (!plan.ok) {
            expect(plan.allowedActions).toEqual(allowedActions(before));
            continue;
          }
          if (plan.closeVisit !== null) {
            expect(open).not.toBeNull();
            closed.push(plan.closeVisit);
            open = null;
          }
          if (plan.openStageIndex !== null) {
            expect(open).toBeNull();
            open = plan.openStageIndex;
          }
          current = plan.next;

          expect(pipelineStateProblem(current)).toBeNull();
          expect(current.stageCount).toBe(stageCount);
          expect(current.currentStageIndex).toBe(open);
          expect(plan.decided).toBe(isTerminal(current.status));
          // Stages are visited in order, once each: the open visit's index is the number closed.
          if (open !== null) expect(closed.length).toBe(open);
          else if (current.status === ACTIVE || current.status === ON_HOLD) expect(closed.length).toBe(stageCount);
          if (current.status === HIRED) {
            expect(stageCount).toBeGreaterThan(0);
            expect(closed).toHaveLength(stageCount);
            expect(closed.every((outcome) => outcome === StageOutcome.PASSED || outcome === StageOutcome.SKIPPED)).toBe(
              true,
            );
          }
          // Before the decision every closed visit was passed or skipped; the decision may close one more.
          const undecided = current.status === ACTIVE || current.status === ON_HOLD ? closed : closed.slice(0, -1);
          expect(undecided.every((o) => o === StageOutcome.PASSED || o === StageOutcome.SKIPPED)).toBe(true);
        }
        // Terminal states stay terminal: nothing moves them.
        if (isTerminal(current.status)) {
          for (const next of PIPELINE_ACTIONS) expect(planTransition(current, next, reason).ok).toBe(false);
        }
      }),
    );
  });

  it('allowedActions is exactly the set of actions planTransition accepts with a reason', () => {
    const anyState = fc.integer({ min: 0, max: 6 }).chain((stageCount) =>
      fc.record({
        status: fc.constantFrom(...Object.values(ApplicationStatus)),
        currentStageIndex: stageCount > 0 ? fc.option(fc.nat({ max: stageCount - 1 })) : fc.constant(null),
        stageCount: fc.constant(stageCount),
      }),
    );
    fc.assert(
      fc.property(anyState, (snapshot) => {
        const accepted = PIPELINE_ACTIONS.filter((a) => planTransition(snapshot, a, reason).ok);
        expect(allowedActions(snapshot)).toEqual(accepted);
      }),
    );
  });
});

describe('planMove', () => {
  it('reopens an earlier stage: the open visit closes SKIPPED, nothing in between is recorded', () => {
    expect(planMove(state(ACTIVE, 3), 1, reason)).toEqual({
      ok: true,
      next: state(ACTIVE, 1),
      closeVisit: StageOutcome.SKIPPED,
      skippedStageIndexes: [],
      openStageIndex: 1,
      direction: 'reopen',
    });
  });

  it('reopens any stage after the last (the dead end awaiting a hire) without closing a visit', () => {
    expect(planMove(state(ACTIVE, null), 4, reason)).toEqual({
      ok: true,
      next: state(ACTIVE, 4),
      closeVisit: null,
      skippedStageIndexes: [],
      openStageIndex: 4,
      direction: 'reopen',
    });
  });

  it('jumps forward: the open stage and those in between are skipped, not passed', () => {
    expect(planMove(state(ACTIVE, 0), 3, reason)).toMatchObject({
      ok: true,
      closeVisit: StageOutcome.SKIPPED,
      skippedStageIndexes: [1, 2],
      openStageIndex: 3,
      direction: 'jump',
    });
  });

  it('refuses the current stage, a stage outside the plan, a missing reason and non-ACTIVE states', () => {
    expect(planMove(state(ACTIVE, 2), 2, reason)).toMatchObject({ ok: false, field: 'input.stageId' });
    expect(planMove(state(ACTIVE, 2), 5, reason)).toMatchObject({ ok: false, field: 'input.stageId' });
    expect(planMove(state(ACTIVE, 2), 0, { reason: '  ' })).toMatchObject({ ok: false, field: 'input.reason' });
    expect(planMove(state(ON_HOLD, 2), 0, reason)).toMatchObject({
      ok: false,
      message: expect.stringContaining('Resume it first'),
    });
    for (const status of [HIRED, REJECTED, WITHDRAWN]) {
      expect(planMove(state(status, null), 0, reason).ok).toBe(false);
    }
  });

  it('property: an allowed move lands ACTIVE on the target, a reachable state, with every stage between accounted for', () => {
    const anyState = fc.integer({ min: 0, max: 7 }).chain((stageCount) =>
      fc.record({
        status: fc.constantFrom(...Object.values(ApplicationStatus)),
        currentStageIndex: stageCount > 0 ? fc.option(fc.nat({ max: stageCount - 1 })) : fc.constant(null),
        stageCount: fc.constant(stageCount),
      }),
    );
    fc.assert(
      fc.property(anyState, fc.integer({ min: -2, max: 9 }), (snapshot, target) => {
        fc.pre(pipelineStateProblem(snapshot) === null);
        const plan = planMove(snapshot, target, reason);
        if (!plan.ok) {
          return (
            snapshot.status !== ACTIVE ||
            target < 0 ||
            target >= snapshot.stageCount ||
            target === snapshot.currentStageIndex
          );
        }
        const current = snapshot.currentStageIndex;
        expect(snapshot.status).toBe(ACTIVE);
        expect(plan.next).toEqual(state(ACTIVE, target, snapshot.stageCount));
        expect(pipelineStateProblem(plan.next)).toBeNull();
        expect(plan.closeVisit).toBe(current === null ? null : StageOutcome.SKIPPED);
        if (plan.direction === 'jump') {
          expect(current).not.toBeNull();
          expect(target).toBeGreaterThan(current!);
          // Every stage from the open one up to the target is either closed as skipped or skipped.
          expect([current, ...plan.skippedStageIndexes, target]).toEqual(
            Array.from({ length: target - current! + 1 }, (_, offset) => current! + offset),
          );
        } else {
          expect(plan.skippedStageIndexes).toEqual([]);
          if (current !== null) expect(target).toBeLessThan(current);
        }
        return true;
      }),
    );
  });

  it('property: after any move the ordinary actions work again (no dead end)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }).chain((n) => fc.tuple(fc.constant(n), fc.nat({ max: n - 1 }))),
        ([n, target]) => {
          const plan = planMove(state(ACTIVE, null, n), target, reason);
          if (!plan.ok) return false;
          expect(allowedActions(plan.next)).toEqual(expect.arrayContaining(['advance', 'skip', 'reject']));
          return true;
        },
      ),
    );
  });
});

/**
 * The application state machine, on a plain snapshot of an application. The transitions are a
 * table (`PIPELINE_TRANSITIONS`) so that the rules read as configuration; `planTransition` only
 * interprets it and tells the caller what to write: the next state, the outcome of the stage visit
 * to close and the stage to open.
 */

export enum ApplicationStatus {
  ACTIVE = 'ACTIVE',
  ON_HOLD = 'ON_HOLD',
  HIRED = 'HIRED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

/** How a stage visit ended. */
export enum StageOutcome {
  PASSED = 'PASSED',
  FAILED = 'FAILED',
  WITHDRAWN = 'WITHDRAWN',
  SKIPPED = 'SKIPPED',
}

export type PipelineAction = 'advance' | 'skip' | 'reject' | 'withdraw' | 'hold' | 'resume' | 'hire';

/** Every action, in the order they are listed to a recruiter. */
export const PIPELINE_ACTIONS: readonly PipelineAction[] = [
  'advance',
  'skip',
  'reject',
  'withdraw',
  'hold',
  'resume',
  'hire',
];

/** Statuses that end the application: nothing may happen after them. */
export const TERMINAL_STATUSES: readonly ApplicationStatus[] = [
  ApplicationStatus.HIRED,
  ApplicationStatus.REJECTED,
  ApplicationStatus.WITHDRAWN,
];

export interface PipelineState {
  status: ApplicationStatus;
  /**
   * 0-based index, into the plan's ordered stages, of the open stage visit. Null when no visit is
   * open: after the last stage was passed or skipped (the application awaits a hire decision), or
   * after a terminal outcome.
   */
  currentStageIndex: number | null;
  stageCount: number;
}

/** One row of the transition table. */
export interface TransitionRule {
  /** Statuses the action may start from. */
  from: readonly ApplicationStatus[];
  /** The action works on the open stage visit, so one must be open. */
  needsOpenStage: boolean;
  /** Every stage must have been passed or skipped (no visit open, and the plan has stages). */
  needsEveryStageDone: boolean;
  /** A non-blank reason must be given. */
  needsReason: boolean;
  /** The status after the action; null keeps the current one. */
  to: ApplicationStatus | null;
  /** The outcome written on the open visit, if one is open; null leaves it open. */
  closesVisitAs: StageOutcome | null;
  /** Opens the visit of the next stage, when there is one. */
  opensNextStage: boolean;
  /** The application is decided: it reaches a terminal status. */
  decided: boolean;
}

const { ACTIVE, ON_HOLD, HIRED, REJECTED, WITHDRAWN } = ApplicationStatus;

export const PIPELINE_TRANSITIONS: Readonly<Record<PipelineAction, TransitionRule>> = {
  advance: {
    from: [ACTIVE],
    needsOpenStage: true,
    needsEveryStageDone: false,
    needsReason: false,
    to: null,
    closesVisitAs: StageOutcome.PASSED,
    opensNextStage: true,
    decided: false,
  },
  skip: {
    from: [ACTIVE],
    needsOpenStage: true,
    needsEveryStageDone: false,
    needsReason: true,
    to: null,
    closesVisitAs: StageOutcome.SKIPPED,
    opensNextStage: true,
    decided: false,
  },
  reject: {
    from: [ACTIVE, ON_HOLD],
    needsOpenStage: false,
    needsEveryStageDone: false,
    needsReason: true,
    to: REJECTED,
    closesVisitAs: StageOutcome.FAILED,
    opensNextStage: false,
    decided: true,
  },
  withdraw: {
    from: [ACTIVE, ON_HOLD],
    needsOpenStage: false,
    needsEveryStageDone: false,
    needsReason: false,
    to: WITHDRAWN,
    closesVisitAs: StageOutcome.WITHDRAWN,
    opensNextStage: false,
    decided: true,
  },
  // A hold pauses the application; the open visit stays open so that resuming continues it.
  hold: {
    from: [ACTIVE],
    needsOpenStage: false,
    needsEveryStageDone: false,
    needsReason: false,
    to: ON_HOLD,
    closesVisitAs: null,
    opensNextStage: false,
    decided: false,
  },
  resume: {
    from: [ON_HOLD],
    needsOpenStage: false,
    needsEveryStageDone: false,
    needsReason: false,
    to: ACTIVE,
    closesVisitAs: null,
    opensNextStage: false,
    decided: false,
  },
  // The skill gate (every must-verify skill verified) is checked by the caller, not here.
  hire: {
    from: [ACTIVE],
    needsOpenStage: false,
    needsEveryStageDone: true,
    needsReason: false,
    to: HIRED,
    closesVisitAs: null,
    opensNextStage: false,
    decided: true,
  },
};

export interface TransitionInput {
  reason?: string | null;
}

/** What to write for an allowed action. */
export interface TransitionAllowed {
  ok: true;
  next: PipelineState;
  /** The outcome to write on the visit that was open, or null when no visit closes. */
  closeVisit: StageOutcome | null;
  /** The stage whose visit opens now, or null when none opens. */
  openStageIndex: number | null;
  /** The application reached a terminal status. */
  decided: boolean;
}

/** Why the action is refused, and what the recruiter can do instead. */
export interface TransitionRefused {
  ok: false;
  message: string;
  allowedActions: PipelineAction[];
  /** The input field at fault, when the state allows the action but the input does not. */
  field?: string;
}

export type TransitionPlan = TransitionAllowed | TransitionRefused;

/** A new application: the first stage's visit is open (no visit at all for a plan without stages). */
export function initialState(stageCount: number): PipelineState {
  return { status: ACTIVE, currentStageIndex: stageCount > 0 ? 0 : null, stageCount };
}

export function isTerminal(status: ApplicationStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/**
 * The reason a snapshot is not a state the machine can reach, or null when it is one. Loaded
 * snapshots are checked with it so that a corrupt row is not silently moved on.
 */
export function pipelineStateProblem(state: PipelineState): string | null {
  const { status, currentStageIndex: index, stageCount } = state;
  if (!Number.isInteger(stageCount) || stageCount < 0) return `stageCount ${stageCount} is not a whole number from 0`;
  if (index === null) return null;
  if (!Number.isInteger(index) || index < 0 || index >= stageCount) {
    return `stage index ${index} is outside 0..${stageCount - 1}`;
  }
  if (isTerminal(status)) return `a ${status} application has no open stage`;
  return null;
}

/** The actions the state allows, in `PIPELINE_ACTIONS` order; a reason is assumed where one is needed. */
export function allowedActions(state: PipelineState): PipelineAction[] {
  return PIPELINE_ACTIONS.filter((action) => stateAllows(state, PIPELINE_TRANSITIONS[action]));
}

/**
 * Plans `action` on `state`: what to write when it is allowed, or a message a recruiter can act on
 * (the current state and the actions allowed now) when it is not.
 */
export function planTransition(state: PipelineState, action: PipelineAction, input: TransitionInput): TransitionPlan {
  const rule = PIPELINE_TRANSITIONS[action];
  const allowed = allowedActions(state);
  if (!stateAllows(state, rule)) {
    const now = allowed.length ? `Allowed now: ${allowed.join(', ')}.` : 'No action is allowed now.';
    return { ok: false, message: `Cannot ${action}: ${describeState(state)}. ${now}`, allowedActions: allowed };
  }
  if (rule.needsReason && !input.reason?.trim()) {
    return {
      ok: false,
      message: `A reason is required to ${action}.`,
      allowedActions: allowed,
      field: 'input.reason',
    };
  }
  const index = state.currentStageIndex;
  const closeVisit = index !== null ? rule.closesVisitAs : null;
  let nextIndex = index;
  let openStageIndex: number | null = null;
  if (closeVisit !== null) {
    // Past the last stage no visit opens: the application awaits a hire decision.
    const following = index !== null && index + 1 < state.stageCount ? index + 1 : null;
    openStageIndex = rule.opensNextStage ? following : null;
    nextIndex = openStageIndex;
  }
  const status = rule.to ?? state.status;
  return {
    ok: true,
    next: { status, currentStageIndex: nextIndex, stageCount: state.stageCount },
    closeVisit,
    openStageIndex,
    decided: rule.decided,
  };
}

function stateAllows(state: PipelineState, rule: TransitionRule): boolean {
  if (!rule.from.includes(state.status)) return false;
  if (rule.needsOpenStage && state.currentStageIndex === null) return false;
  if (rule.needsEveryStageDone && (state.currentStageIndex !== null || state.stageCount === 0)) return false;
  return true;
}

function describeState({ status, currentStageIndex: index, stageCount }: PipelineState): string {
  if (isTerminal(status)) return `the application is ${status}, which is final`;
  if (index !== null) return `the application is ${status} at stage ${index + 1} of ${stageCount}`;
  if (stageCount === 0) return `the application is ${status} and its plan has no stages`;
  return `the application is ${status} after the last stage`;
}

/** A correction: the open visit (if any) closes SKIPPED, the skipped stages between get a SKIPPED visit, the target opens. */
export interface MoveAllowed {
  ok: true;
  next: PipelineState;
  /** SKIPPED when a visit was open (it is left without a decision), null when none was. */
  closeVisit: StageOutcome | null;
  /** Stages jumped over (between the open one and the target), each recorded as a SKIPPED visit. */
  skippedStageIndexes: number[];
  /** The stage whose new visit opens: the target. */
  openStageIndex: number;
  /** 'reopen' goes back to an earlier stage (or any stage after the last), 'jump' goes forward. */
  direction: 'reopen' | 'jump';
}

export type MovePlan = MoveAllowed | TransitionRefused;

/**
 * Moves an ACTIVE application to any stage of its plan with a reason: back to an earlier stage
 * (a new visit of it; the earlier visits stay in the history) or forward (the stages in between
 * are recorded SKIPPED, not PASSED). This is the way out of a dead end, e.g. an application past
 * the last stage whose must-verify skill was never verified.
 */
export function planMove(state: PipelineState, targetIndex: number, input: TransitionInput): MovePlan {
  const allowed = allowedActions(state);
  if (state.status !== ACTIVE) {
    const hint = state.status === ON_HOLD ? ' Resume it first.' : '';
    return {
      ok: false,
      message: `Cannot move: ${describeState(state)}; only an ACTIVE application moves to another stage.${hint}`,
      allowedActions: allowed,
    };
  }
  if (!Number.isInteger(targetIndex) || targetIndex < 0 || targetIndex >= state.stageCount) {
    return {
      ok: false,
      message: "The stage is not one of this application's plan.",
      allowedActions: allowed,
      field: 'input.stageId',
    };
  }
  const current = state.currentStageIndex;
  if (current === targetIndex) {
    return {
      ok: false,
      message: `The application is already at stage ${targetIndex + 1} of ${state.stageCount}.`,
      allowedActions: allowed,
      field: 'input.stageId',
    };
  }
  if (!input.reason?.trim()) {
    return {
      ok: false,
      message: 'A reason is required to move an application.',
      allowedActions: allowed,
      field: 'input.reason',
    };
  }
  const jump = current !== null && targetIndex > current;
  const skippedStageIndexes: number[] = [];
  if (jump) for (let index = current + 1; index < targetIndex; index += 1) skippedStageIndexes.push(index);
  return {
    ok: true,
    next: { status: ACTIVE, currentStageIndex: targetIndex, stageCount: state.stageCount },
    closeVisit: current !== null ? StageOutcome.SKIPPED : null,
    skippedStageIndexes,
    openStageIndex: targetIndex,
    direction: jump ? 'jump' : 'reopen',
  };
}

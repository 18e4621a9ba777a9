// How candidates fare in each stage of the synthetic loop: the simulation's own parameters, which
// the built-in plan does not carry. Keyed by the built-in plan's stage keys; a stage without an
// entry here is left out of the synthetic plan.
import { ExperienceLevel, RejectionReason } from '../../../libs/domain';

export interface StageBehaviour {
  /** Panel size range. */
  panel: readonly [number, number];
  /** Days from entering the stage to the interview. */
  scheduleDays: readonly [number, number];
  /** Base probability of passing, before level and source adjustments. */
  passRate: number;
  /** Probability the candidate withdraws while in this stage. */
  withdrawRate: number;
  skipRate: number;
  /** Pass-rate adjustment per experience level. */
  levelAdjust: Record<ExperienceLevel, number>;
  /** What a hiring manager writes when rejecting at this stage by hand. */
  failReasons: readonly string[];
}

const { JUNIOR, MID, SENIOR, STAFF } = ExperienceLevel;

/**
 * The stages the synthetic loop runs, in plan order. The built-in behavioural interview is left
 * out: the history keeps the five-stage loop its tests and benchmarks were built on.
 */
export const STAGE_BEHAVIOUR: Readonly<Record<string, StageBehaviour>> = {
  'hr-screen': {
    panel: [1, 1],
    scheduleDays: [1, 6],
    passRate: 0.75,
    withdrawRate: 0.08,
    skipRate: 0.02,
    levelAdjust: { [JUNIOR]: -0.02, [MID]: 0, [SENIOR]: 0.02, [STAFF]: 0.02 },
    failReasons: ['Experience does not match the role', 'Salary expectations out of range'],
  },
  'technical-interview': {
    panel: [1, 2],
    scheduleDays: [2, 9],
    passRate: 0.55,
    withdrawRate: 0.07,
    skipRate: 0.02,
    levelAdjust: { [JUNIOR]: -0.08, [MID]: 0, [SENIOR]: 0.03, [STAFF]: 0.05 },
    failReasons: ['Gaps in backend fundamentals', 'Could not complete the coding exercise', 'Below the bar overall'],
  },
  'take-home-challenge': {
    panel: [1, 2],
    scheduleDays: [5, 12],
    passRate: 0.6,
    withdrawRate: 0.09,
    skipRate: 0.03,
    levelAdjust: { [JUNIOR]: -0.05, [MID]: 0, [SENIOR]: 0.02, [STAFF]: 0.02 },
    failReasons: ['Submission incomplete', 'Insufficient testing'],
  },
  'system-design': {
    panel: [2, 2],
    scheduleDays: [2, 10],
    passRate: 0.5,
    withdrawRate: 0.05,
    skipRate: 0.02,
    levelAdjust: { [JUNIOR]: -0.2, [MID]: -0.05, [SENIOR]: 0.05, [STAFF]: 0.12 },
    failReasons: ['Design does not handle scale or failure', 'Could not reason about trade-offs'],
  },
  'final-interview': {
    panel: [2, 3],
    scheduleDays: [3, 12],
    passRate: 0.8,
    withdrawRate: 0.04,
    skipRate: 0.01,
    levelAdjust: { [JUNIOR]: 0, [MID]: 0, [SENIOR]: 0, [STAFF]: -0.03 },
    failReasons: ['Concerns about team fit', 'Career goals do not match the role'],
  },
};

export const WITHDRAW_REASONS = [
  'Accepted another offer',
  'Salary expectations not met',
  'No longer looking',
  'Relocation not possible',
  'Process took too long',
] as const;
export const SKIP_REASONS = [
  'Assessed in a previous application',
  'Strong internal referral; stage waived',
  'Hiring manager waived the stage',
] as const;
export const RED_FLAGS = [
  'Could not explain their own past work',
  'Dismissive towards the interviewer',
  'Inconsistent account of experience',
] as const;
export const NO_SHOW_REASON = 'Candidate did not attend the interview';
export const POSITION_CLOSED_REASON = 'Position closed';
export const HOLD_REASON = 'Candidate asked to pause';

/** Notes an interviewer may leave on a question rating, by score. */
export const QUESTION_NOTES: Record<number, readonly string[]> = {
  1: ['Could not answer', 'Needed the answer given'],
  2: ['Needed several hints', 'Partly right'],
  3: ['Solid answer', 'Good with one hint'],
  4: ['Excellent, went beyond the question', 'Best answer this week'],
};

export type CodeWeights = ReadonlyArray<readonly [RejectionReason, number]>;

const { SKILLS_GAP, COMMUNICATION, SALARY_EXPECTATIONS, POSITION_FILLED, NO_SHOW, OTHER } = RejectionReason;

/**
 * The code a hiring manager gives when rejecting at a stage that does not advance by itself, by
 * the reason they wrote (mostly the matching code, sometimes OTHER).
 */
export const MANAGER_REJECTION_CODES: Readonly<Record<string, CodeWeights>> = {
  'Experience does not match the role': [
    [SKILLS_GAP, 0.85],
    [OTHER, 0.15],
  ],
  'Salary expectations out of range': [
    [SALARY_EXPECTATIONS, 0.9],
    [OTHER, 0.1],
  ],
  'Gaps in backend fundamentals': [
    [SKILLS_GAP, 0.9],
    [OTHER, 0.1],
  ],
  'Could not complete the coding exercise': [
    [SKILLS_GAP, 0.85],
    [OTHER, 0.15],
  ],
  'Below the bar overall': [
    [SKILLS_GAP, 0.5],
    [COMMUNICATION, 0.2],
    [OTHER, 0.3],
  ],
  'Submission incomplete': [
    [SKILLS_GAP, 0.8],
    [OTHER, 0.2],
  ],
  'Insufficient testing': [
    [SKILLS_GAP, 0.9],
    [OTHER, 0.1],
  ],
  'Design does not handle scale or failure': [
    [SKILLS_GAP, 0.9],
    [OTHER, 0.1],
  ],
  'Could not reason about trade-offs': [
    [SKILLS_GAP, 0.6],
    [COMMUNICATION, 0.3],
    [OTHER, 0.1],
  ],
  'Concerns about team fit': [
    [COMMUNICATION, 0.6],
    [OTHER, 0.4],
  ],
  'Career goals do not match the role': [
    [OTHER, 0.6],
    [SALARY_EXPECTATIONS, 0.4],
  ],
};
export const OTHER_CODE: CodeWeights = [[OTHER, 1]];
export const NO_SHOW_CODES: CodeWeights = [
  [NO_SHOW, 0.9],
  [OTHER, 0.1],
];
export const POSITION_CLOSED_CODES: CodeWeights = [
  [POSITION_FILLED, 0.85],
  [OTHER, 0.15],
];

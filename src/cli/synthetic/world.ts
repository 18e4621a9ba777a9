// The world every application refers to: options, staff, catalog and positions.
import { createCatalog, type QuestionInfo } from './catalog';
import { DAY, DEFAULT_NOW, HISTORY_DAYS } from './clock';
import { createStaff, type InterviewerInfo } from './people';
import { createPositions, weeklyTables, type PositionInfo, type WeeklyTables } from './positions';
import { Random, Stream } from './random';
import { emptyHistory, type SyntheticHistory } from './rows';

/** Share of candidates among applications: the others apply a second time to another position. */
export const CANDIDATES_PER_APPLICATION = 0.8;

export interface GenerateOptions {
  applications: number;
  seed: number;
  /** Default max(20, applications / 5000). At least 3. */
  positions?: number;
  /** The history ends here (nothing is generated after it). Default DEFAULT_NOW. */
  now?: Date;
  /** Write application_transition rows (one per pipeline action). Default true. */
  transitions?: boolean;
}

export interface SyntheticWorld {
  readonly options: Readonly<Required<GenerateOptions>>;
  /** Users, catalog and positions: the rows every application refers to. */
  readonly staticRows: SyntheticHistory;
  readonly candidateCount: number;
  readonly now: number;
  readonly start: number;
  readonly positions: readonly PositionInfo[];
  readonly interviewers: readonly InterviewerInfo[];
  /** The question bank, with each question's discrimination (the truth question analytics should find). */
  readonly questions: readonly QuestionInfo[];
  readonly weekly: WeeklyTables;
  /** Multiplier of the bijection from second applications to candidates. */
  readonly repeatMultiplier: number;
}

function normalizeOptions(options: GenerateOptions): Required<GenerateOptions> {
  const applications = options.applications;
  if (!Number.isInteger(applications) || applications < 0) throw new Error('applications must be an integer >= 0');
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > Number.MAX_SAFE_INTEGER) {
    throw new Error('seed must be a non-negative integer');
  }
  const positions = options.positions ?? Math.max(20, Math.round(applications / 5000));
  if (!Number.isInteger(positions) || positions < 3) throw new Error('positions must be an integer >= 3');
  const now = options.now ?? DEFAULT_NOW;
  if (Number.isNaN(now.getTime())) throw new Error('now must be a valid date');
  return { applications, seed: options.seed, positions, now, transitions: options.transitions ?? true };
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Builds users, the plan template, skills, questions and positions (with their own plan copies). */
export function createSyntheticWorld(input: GenerateOptions): SyntheticWorld {
  const options = normalizeOptions(input);
  const now = options.now.getTime();
  const start = now - HISTORY_DAYS * DAY;
  const rows = emptyHistory();
  const rng = new Random(options.seed, Stream.WORLD, 0);
  const setupAt = start - 60 * DAY;

  const staff = createStaff(rng, setupAt);
  rows.users.push(...staff.rows);
  const catalog = createCatalog(rows, options.seed, rng, setupAt);
  const template = catalog.addPlan(rng, setupAt, null);
  const positions = createPositions(
    {
      seed: options.seed,
      count: options.positions,
      start,
      now,
      templateId: template.planId,
      catalog,
      recruiters: staff.recruiters,
      managers: staff.managers,
      interviewers: staff.interviewers,
    },
    rows,
  );

  const candidateCount =
    options.applications === 0 ? 0 : Math.max(1, Math.round(options.applications * CANDIDATES_PER_APPLICATION));
  let repeatMultiplier = Math.max(1, Math.round(candidateCount * 0.6180339887)) | 1;
  while (candidateCount > 1 && gcd(repeatMultiplier, candidateCount) !== 1) repeatMultiplier += 2;

  return {
    options,
    staticRows: rows,
    candidateCount,
    now,
    start,
    positions,
    interviewers: staff.interviewers,
    questions: catalog.questions,
    weekly: weeklyTables(options.seed, positions, start, now),
    repeatMultiplier,
  };
}

// Positions (each with its own copy of the plan) and the weekly tables that decide which open
// position an application goes to.
import { CompanyProfile, ExperienceLevel, PositionStatus } from '../../../libs/domain';
import type { Catalog, StageInfo } from './catalog';
import { DAY, HISTORY_DAYS, WEEK } from './clock';
import { LEVEL_INDEX, LEVELS, type InterviewerInfo } from './people';
import { Random, Stream, weightedPick } from './random';
import type { PositionRow, SyntheticHistory, UserRow } from './rows';

const LEVEL_TITLE_PREFIX: Record<ExperienceLevel, string> = {
  JUNIOR: 'Junior ',
  MID: '',
  SENIOR: 'Senior ',
  STAFF: 'Staff ',
};
const ROLES_TITLES = [
  'Backend Engineer',
  'Platform Engineer',
  'Data Engineer',
  'Full-Stack Engineer',
  'Site Reliability Engineer',
  'API Engineer',
  'Payments Engineer',
  'Infrastructure Engineer',
] as const;
const TEAMS = ['Payments', 'Search', 'Growth', 'Core Platform', 'Data', 'Identity', 'Checkout', 'Logistics'] as const;

export interface PositionInfo {
  row: PositionRow;
  level: ExperienceLevel;
  profile: CompanyProfile;
  stages: StageInfo[];
  hiringManagerId: string;
  recruiterIds: string[];
  /** Indexes into the world's interviewers. */
  interviewerPool: number[];
  openedAt: number;
  closedAt: number | null;
}

/** Per week since the start and candidate level: open positions and their cumulative weights. */
export type WeeklyTables = ReadonlyArray<ReadonlyArray<{ positions: Int32Array; cumulative: Float64Array }>>;

export interface PositionsInput {
  seed: number;
  count: number;
  start: number;
  now: number;
  templateId: string;
  catalog: Catalog;
  recruiters: readonly UserRow[];
  managers: readonly UserRow[];
  interviewers: readonly InterviewerInfo[];
}

/** The positions, added to `rows`. The first three are open for the whole history, so every week has somewhere to apply. */
export function createPositions(input: PositionsInput, rows: SyntheticHistory): PositionInfo[] {
  const { seed, start, now, recruiters, managers, interviewers } = input;
  const positions: PositionInfo[] = [];
  for (let p = 0; p < input.count; p++) {
    const prng = new Random(seed, Stream.POSITION, p);
    const level = weightedPick(prng, [
      [ExperienceLevel.JUNIOR, 0.15],
      [ExperienceLevel.MID, 0.35],
      [ExperienceLevel.SENIOR, 0.35],
      [ExperienceLevel.STAFF, 0.15],
    ]);
    const profile = weightedPick(prng, [
      [CompanyProfile.STARTUP, 0.4],
      [CompanyProfile.ENTERPRISE, 0.4],
      [CompanyProfile.AGENCY, 0.2],
    ]);
    const title = `${LEVEL_TITLE_PREFIX[level]}${prng.pick(ROLES_TITLES)} (${prng.pick(TEAMS)})`;
    let openedAt: number;
    let closedAt: number | null = null;
    if (p < 3) {
      openedAt = start - prng.between(5, 30) * DAY;
    } else {
      // More positions open over time, as the company grows.
      openedAt = start + Math.sqrt(prng.next()) * (HISTORY_DAYS - 21) * DAY;
      if (prng.chance(0.25)) {
        const closing = openedAt + prng.between(60, 420) * DAY;
        if (closing < now - 14 * DAY) closedAt = closing;
      }
    }
    const createdAt = openedAt - prng.between(1, 10) * DAY;
    const plan = input.catalog.addPlan(prng, createdAt, { templateId: input.templateId, profile, title });
    const hiringManager = managers[prng.int(0, managers.length - 1)]!;
    const recruiterCount = prng.chance(0.4) ? 2 : 1;
    const firstRecruiter = prng.int(0, recruiters.length - 1);
    const recruiterIds = Array.from(
      { length: recruiterCount },
      (_, k) => recruiters[(firstRecruiter + k) % recruiters.length]!.id,
    );
    const pool: number[] = [];
    const poolSize = prng.int(8, 12);
    while (pool.length < poolSize) {
      const candidate = prng.int(0, interviewers.length - 1);
      if (!pool.includes(candidate)) pool.push(candidate);
    }
    const row: PositionRow = {
      id: prng.uuid(),
      title,
      level,
      companyProfile: profile,
      status: closedAt === null ? PositionStatus.OPEN : PositionStatus.CLOSED,
      hiringManagerId: hiringManager.id,
      planId: plan.planId,
      openedAt: new Date(openedAt),
      closedAt: closedAt === null ? null : new Date(closedAt),
      revision: closedAt === null ? 2 : 3,
      createdAt: new Date(createdAt),
      updatedAt: new Date(closedAt ?? openedAt),
    };
    rows.positions.push(row);
    for (const userId of recruiterIds) rows.positionRecruiters.push({ positionId: row.id, userId });
    positions.push({
      row,
      level,
      profile,
      stages: plan.stages,
      hiringManagerId: hiringManager.id,
      recruiterIds,
      interviewerPool: pool,
      openedAt,
      closedAt,
    });
  }
  return positions;
}

/** Weekly tables of open positions, weighted by popularity and closeness of level. */
export function weeklyTables(
  seed: number,
  positions: readonly PositionInfo[],
  start: number,
  now: number,
): WeeklyTables {
  // Popularity: some positions draw many more applicants than others.
  const popularity = positions.map((_, p) => 0.3 + 2.7 * new Random(seed, Stream.POSITION, p + 1e6).next());
  const weeks = Math.ceil((now - start) / WEEK);
  return Array.from({ length: weeks }, (_, week) => {
    const weekStart = start + week * WEEK;
    const weekEnd = weekStart + WEEK;
    const open = positions
      .map((position, index) => ({ position, index }))
      .filter(({ position }) => position.openedAt <= weekStart && (position.closedAt ?? Infinity) >= weekEnd);
    return LEVELS.map((level) => {
      const indexes = new Int32Array(open.length);
      const cumulative = new Float64Array(open.length);
      let total = 0;
      open.forEach(({ position, index }, k) => {
        const distance = Math.abs(LEVEL_INDEX[position.level] - LEVEL_INDEX[level]);
        total += popularity[index]! * (distance === 0 ? 4 : distance === 1 ? 1.2 : 0.2);
        indexes[k] = index;
        cumulative[k] = total;
      });
      return { positions: indexes, cumulative };
    });
  });
}

/** An open position (index) for an application at `at` by a candidate of `level`, other than `exclude`. */
export function pickPosition(
  weekly: WeeklyTables,
  start: number,
  at: number,
  level: ExperienceLevel,
  rng: Random,
  exclude: number,
): number {
  const week = Math.min(weekly.length - 1, Math.max(0, Math.floor((at - start) / WEEK)));
  const table = weekly[week]![LEVEL_INDEX[level]]!;
  const count = table.positions.length;
  const total = table.cumulative[count - 1]!;
  for (let attempt = 0; attempt < 8; attempt++) {
    const roll = rng.next() * total;
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (table.cumulative[mid]! > roll) high = mid;
      else low = mid + 1;
    }
    const chosen = table.positions[low]!;
    if (chosen !== exclude) return chosen;
  }
  for (let k = 0; k < count; k++) if (table.positions[k] !== exclude) return table.positions[k]!;
  throw new Error('No open position to apply to'); // unreachable: three positions are always open
}

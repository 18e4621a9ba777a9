import { ExperienceLevel } from './hiring';

const ORDER: readonly ExperienceLevel[] = [
  ExperienceLevel.JUNIOR,
  ExperienceLevel.MID,
  ExperienceLevel.SENIOR,
  ExperienceLevel.STAFF,
];

/**
 * Whether a stage is part of the process for a position of `level`: a stage with
 * `requiredFromLevel` set is required from that level up and optional (skipped) below it; without
 * one it is required for every level.
 */
export function stageRequiredFor(requiredFromLevel: ExperienceLevel | null, level: ExperienceLevel): boolean {
  return requiredFromLevel === null || ORDER.indexOf(level) >= ORDER.indexOf(requiredFromLevel);
}

/** Where an application lands when the visit of stage `index` is about to open. */
export interface StageLanding {
  /** The first stage at or after `index` that the level requires; null past the last stage. */
  openIndex: number | null;
  /** The optional stages passed over on the way, to be recorded as SKIPPED visits, in order. */
  skippedIndexes: number[];
}

/**
 * Skips, from `index` on, the stages the position's level leaves optional: the pipeline records
 * them as skipped visits (as moveApplicationToStage records jumped stages) and opens the next
 * required one, or none after the last stage (the application then awaits a hire decision).
 */
export function landOnRequiredStage(
  requiredFromLevels: ReadonlyArray<ExperienceLevel | null>,
  level: ExperienceLevel,
  index: number | null,
): StageLanding {
  const skippedIndexes: number[] = [];
  if (index === null) return { openIndex: null, skippedIndexes };
  for (let candidate = index; candidate < requiredFromLevels.length; candidate += 1) {
    if (stageRequiredFor(requiredFromLevels[candidate] ?? null, level)) return { openIndex: candidate, skippedIndexes };
    skippedIndexes.push(candidate);
  }
  return { openIndex: null, skippedIndexes };
}

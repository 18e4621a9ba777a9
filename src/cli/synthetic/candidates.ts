// Candidates: who applies, when their first application came in and to which position.
import { ExperienceLevel } from '../../../libs/domain';
import { HOUR } from './clock';
import { CANDIDATE_TAGS, LEVEL_YEARS, SOURCES, emailLocalPart, personName } from './people';
import { pickPosition } from './positions';
import { Random, Stream, weightedPick } from './random';
import type { SyntheticWorld } from './world';

export interface CandidateProfile {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  level: ExperienceLevel;
  years: number;
  source: string;
  tags: string[];
  /** When the candidate's first application came in. */
  firstAppliedAt: number;
  firstPosition: number;
}

/** Candidate `index`, the same whichever application asks (first or second). */
export function candidateProfile(world: SyntheticWorld, index: number): CandidateProfile {
  const rng = new Random(world.options.seed, Stream.CANDIDATE, index);
  const level = weightedPick(rng, [
    [ExperienceLevel.JUNIOR, 0.25],
    [ExperienceLevel.MID, 0.35],
    [ExperienceLevel.SENIOR, 0.3],
    [ExperienceLevel.STAFF, 0.1],
  ]);
  const [minYears, maxYears] = LEVEL_YEARS[level];
  const years = Math.round(rng.between(minYears, maxYears) * 2) / 2;
  const name = personName(rng);
  const domain = rng.pick(['example.com', 'example.org', 'example.net', 'mail.example']);
  const tags: string[] = [];
  const tagCount = rng.int(0, 3);
  for (let k = 0; k < tagCount; k++) {
    const tag = rng.pick(CANDIDATE_TAGS);
    if (!tags.includes(tag)) tags.push(tag);
  }
  const phone = rng.chance(0.7) ? `+1-555-${String(rng.int(0, 9999999)).padStart(7, '0')}` : null;
  const source = weightedPick(rng, SOURCES);
  const firstAppliedAt = appliedAtOf(world, index);
  const firstPosition = pickPosition(
    world.weekly,
    world.start,
    firstAppliedAt,
    level,
    new Random(world.options.seed, Stream.PICK_POSITION, index),
    -1,
  );
  return {
    id: rng.uuid(),
    name,
    // The index keeps addresses unique however the names repeat.
    email: `${emailLocalPart(name)}.${index.toString(36)}@${domain}`,
    phone,
    level,
    years,
    source,
    tags,
    firstAppliedAt,
    firstPosition,
  };
}

/** When a candidate's first application came in: over HISTORY_DAYS, more recent = more. */
function appliedAtOf(world: SyntheticWorld, candidate: number): number {
  const rng = new Random(world.options.seed, Stream.APPLIED_AT, candidate);
  // 25% uniform, 75% with a density rising linearly towards now.
  const recency = rng.chance(0.25) ? rng.next() : Math.sqrt(rng.next());
  const at = world.start + recency * (world.now - world.start);
  return Math.min(Math.floor(at / 1000) * 1000, world.now - HOUR);
}

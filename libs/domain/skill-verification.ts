import { SkillVerdict } from './hiring';

export interface RecordedVerdict {
  verdict: SkillVerdict;
  /** Order of the stage the verdict was given in (1 = first stage). */
  stageOrder: number;
}

/**
 * An application's verdict on one skill from the verdicts of submitted scorecards:
 * VERIFIED when at least one verdict is VERIFIED and no NOT_VERIFIED comes from a later stage
 * (a later, deeper stage overrules an earlier one; within one stage a VERIFIED stands);
 * NOT_VERIFIED when some verdict is NOT_VERIFIED and that rule does not hold;
 * NOT_ASSESSED when nobody assessed it.
 */
export function skillVerdictOf(verdicts: readonly RecordedVerdict[]): SkillVerdict {
  const verified = verdicts.filter((entry) => entry.verdict === SkillVerdict.VERIFIED);
  const refuted = verdicts.filter((entry) => entry.verdict === SkillVerdict.NOT_VERIFIED);
  if (verified.length > 0) {
    const lastVerified = Math.max(...verified.map((entry) => entry.stageOrder));
    if (!refuted.some((entry) => entry.stageOrder > lastVerified)) return SkillVerdict.VERIFIED;
  }
  return refuted.length > 0 ? SkillVerdict.NOT_VERIFIED : SkillVerdict.NOT_ASSESSED;
}

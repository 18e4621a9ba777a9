import fc from 'fast-check';
import { ExperienceLevel, landOnRequiredStage, stageRequiredFor } from '..';

const { JUNIOR, MID, SENIOR, STAFF } = ExperienceLevel;

describe('stages by experience level', () => {
  it('requires a stage from its level up, and every stage without one', () => {
    expect([JUNIOR, MID, SENIOR, STAFF].map((level) => stageRequiredFor(MID, level))).toEqual([
      false,
      true,
      true,
      true,
    ]);
    expect([JUNIOR, MID, SENIOR, STAFF].every((level) => stageRequiredFor(null, level))).toBe(true);
  });

  it('skips system design for a junior position and keeps it from mid-level up (the built-in plan)', () => {
    // HR screen, technical, take-home, system design (MID+), behavioral, final.
    const plan = [null, null, null, MID, null, null];
    expect(landOnRequiredStage(plan, JUNIOR, 3)).toEqual({ openIndex: 4, skippedIndexes: [3] });
    expect(landOnRequiredStage(plan, MID, 3)).toEqual({ openIndex: 3, skippedIndexes: [] });
    expect(landOnRequiredStage(plan, JUNIOR, 0)).toEqual({ openIndex: 0, skippedIndexes: [] });
    expect(landOnRequiredStage([null, SENIOR], MID, 1)).toEqual({ openIndex: null, skippedIndexes: [1] });
    expect(landOnRequiredStage(plan, JUNIOR, null)).toEqual({ openIndex: null, skippedIndexes: [] });
  });

  it('opens a required stage or none, having skipped exactly the optional ones between', () => {
    const level = fc.constantFrom(JUNIOR, MID, SENIOR, STAFF);
    fc.assert(
      fc.property(fc.array(fc.option(level, { nil: null }), { maxLength: 8 }), level, fc.nat(8), (plan, own, start) => {
        const index = Math.min(start, plan.length);
        const landing = landOnRequiredStage(plan, own, index < plan.length ? index : null);
        if (index >= plan.length) return expect(landing).toEqual({ openIndex: null, skippedIndexes: [] });
        const end = landing.openIndex ?? plan.length;
        expect(landing.skippedIndexes).toEqual(Array.from({ length: end - index }, (_, k) => index + k));
        for (const skipped of landing.skippedIndexes) expect(stageRequiredFor(plan[skipped]!, own)).toBe(false);
        if (landing.openIndex !== null) expect(stageRequiredFor(plan[landing.openIndex]!, own)).toBe(true);
      }),
    );
  });
});

import fc from 'fast-check';
import { SkillVerdict } from '../hiring';
import { skillVerdictOf } from '../skill-verification';

const { VERIFIED, NOT_VERIFIED, NOT_ASSESSED } = SkillVerdict;

describe('skillVerdictOf', () => {
  it('is NOT_ASSESSED with no verdict or only NOT_ASSESSED ones', () => {
    expect(skillVerdictOf([])).toBe(NOT_ASSESSED);
    expect(skillVerdictOf([{ verdict: NOT_ASSESSED, stageOrder: 2 }])).toBe(NOT_ASSESSED);
  });

  it('lets a later stage overrule an earlier one, either way', () => {
    expect(
      skillVerdictOf([
        { verdict: VERIFIED, stageOrder: 2 },
        { verdict: NOT_VERIFIED, stageOrder: 4 },
      ]),
    ).toBe(NOT_VERIFIED);
    expect(
      skillVerdictOf([
        { verdict: NOT_VERIFIED, stageOrder: 2 },
        { verdict: VERIFIED, stageOrder: 4 },
      ]),
    ).toBe(VERIFIED);
  });

  it('keeps VERIFIED when a panelist of the same stage disagrees', () => {
    expect(
      skillVerdictOf([
        { verdict: VERIFIED, stageOrder: 3 },
        { verdict: NOT_VERIFIED, stageOrder: 3 },
      ]),
    ).toBe(VERIFIED);
  });

  it('never says VERIFIED without a VERIFIED verdict, whatever the order', () => {
    const entry = fc.record({
      verdict: fc.constantFrom(VERIFIED, NOT_VERIFIED, NOT_ASSESSED),
      stageOrder: fc.integer({ min: 1, max: 6 }),
    });
    fc.assert(
      fc.property(fc.array(entry), (verdicts) => {
        const result = skillVerdictOf(verdicts);
        if (result === VERIFIED) expect(verdicts.some((v) => v.verdict === VERIFIED)).toBe(true);
        expect(skillVerdictOf([...verdicts].reverse())).toBe(result);
      }),
    );
  });
});

import fc from 'fast-check';
import {
  benchmarkProblems,
  commonBenchmarks,
  durationVersusBenchmark,
  DurationVersusBenchmark,
  ExperienceLevel,
  rateVersusBenchmark,
  readPlanBenchmarks,
  toStoredBenchmarks,
  type PlanBenchmarks,
} from '..';

/** The benchmarks as the built-in plan's data file stores them (from the seeds). */
const builtInStored = {
  overallSuccessRate: 0.7,
  averageDurationWeeks: { min: 3, max: 4 },
  byStage: [],
  byExperienceLevel: [],
  note: 'Indicative figures from a published guide.',
};

const seedFigures: PlanBenchmarks = {
  overallSuccessRate: 0.7,
  minWeeks: 3,
  maxWeeks: 4,
  stagePassRates: [],
  experienceLevelSuccessRates: [],
  note: null,
};

describe('plan benchmarks', () => {
  it("reads the built-in plan's figures: 70% overall, 3 to 4 weeks, no stage or level rates", () => {
    expect(readPlanBenchmarks(builtInStored)).toEqual({ ...seedFigures, note: builtInStored.note });
  });

  it('is null when nothing usable is stored, and leaves out figures out of range', () => {
    expect(readPlanBenchmarks(null)).toBeNull();
    expect(readPlanBenchmarks({ byStage: [], note: 'only words' })).toBeNull();
    expect(readPlanBenchmarks({ overallSuccessRate: 1.5, averageDurationWeeks: { min: -1, max: 'x' } })).toBeNull();
    expect(
      readPlanBenchmarks({
        byStage: [
          { stageKey: 'a', passRate: 0.5 },
          { stageKey: 'b', passRate: 2 },
        ],
        byExperienceLevel: [{ experienceLevel: 'GURU', successRate: 0.5 }],
      }),
    ).toEqual({
      ...seedFigures,
      overallSuccessRate: null,
      minWeeks: null,
      maxWeeks: null,
      stagePassRates: [{ stageKey: 'a', passRate: 0.5 }],
    });
  });

  it('reads back what it stores', () => {
    const rate = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        rate,
        fc.double({ min: 0.5, max: 52, noNaN: true }),
        fc.array(fc.tuple(fc.stringMatching(/^[a-z]{1,8}$/), rate), { maxLength: 4 }),
        fc.subarray(Object.values(ExperienceLevel)),
        (overall, weeks, stages, levels) => {
          const benchmarks: PlanBenchmarks = {
            overallSuccessRate: overall,
            minWeeks: weeks,
            maxWeeks: weeks + 1,
            stagePassRates: stages.map(([stageKey, passRate]) => ({ stageKey, passRate })),
            experienceLevelSuccessRates: levels.map((experienceLevel) => ({ experienceLevel, successRate: overall })),
            note: null,
          };
          expect(readPlanBenchmarks(toStoredBenchmarks(benchmarks))).toEqual(benchmarks);
        },
      ),
    );
  });

  it('names every wrong figure', () => {
    expect(benchmarkProblems(seedFigures)).toEqual({});
    expect(
      benchmarkProblems({
        ...seedFigures,
        overallSuccessRate: 1.2,
        minWeeks: 5,
        maxWeeks: 4,
        stagePassRates: [
          { stageKey: 'a', passRate: 0.5 },
          { stageKey: 'a', passRate: -0.1 },
        ],
        experienceLevelSuccessRates: [
          { experienceLevel: ExperienceLevel.MID, successRate: 0.5 },
          { experienceLevel: ExperienceLevel.MID, successRate: 0.6 },
        ],
      }),
    ).toEqual({
      overallSuccessRate: 'must be a share between 0 and 1',
      maxWeeks: 'must be at least minWeeks (5)',
      'stagePassRates[1].passRate': 'must be a share between 0 and 1',
      'stagePassRates[1].stageId': 'this stage is listed twice',
      'experienceLevelSuccessRates[1].experienceLevel': 'this level is listed twice',
    });
  });

  it('compares a rate with its benchmark as a difference in rate points', () => {
    expect(rateVersusBenchmark(0.6, 0.7)).toBeCloseTo(-0.1, 12);
    expect(rateVersusBenchmark(null, 0.7)).toBeNull();
    expect(rateVersusBenchmark(0.6, null)).toBeNull();
  });

  it('places days in process against the range of weeks, ends included', () => {
    expect(durationVersusBenchmark(20.9, 3, 4)).toBe(DurationVersusBenchmark.SHORTER);
    expect(durationVersusBenchmark(21, 3, 4)).toBe(DurationVersusBenchmark.WITHIN);
    expect(durationVersusBenchmark(28, 3, 4)).toBe(DurationVersusBenchmark.WITHIN);
    expect(durationVersusBenchmark(28.1, 3, 4)).toBe(DurationVersusBenchmark.LONGER);
    expect(durationVersusBenchmark(100, 3, null)).toBe(DurationVersusBenchmark.WITHIN);
    expect(durationVersusBenchmark(null, 3, 4)).toBeNull();
    expect(durationVersusBenchmark(10, null, null)).toBeNull();
  });

  it('holds across plans only when every plan has the same overall figures', () => {
    const withStage = { ...seedFigures, stagePassRates: [{ stageKey: 'x', passRate: 0.5 }] };
    expect(commonBenchmarks([withStage, seedFigures])).toEqual(seedFigures);
    expect(commonBenchmarks([seedFigures, { ...seedFigures, maxWeeks: 6 }])).toBeNull();
    expect(commonBenchmarks([seedFigures, null])).toBeNull();
    expect(commonBenchmarks([])).toBeNull();
  });
});

import fc from 'fast-check';
import { median, ratio, wilsonInterval } from '../statistics';

describe('wilsonInterval', () => {
  it('matches published values', () => {
    // 8 of 10: Wilson 95% interval 0.490 .. 0.943 (Newcombe 1998, method 3).
    const interval = wilsonInterval(8, 10);
    expect(interval.rate).toBe(0.8);
    expect(interval.low).toBeCloseTo(0.4902, 3);
    expect(interval.high).toBeCloseTo(0.9433, 3);
    expect(wilsonInterval(0, 0)).toEqual({ rate: null, low: null, high: null });
  });

  it('always contains the rate and stays within [0, 1]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (trials, share) => {
        const successes = Math.round(trials * share);
        const { rate, low, high } = wilsonInterval(successes, trials);
        expect(low!).toBeGreaterThanOrEqual(0);
        expect(high!).toBeLessThanOrEqual(1);
        expect(low!).toBeLessThanOrEqual(rate! + 1e-12);
        expect(high!).toBeGreaterThanOrEqual(rate! - 1e-12);
      }),
    );
  });
});

describe('median and ratio', () => {
  it('computes them, with null for nothing', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(ratio(3, 1)).toBe(0.75);
    expect(ratio(0, 0)).toBeNull();
  });
});

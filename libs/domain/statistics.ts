/** A proportion with its 95% Wilson score interval; all null when there is nothing to divide. */
export interface Proportion {
  rate: number | null;
  low: number | null;
  high: number | null;
}

const Z95 = 1.959963984540054;

/**
 * Wilson score interval for `successes` out of `trials` at 95%: unlike the normal approximation it
 * stays within [0, 1] and behaves with small samples, which most stages of most positions are.
 */
export function wilsonInterval(successes: number, trials: number, z = Z95): Proportion {
  if (trials <= 0) return { rate: null, low: null, high: null };
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return { rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** The median of a list (mean of the two middle values for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** successes / (successes + failures), or null when neither happened. */
export function ratio(successes: number, failures: number): number | null {
  return successes + failures === 0 ? null : successes / (successes + failures);
}

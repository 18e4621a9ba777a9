// Randomness: sfc32 (128-bit state), one stream per (seed, purpose, index), so that any row can be
// generated on its own and a seed reproduces the same history.

/**
 * The purpose of a random stream. Draws added later use streams of their own, so that every value
 * drawn before them stays as it was for the same seed.
 */
export const Stream = {
  WORLD: 1,
  POSITION: 2,
  CANDIDATE: 3,
  APPLIED_AT: 4,
  PICK_POSITION: 5,
  APPLICATION: 6,
  QUESTION: 7,
  PLAN_QUESTIONS: 8,
  APPLICATION_EXTRA: 9,
} as const;

function mix32(value: number): number {
  let x = value >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function hex32(value: number): string {
  return HEX[value >>> 24]! + HEX[(value >>> 16) & 0xff]! + HEX[(value >>> 8) & 0xff]! + HEX[value & 0xff]!;
}

/** A small fast PRNG (sfc32). Distinct (seed, stream, index) give distinct states. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: number, index: number) {
    const low = seed >>> 0;
    const high = Math.floor(seed / 0x1_0000_0000) >>> 0;
    this.a = mix32(low ^ 0x9e3779b9);
    this.b = (mix32(high + 0x632be5ab) ^ Math.imul(stream, 0x85ebca6b)) >>> 0;
    this.c = index >>> 0;
    this.d = Math.floor(index / 0x1_0000_0000) >>> 0;
    for (let i = 0; i < 15; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 0x1_0000_0000;
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Integer in [min, max] (both included). */
  int(min: number, max: number): number {
    return min + Math.floor((max - min + 1) * this.next());
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(items.length * this.next())]!;
  }

  /** Approximately normal (Irwin-Hall of three uniforms): mean 0, standard deviation 1, |x| < 3. */
  normal(): number {
    return (this.next() + this.next() + this.next() - 1.5) * 2;
  }

  /** A v4-looking UUID. */
  uuid(): string {
    const a = this.uint32();
    const b = this.uint32();
    const c = (this.uint32() & 0x3fffffff) | 0x80000000;
    const d = this.uint32();
    const bh = hex32(b);
    const ch = hex32(c);
    return `${hex32(a)}-${bh.slice(0, 4)}-4${bh.slice(5, 8)}-${ch.slice(0, 4)}-${ch.slice(4, 8)}${hex32(d)}`;
  }
}

/** One of `items`, each as likely as its weight. */
export function weightedPick<T>(rng: Random, items: ReadonlyArray<readonly [T, number]>): T {
  let total = 0;
  for (const [, weight] of items) total += weight;
  let roll = rng.next() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return items[items.length - 1]![0];
}

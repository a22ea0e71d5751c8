/** Values with their relative weights, prepared once for repeated weighted picks. */
export interface WeightedTable<T> {
  values: readonly T[];
  /** Running totals of the weights, in the order of `values`. */
  cumulative: readonly number[];
}

/** A table to pick from with `Random.weighted`; entries of weight 0 are never picked. */
export function weightedTable<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  const values: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [value, weight] of entries) {
    if (weight <= 0) continue;
    total += weight;
    values.push(value);
    cumulative.push(total);
  }
  if (values.length === 0) throw new Error('A weighted table needs at least one positive weight');
  return { values, cumulative };
}

/**
 * A seeded pseudo-random number generator (mulberry32): small, fast, and the same sequence for the
 * same seed on every platform, which `Math.random` cannot promise.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list, each equally likely. */
  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)] as T;
  }

  /** Up to `count` distinct elements of a list, in random order. */
  sample<T>(values: readonly T[], count: number): T[] {
    const pool = [...values];
    const taken = Math.min(count, pool.length);
    for (let i = 0; i < taken; i++) {
      const j = i + Math.floor(this.next() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
    }
    return pool.slice(0, taken);
  }

  /** One value of a weighted table, each as likely as its weight. */
  weighted<T>(table: WeightedTable<T>): T {
    const { values, cumulative } = table;
    const target = this.next() * (cumulative[cumulative.length - 1] as number);
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulative[middle] as number) > target) high = middle;
      else low = middle + 1;
    }
    return values[low] as T;
  }

  /** A whole number in [min, max] whose logarithm is uniform: small values are the common ones. */
  logUniform(min: number, max: number): number {
    const value = Math.exp(Math.log(min) + this.next() * (Math.log(max + 1) - Math.log(min)));
    return Math.min(max, Math.floor(value));
  }
}

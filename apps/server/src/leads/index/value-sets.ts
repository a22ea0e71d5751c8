import { RoaringBitmap32 } from './bitmap.js';

/** Numbers pending before `flushIfLarge` writes them: a few milliseconds of `addMany`. */
const FLUSH_AT = 100_000;

/**
 * For each value of one attribute (a title word, a country, an industry...), the set of numbers
 * (people or companies) that have it. Additions are buffered and written with one `addMany` per
 * value at `flush`, which is how building a million people stays within seconds.
 */
export class ValueSets {
  readonly #sets = new Map<string, RoaringBitmap32>();
  readonly #pending = new Map<string, number[]>();
  #pendingCount = 0;

  add(value: string, number: number): void {
    const pending = this.#pending.get(value);
    if (pending === undefined) this.#pending.set(value, [number]);
    else pending.push(number);
    this.#pendingCount += 1;
  }

  /** Flushes once enough is pending: a build's many small batches then add in few calls. */
  flushIfLarge(): void {
    if (this.#pendingCount >= FLUSH_AT) this.flush();
  }

  flush(): void {
    for (const [value, numbers] of this.#pending) {
      let set = this.#sets.get(value);
      if (set === undefined) {
        set = new RoaringBitmap32();
        this.#sets.set(value, set);
      }
      set.addMany(numbers);
    }
    this.#pending.clear();
    this.#pendingCount = 0;
  }

  /** Each value and its numbers, sorted (to hand the sets to another thread). */
  *entries(): IterableIterator<[string, Uint32Array]> {
    for (const [value, set] of this.#sets) yield [value, set.toUint32Array()];
  }

  /** Adds these numbers to the set of `value` at once. */
  addAll(value: string, numbers: Uint32Array): void {
    if (numbers.length === 0) return;
    let set = this.#sets.get(value);
    if (set === undefined) {
      set = new RoaringBitmap32();
      this.#sets.set(value, set);
    }
    set.addMany(numbers);
  }

  /** The numbers having `value`; empty when none has it. Never to be changed by the caller. */
  get(value: string): RoaringBitmap32 | undefined {
    return this.#sets.get(value);
  }

  /** The numbers having any of `values`. */
  anyOf(values: readonly string[]): RoaringBitmap32 {
    const sets = values.flatMap((value) => {
      const set = this.#sets.get(value);
      return set === undefined ? [] : [set];
    });
    return sets.length === 1 ? (sets[0] as RoaringBitmap32).clone() : RoaringBitmap32.orMany(sets);
  }

  /** Takes `numbers` out of every value's set (before they are added again, or for good). */
  removeAll(numbers: RoaringBitmap32): void {
    for (const [value, set] of this.#sets) {
      set.andNotInPlace(numbers);
      if (set.isEmpty) this.#sets.delete(value);
    }
  }

  /** Compacts every set once building is done. */
  optimize(): void {
    for (const set of this.#sets.values()) {
      set.runOptimize();
      set.shrinkToFit();
    }
  }

  get valueCount(): number {
    return this.#sets.size;
  }

  /** The bitmaps' size in CRoaring's own format, about what they take in memory. */
  get bytes(): number {
    let bytes = 0;
    for (const set of this.#sets.values()) bytes += set.getSerializationSizeInBytes('croaring');
    return bytes;
  }
}

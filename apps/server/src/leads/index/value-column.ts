import { RoaringBitmap32 } from './bitmap.js';

const NONE = -1;
/** V8 keeps a string of Latin-1 characters in one byte a character, others in two. */
const isLatin1 = (value: string) => {
  for (let index = 0; index < value.length; index += 1) {
    if (value.charCodeAt(index) > 0xff) return false;
  }
  return true;
};
/** A string's header and a map entry, about (pointers are 4 bytes in V8's compressed heap). */
const DICTIONARY_ENTRY_BYTES = 32;

/**
 * For an attribute that few numbers share (a company's domain, a person's whole job title), the
 * value of each number as a code into a dictionary of the values: a set per value would cost
 * about 700 bytes even for one number (100,000 of them took 69 MB of RSS), this 4 bytes a
 * number plus each distinct value once. Finding the numbers of some values is one pass over the
 * column. It answers as `ValueSets` does, so the index treats both alike.
 */
export class ValueColumn {
  readonly #codes = new Map<string, number>();
  #column = new Int32Array(16).fill(NONE);
  /** One past the highest number added. */
  #length = 0;
  #valueBytes = 0;

  add(value: string, number: number): void {
    let code = this.#codes.get(value);
    if (code === undefined) {
      code = this.#codes.size;
      this.#codes.set(value, code);
      this.#valueBytes += DICTIONARY_ENTRY_BYTES + (isLatin1(value) ? 1 : 2) * value.length;
    }
    if (number >= this.#column.length) {
      const grown = new Int32Array(Math.max(number + 1, this.#column.length * 2)).fill(NONE);
      grown.set(this.#column);
      this.#column = grown;
    }
    this.#column[number] = code;
    this.#length = Math.max(this.#length, number + 1);
  }

  /** Each value and its numbers, sorted (to hand the column to another thread). */
  *entries(): IterableIterator<[string, Uint32Array]> {
    const values: string[] = [];
    for (const [value, code] of this.#codes) values[code] = value;
    const starts = new Uint32Array(values.length + 1);
    for (let number = 0; number < this.#length; number += 1) {
      const code = this.#column[number] as number;
      if (code !== NONE) starts[code + 1] = (starts[code + 1] as number) + 1;
    }
    for (let code = 0; code < values.length; code += 1) {
      starts[code + 1] = (starts[code + 1] as number) + (starts[code] as number);
    }
    const next = starts.slice(0, values.length);
    const numbers = new Uint32Array(starts[values.length] as number);
    for (let number = 0; number < this.#length; number += 1) {
      const code = this.#column[number] as number;
      if (code === NONE) continue;
      numbers[next[code] as number] = number;
      next[code] = (next[code] as number) + 1;
    }
    for (let code = 0; code < values.length; code += 1) {
      const start = starts[code] as number;
      const end = starts[code + 1] as number;
      if (start < end) yield [values[code] as string, numbers.subarray(start, end)];
    }
  }

  /** Adds these numbers to `value`. */
  addAll(value: string, numbers: Uint32Array): void {
    for (const number of numbers) this.add(value, number);
  }

  /** Values are written as they are added: nothing is pending. */
  flushIfLarge(): void {}

  flush(): void {}

  /** The numbers having any of `values`. */
  anyOf(values: readonly string[]): RoaringBitmap32 {
    const wanted = new Uint8Array(this.#codes.size);
    let any = false;
    for (const value of values) {
      const code = this.#codes.get(value);
      if (code !== undefined) {
        wanted[code] = 1;
        any = true;
      }
    }
    if (!any) return new RoaringBitmap32();
    const column = this.#column;
    const found: number[] = [];
    for (let number = 0; number < this.#length; number += 1) {
      const code = column[number] as number;
      if (code !== NONE && wanted[code] === 1) found.push(number);
    }
    return RoaringBitmap32.from(found);
  }

  /** Takes `numbers` out (before they are added again, or for good). */
  removeAll(numbers: RoaringBitmap32): void {
    for (const number of numbers) {
      if (number < this.#column.length) this.#column[number] = NONE;
    }
  }

  /** Gives back the room the column grew by and did not use. */
  optimize(): void {
    if (this.#column.length > this.#length) this.#column = this.#column.slice(0, this.#length);
  }

  get valueCount(): number {
    return this.#codes.size;
  }

  /** The column, and an estimate of the dictionary: each value's string and map entry. */
  get bytes(): number {
    return this.#column.byteLength + this.#valueBytes;
  }
}

import type { RoaringBitmap32 } from './bitmap.js';
import { compareIds } from './id-order.js';

/**
 * Dense numbers for ids (of people, or of companies), so sets of them are compressed bitmaps.
 * The ids read when the index is built are numbered in id order (see id-order.ts) and stored as
 * one UTF-8 buffer with offsets: a few bytes each, not a JavaScript string each. Ids added later
 * take the next numbers, out of order, and are kept sorted apart; a rebuild numbers them in
 * order again. A number stays its id's for the life of the index, even once the record is gone.
 */
/** Ids in their order as one UTF-8 buffer: id `n` is `bytes[offsets[n] .. offsets[n + 1])`. */
export interface SortedIds {
  bytes: Uint8Array;
  offsets: Uint32Array;
}

export class IdSpace {
  #sortedIds = Buffer.alloc(1024);
  #sortedLength = 0;
  #offsets = new Uint32Array(1024);
  /** How many ids are numbered in order: numbers below it follow id order. */
  sortedCount = 0;
  #open = true;
  /** The last id numbered in order while building (decoding it from the buffer costs a string). */
  #lastSorted: string | null = null;
  readonly #added: string[] = [];
  readonly #addedNumbers = new Map<string, number>();
  /** Numbers of the ids added later, by id; sorted again when an id was added since. */
  readonly #addedInOrder: number[] = [];
  #addedSorted = true;

  /**
   * While the space is built: numbers `id` next if it comes after the last one in id order,
   * else returns null (a database sorting by another collation); such an id is added once the
   * build is done.
   */
  appendInOrder(id: string): number | null {
    if (!this.#open) throw new Error('The ids of this space are no longer built');
    const count = this.sortedCount;
    if (this.#lastSorted !== null && compareIds(this.#lastSorted, id) >= 0) return null;
    const bytes = Buffer.byteLength(id, 'utf8');
    this.#reserve(bytes, 1);
    this.#sortedIds.write(id, this.#sortedLength, 'utf8');
    this.#sortedLength += bytes;
    this.#offsets[count + 1] = this.#sortedLength;
    this.sortedCount = count + 1;
    this.#lastSorted = id;
    return count;
  }

  /**
   * While the space is built: numbers, next and in their order, the ids `exportSorted` gave
   * (of ids that all come after those numbered here); returns the number of the first.
   */
  appendAllInOrder(ids: SortedIds): number {
    if (!this.#open) throw new Error('The ids of this space are no longer built');
    const start = this.sortedCount;
    const count = ids.offsets.length - 1;
    if (count <= 0) return start;
    const decode = (at: number) =>
      Buffer.from(ids.bytes.buffer, ids.bytes.byteOffset, ids.bytes.byteLength).toString(
        'utf8',
        ids.offsets[at] as number,
        ids.offsets[at + 1] as number,
      );
    if (this.#lastSorted !== null && compareIds(this.#lastSorted, decode(0)) >= 0) {
      throw new Error('Ids appended must come after those already numbered');
    }
    this.#reserve(ids.bytes.byteLength, count);
    this.#sortedIds.set(ids.bytes, this.#sortedLength);
    for (let at = 1; at <= count; at += 1) {
      this.#offsets[start + at] = this.#sortedLength + (ids.offsets[at] as number);
    }
    this.#sortedLength += ids.bytes.byteLength;
    this.sortedCount = start + count;
    this.#lastSorted = decode(count - 1);
    return start;
  }

  /** The ids numbered in order, as `appendAllInOrder` takes them (a copy, to hand to another thread). */
  exportSorted(): SortedIds {
    const bytes = new Uint8Array(this.#sortedLength);
    bytes.set(this.#sortedIds.subarray(0, this.#sortedLength));
    return { bytes, offsets: this.#offsets.slice(0, this.sortedCount + 1) };
  }

  /** Room for `count` more ids of `bytes` bytes in all, the buffers doubled as they fill. */
  #reserve(bytes: number, count: number): void {
    const length = this.#sortedLength + bytes;
    if (length > this.#sortedIds.length) {
      const grown = Buffer.alloc(Math.max(this.#sortedIds.length * 2, length));
      this.#sortedIds.copy(grown, 0, 0, this.#sortedLength);
      this.#sortedIds = grown;
    }
    const offsets = this.sortedCount + count + 1;
    if (offsets > this.#offsets.length) {
      const grown = new Uint32Array(Math.max(this.#offsets.length * 2, offsets));
      grown.set(this.#offsets);
      this.#offsets = grown;
    }
  }

  /** Whether the ids numbered in order are those of `ids`, in the same order. */
  sortedEquals(ids: SortedIds): boolean {
    const count = ids.offsets.length - 1;
    if (count !== this.sortedCount || ids.bytes.byteLength !== this.#sortedLength) return false;
    for (let at = 0; at <= count; at += 1) {
      if (ids.offsets[at] !== this.#offsets[at]) return false;
    }
    return Buffer.from(ids.bytes.buffer, ids.bytes.byteOffset, ids.bytes.byteLength).equals(
      this.#sortedIds.subarray(0, this.#sortedLength),
    );
  }

  get closed(): boolean {
    return !this.#open;
  }

  /** Ends the build: the buffers shrink to what they hold, and `add` numbers ids after them. */
  close(): void {
    this.#sortedIds = Buffer.from(this.#sortedIds.subarray(0, this.#sortedLength));
    this.#offsets = this.#offsets.slice(0, this.sortedCount + 1);
    this.#open = false;
    this.#lastSorted = null;
  }

  get size(): number {
    return this.sortedCount + this.#added.length;
  }

  /** Bytes held for the ids numbered in order. */
  get sortedBytes(): number {
    return this.#sortedIds.length + this.#offsets.byteLength;
  }

  idOf(number: number): string {
    if (number < this.sortedCount) {
      return this.#sortedIds.toString(
        'utf8',
        this.#offsets[number] as number,
        this.#offsets[number + 1] as number,
      );
    }
    return this.#added[number - this.sortedCount] as string;
  }

  numberOf(id: string): number | undefined {
    const added = this.#addedNumbers.get(id);
    if (added !== undefined) return added;
    const position = this.#firstSortedAfter(id, true);
    return position < this.sortedCount && this.idOf(position) === id ? position : undefined;
  }

  /** How many ids were numbered after the build. */
  get addedCount(): number {
    return this.#added.length;
  }

  /**
   * Numbers `id` after every other, once the build is done. An id that had a number gets a new
   * one: `numberOf` answers the newest (the index marks the old one gone).
   */
  add(id: string): number {
    if (this.#open) throw new Error('Ids are added once the space is built');
    const number = this.size;
    this.#added.push(id);
    this.#addedNumbers.set(id, number);
    this.#addedInOrder.push(number);
    this.#addedSorted = false;
    return number;
  }

  /** The first sorted position whose id is after `id` (or, with `orEqual`, not before it). */
  #firstSortedAfter(id: string, orEqual = false): number {
    let low = 0;
    let high = this.sortedCount;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const order = compareIds(this.idOf(middle), id);
      if (order < 0 || (order === 0 && !orEqual)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  #addedOrder(): number[] {
    if (!this.#addedSorted) {
      this.#addedInOrder.sort((a, b) => compareIds(this.idOf(a), this.idOf(b)));
      this.#addedSorted = true;
    }
    return this.#addedInOrder;
  }

  /**
   * Up to `limit` numbers of `set`, in id order, whose ids come after `after` (from the first
   * when null). Walks the set from the position of `after`; the ids added later are few
   * (a rebuild takes them in), so they are merged in by checking each.
   */
  ordered(set: RoaringBitmap32, after: string | null, limit: number): number[] {
    if (limit <= 0) return [];
    const start = after === null ? 0 : this.#firstSortedAfter(after);
    const rank = start === 0 ? 0 : set.rank(start - 1);
    const sorted = Array.from(set.rangeUint32Array(rank, limit)).filter(
      (number) => number < this.sortedCount,
    );
    if (this.#added.length === 0) return sorted;
    const added: number[] = [];
    for (const number of this.#addedOrder()) {
      if (added.length === limit) break;
      if (set.has(number) && (after === null || compareIds(this.idOf(number), after) > 0)) {
        added.push(number);
      }
    }
    if (added.length === 0) return sorted;
    const merged: number[] = [];
    let i = 0;
    let j = 0;
    while (merged.length < limit && (i < sorted.length || j < added.length)) {
      const a = sorted[i];
      const b = added[j];
      if (b === undefined || (a !== undefined && compareIds(this.idOf(a), this.idOf(b)) < 0)) {
        merged.push(a as number);
        i += 1;
      } else {
        merged.push(b);
        j += 1;
      }
    }
    return merged;
  }
}

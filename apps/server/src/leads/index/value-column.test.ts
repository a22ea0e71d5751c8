import { describe, expect, it } from 'vitest';
import { RoaringBitmap32 } from './bitmap.js';
import { ValueColumn } from './value-column.js';

describe('ValueColumn', () => {
  it('finds the numbers holding any of the values, and none for values it never saw', () => {
    const column = new ValueColumn();
    column.add('acme.io', 0);
    column.add('globex.com', 3);
    column.add('acme.io', 40);

    expect(column.anyOf(['acme.io']).toArray()).toEqual([0, 40]);
    expect(column.anyOf(['acme.io', 'globex.com', 'nobody.example']).toArray()).toEqual([0, 3, 40]);
    expect(column.anyOf(['nobody.example']).isEmpty).toBe(true);
    expect(column.valueCount).toBe(2);
  });

  it('a number given a new value holds only that one; removed numbers hold none', () => {
    const column = new ValueColumn();
    column.add('a', 1);
    column.add('b', 2);
    column.add('b', 1);
    expect(column.anyOf(['a']).toArray()).toEqual([]);
    expect(column.anyOf(['b']).toArray()).toEqual([1, 2]);

    column.removeAll(RoaringBitmap32.from([2]));
    expect(column.anyOf(['b']).toArray()).toEqual([1]);
  });

  it('gives back unused room when optimized, and grows again after', () => {
    const column = new ValueColumn();
    for (let number = 0; number < 20; number += 1) column.add(`v${number % 3}`, number);
    const grown = column.bytes;
    column.optimize();
    expect(column.bytes).toBeLessThan(grown);
    column.add('v0', 1_000);
    expect(column.anyOf(['v0']).toArray()).toEqual([0, 3, 6, 9, 12, 15, 18, 1_000]);
  });
});

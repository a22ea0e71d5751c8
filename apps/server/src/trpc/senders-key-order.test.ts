import { describe, expect, it } from 'vitest';
import { inSendersKeyOrder } from './senders-key-order.js';

const keysOf = (value: object) => JSON.stringify(value);

describe('inSendersKeyOrder', () => {
  it('puts the keys of nested objects back in the order they were sent', () => {
    const sent = { filters: { zeta: 1, job_title: ['CTO'], alpha: { b: 1, a: 2 } } };
    const parsed = { filters: { job_title: ['CTO'], zeta: 1, alpha: { a: 2, b: 1 } } };

    expect(keysOf(inSendersKeyOrder(parsed, sent))).toBe(keysOf(sent));
  });

  it('keeps the keys a schema added after the sent ones, and values as parsed', () => {
    const sent = [{ type: 'maxPeoplePerCompany' }, { value: 3, type: 'minDaysUntilReuse' }];
    const parsed = [
      { type: 'maxPeoplePerCompany', value: 1 },
      { type: 'minDaysUntilReuse', value: 3 },
    ];

    expect(keysOf(inSendersKeyOrder(parsed, sent))).toBe(
      '[{"type":"maxPeoplePerCompany","value":1},{"value":3,"type":"minDaysUntilReuse"}]',
    );
  });

  it('keeps a key named like an Object.prototype member as an own key', () => {
    const sent = JSON.parse('{"toString":1,"constructor":{"b":1,"a":2}}');
    const result = inSendersKeyOrder({ constructor: { a: 2, b: 1 }, toString: 1 }, sent);

    expect(JSON.stringify(result)).toBe('{"toString":1,"constructor":{"b":1,"a":2}}');
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });

  it('leaves values that are not plain objects, and shapes that differ, as parsed', () => {
    const date = new Date(0);
    expect(inSendersKeyOrder({ at: date }, { at: 'x' }).at).toBe(date);
    expect(inSendersKeyOrder({ a: 1 }, 'text')).toEqual({ a: 1 });
    expect(inSendersKeyOrder(['a'], { 0: 'a' })).toEqual(['a']);
  });
});

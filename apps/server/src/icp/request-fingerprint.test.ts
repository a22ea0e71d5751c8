import { describe, expect, it } from 'vitest';
import { fingerprintOf } from './request-fingerprint.js';

describe('fingerprintOf', () => {
  it('ignores key order at every depth', () => {
    expect(fingerprintOf({ a: 1, b: { c: [1, { d: 2, e: 3 }] } })).toBe(
      fingerprintOf({ b: { c: [1, { e: 3, d: 2 }] }, a: 1 }),
    );
  });

  it('tells apart different values, array orders and types', () => {
    expect(fingerprintOf({ a: [1, 2] })).not.toBe(fingerprintOf({ a: [2, 1] }));
    expect(fingerprintOf({ a: '1' })).not.toBe(fingerprintOf({ a: 1 }));
    expect(fingerprintOf({ a: null })).not.toBe(fingerprintOf({}));
  });
});

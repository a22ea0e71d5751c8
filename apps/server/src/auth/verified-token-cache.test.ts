import { describe, expect, it } from 'vitest';
import { VerifiedTokenCache } from './verified-token-cache.js';

const NOW = 1_800_000_000_000;
const HOUR = 60 * 60_000;

describe('VerifiedTokenCache', () => {
  it('returns the user of a remembered token, and nothing for an unknown one', () => {
    const cache = new VerifiedTokenCache();
    cache.set('token-a', 'user_a', NOW + HOUR, NOW);
    expect(cache.get('token-a', NOW + 1)).toBe('user_a');
    expect(cache.get('token-b', NOW + 1)).toBeUndefined();
  });

  it('evicts the oldest entry once it holds more than its maximum', () => {
    const cache = new VerifiedTokenCache(2);
    cache.set('token-1', 'user_1', NOW + HOUR, NOW);
    cache.set('token-2', 'user_2', NOW + HOUR, NOW);
    cache.set('token-3', 'user_3', NOW + HOUR, NOW);
    expect(cache.size).toBe(2);
    expect(cache.get('token-1', NOW)).toBeUndefined();
    expect(cache.get('token-2', NOW)).toBe('user_2');
    expect(cache.get('token-3', NOW)).toBe('user_3');
  });

  it('evicts the least recently used entry, not the least recently added', () => {
    const cache = new VerifiedTokenCache(2);
    cache.set('token-1', 'user_1', NOW + HOUR, NOW);
    cache.set('token-2', 'user_2', NOW + HOUR, NOW);
    expect(cache.get('token-1', NOW)).toBe('user_1');
    cache.set('token-3', 'user_3', NOW + HOUR, NOW);
    expect(cache.get('token-2', NOW)).toBeUndefined();
    expect(cache.get('token-1', NOW)).toBe('user_1');
    expect(cache.get('token-3', NOW)).toBe('user_3');
  });

  it('stays within its maximum however many tokens pass through it', () => {
    const cache = new VerifiedTokenCache(50);
    for (let index = 0; index < 1_000; index += 1) {
      cache.set(`token-${index}`, `user_${index}`, NOW + HOUR, NOW);
    }
    expect(cache.size).toBe(50);
    expect(cache.get('token-949', NOW)).toBeUndefined();
    expect(cache.get('token-950', NOW)).toBe('user_950');
    expect(cache.get('token-999', NOW)).toBe('user_999');
  });

  it('never returns an entry at or past the token’s exp', () => {
    const cache = new VerifiedTokenCache();
    const exp = NOW + 1_000;
    cache.set('token-a', 'user_a', exp, NOW);
    expect(cache.get('token-a', exp - 1)).toBe('user_a');
    expect(cache.get('token-a', exp)).toBeUndefined();
    expect(cache.get('token-a', exp - 1)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('forgets an entry after its maximum age, even when the token lives longer', () => {
    const cache = new VerifiedTokenCache(10, 60_000);
    cache.set('token-a', 'user_a', NOW + HOUR, NOW);
    expect(cache.get('token-a', NOW + 59_999)).toBe('user_a');
    expect(cache.get('token-a', NOW + 60_000)).toBeUndefined();
  });

  it('does not remember a token that has already expired', () => {
    const cache = new VerifiedTokenCache();
    cache.set('token-a', 'user_a', NOW - 1, NOW);
    cache.set('token-b', 'user_b', NOW, NOW);
    expect(cache.size).toBe(0);
    expect(cache.get('token-a', NOW - 10)).toBeUndefined();
  });

  it('replaces the entry of a token set twice, keeping one entry', () => {
    const cache = new VerifiedTokenCache(2);
    cache.set('token-a', 'user_a', NOW + 1_000, NOW);
    cache.set('token-a', 'user_a', NOW + HOUR, NOW);
    expect(cache.size).toBe(1);
    expect(cache.get('token-a', NOW + 2_000)).toBe('user_a');
  });
});

import { describe, expect, it } from 'vitest';
import { CallTokens } from './call-tokens.js';
import { TokenBucketLimiter } from './token-bucket.js';

describe('TokenBucketLimiter', () => {
  it('allows a burst, then refuses with a Retry-After, then refills at the rate', () => {
    const limiter = new TokenBucketLimiter(2, 3);
    const start = 1_000_000;

    expect([1, 2, 3].map(() => limiter.take('k', 1, start).granted)).toEqual([1, 1, 1]);
    expect(limiter.take('k', 1, start)).toEqual({ granted: 0, retryAfterSeconds: 1 });
    expect(limiter.take('k', 1, start + 500).granted).toBe(1);
    expect(limiter.take('k', 1, start + 500).granted).toBe(0);
  });

  it('grants several tokens at once, as many as the bucket holds', () => {
    const limiter = new TokenBucketLimiter(0.1, 5);

    expect(limiter.take('k', 3, 0).granted).toBe(3);
    expect(limiter.take('k', 3, 0)).toEqual({ granted: 2, retryAfterSeconds: 10 });
    expect(limiter.take('k', 3, 0).granted).toBe(0);
  });

  it('keeps callers apart', () => {
    const limiter = new TokenBucketLimiter(1, 1);

    expect(limiter.take('a', 1, 0).granted).toBe(1);
    expect(limiter.take('b', 1, 0).granted).toBe(1);
    expect(limiter.take('a', 1, 0).granted).toBe(0);
  });

  it('forgets the least recently seen caller beyond its bound', () => {
    const limiter = new TokenBucketLimiter(1, 1, 2);
    limiter.take('a', 1, 0);
    limiter.take('b', 1, 0);
    limiter.take('c', 1, 0);

    expect(limiter.take('a', 1, 0).granted).toBe(1);
    expect(limiter.take('c', 1, 0).granted).toBe(0);
  });
});

describe('CallTokens', () => {
  it('lets as many calls through as tokens were granted, then refuses with the Retry-After', () => {
    const tokens = new CallTokens({ granted: 2, retryAfterSeconds: 7 });

    expect([tokens.spend(), tokens.spend(), tokens.spend()]).toEqual([
      { allowed: true },
      { allowed: true },
      { allowed: false, retryAfterSeconds: 7 },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, nextRetryAt } from './retry-schedule.js';

const first = new Date('2026-12-03T08:00:00.000Z');
const after = (ms: number) => new Date(first.getTime() + ms);
const HOUR = 3_600_000;

describe('nextRetryAt', () => {
  it('waits twice as long after each failure, a random half of each wait added', () => {
    const waits = [1, 2, 3, 4].map((number) => {
      const low = nextRetryAt(
        DEFAULT_RETRY_POLICY,
        { number, firstAttemptAt: first, attemptedAt: first },
        () => 0,
      );
      const high = nextRetryAt(
        DEFAULT_RETRY_POLICY,
        { number, firstAttemptAt: first, attemptedAt: first },
        () => 1,
      );
      return [(low?.getTime() ?? 0) - first.getTime(), (high?.getTime() ?? 0) - first.getTime()];
    });
    expect(waits).toEqual([
      [5_000, 10_000],
      [10_000, 20_000],
      [20_000, 40_000],
      [40_000, 80_000],
    ]);
  });

  it('waits no longer than the longest wait, however many attempts failed', () => {
    const retry = nextRetryAt(
      DEFAULT_RETRY_POLICY,
      { number: 40, firstAttemptAt: first, attemptedAt: after(HOUR) },
      () => 1,
    );
    expect(retry).toEqual(after(3 * HOUR));
  });

  it('tries a last time at 24 h after the first attempt, then gives up', () => {
    const late = { number: 20, firstAttemptAt: first, attemptedAt: after(23 * HOUR) };
    expect(nextRetryAt(DEFAULT_RETRY_POLICY, late, () => 1)).toEqual(after(24 * HOUR));
    const last = { number: 21, firstAttemptAt: first, attemptedAt: after(24 * HOUR) };
    expect(nextRetryAt(DEFAULT_RETRY_POLICY, last)).toBeNull();
    const overdue = { number: 21, firstAttemptAt: first, attemptedAt: after(30 * HOUR) };
    expect(nextRetryAt(DEFAULT_RETRY_POLICY, overdue)).toBeNull();
  });
});

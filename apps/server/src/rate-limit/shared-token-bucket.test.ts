import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../test/support/temp-database.js';
import { testDatabase } from '../../test/support/test-database.js';
import { LEASE_MS, leaseSize, SharedTokenBucketLimiter } from './shared-token-bucket.js';

describe('the lease a replica takes ahead from the shared bucket', () => {
  it('is a twentieth of a second of refill, at most a twentieth of the burst; none under the default limit', () => {
    expect(leaseSize(10, 20)).toBe(0);
    expect(leaseSize(0.5, 3)).toBe(0);
    expect(leaseSize(1_000, 2_000)).toBe(50);
    expect(leaseSize(1_000, 100)).toBe(5);
    expect(leaseSize(1_000_000, 1_000_000)).toBe(50_000);
  });
});

describe.skipIf(testDatabase !== 'postgres')('token buckets shared by replicas', () => {
  const database = useTempDatabase();
  const T0 = 1_800_000_000_000;
  const replicas = (ratePerSecond: number, burst: number) =>
    [1, 2].map(() => new SharedTokenBucketLimiter(database.db, ratePerSecond, burst));
  const tokensInDatabase = async (callerKey: string) => {
    const row = await database.db
      .selectFrom('rate_limit_buckets')
      .select('tokens')
      .where('caller_key', '=', callerKey)
      .executeTakeFirst();
    return row === undefined ? undefined : Number(row.tokens);
  };
  /** Takes one token at a time, alternating replicas, at one instant, until one is refused. */
  const grantsUntilRefused = async (limiters: SharedTokenBucketLimiter[], nowMs: number) => {
    let granted = 0;
    for (let index = 0; index < 10_000; index += 1) {
      const grant = await (limiters[index % limiters.length] as SharedTokenBucketLimiter).take(
        'user:ana',
        1,
        nowMs,
      );
      if (grant.granted === 0) return granted;
      granted += grant.granted;
    }
    throw new Error('never refused');
  };

  it('under the default limit every take is a statement: the burst exactly, over both replicas', async () => {
    expect(await grantsUntilRefused(replicas(10, 20), T0)).toBe(20);
  });

  it('with a lease, both replicas together never grant more than the bucket held, and lose at most a lease each', async () => {
    const granted = await grantsUntilRefused(replicas(1_000, 2_000), T0);
    expect(granted).toBeLessThanOrEqual(2_000);
    expect(granted).toBeGreaterThanOrEqual(2_000 - 2 * 50);
  });

  it('spends a lease in process: the takes it covers leave the database as it was', async () => {
    const [first] = replicas(1_000, 2_000) as [SharedTokenBucketLimiter];
    expect((await first.take('user:ana', 1, T0)).granted).toBe(1);
    expect(await tokensInDatabase('user:ana')).toBe(2_000 - 51);

    for (let index = 0; index < 50; index += 1) {
      expect((await first.take('user:ana', 1, T0 + 10)).granted).toBe(1);
    }
    expect(await tokensInDatabase('user:ana')).toBe(2_000 - 51);

    // The lease is spent: the next take goes to the database, for itself and a new lease.
    expect((await first.take('user:ana', 1, T0 + 10)).granted).toBe(1);
    expect(await tokensInDatabase('user:ana')).toBeCloseTo(2_000 - 102 + 10, 6);
  });

  it('drops what is left of a lease when it ends', async () => {
    const [first] = replicas(1_000, 200_000) as [SharedTokenBucketLimiter];
    await first.take('user:ana', 5_000, T0);
    expect(await tokensInDatabase('user:ana')).toBe(200_000 - 5_050);
    await first.take('user:ana', 1, T0 + LEASE_MS - 1);
    expect(await tokensInDatabase('user:ana')).toBe(200_000 - 5_050);
    await first.take('user:ana', 1, T0 + LEASE_MS);

    // 49 leased tokens are gone: a second of refill came in, and a new take and lease went out.
    expect(await tokensInDatabase('user:ana')).toBeCloseTo(200_000 - 5_050 + 1_000 - 51, 6);
  });

  it('lets a caller burst by at most one lease per replica more than the burst', async () => {
    const limiters = replicas(1_000, 2_000);
    for (const limiter of limiters) await limiter.take('user:ana', 1, T0);
    // The bucket is full again a tenth of a second later; the leases are still there to spend.
    const granted = await grantsUntilRefused(limiters, T0 + 100);
    expect(granted).toBeLessThanOrEqual(2_000 + 2 * 50);
    expect(granted).toBeGreaterThan(2_000);
  });

  it('a take asking more than the lease holds spends the lease and takes the rest', async () => {
    const [first] = replicas(1_000, 2_000) as [SharedTokenBucketLimiter];
    await first.take('user:ana', 1, T0);
    expect((await first.take('user:ana', 70, T0)).granted).toBe(70);
    // 50 leased, 20 more and a new lease of 50.
    expect(await tokensInDatabase('user:ana')).toBe(2_000 - 51 - 70);
  });

  it('racing takes of one caller wait for the one statement in flight and share its lease', async () => {
    const [first] = replicas(1_000, 2_000) as [SharedTokenBucketLimiter];
    const grants = await Promise.all(
      Array.from({ length: 100 }, () => first.take('user:ana', 1, T0)),
    );

    expect(grants.every((grant) => grant.granted === 1)).toBe(true);
    // Two statements (51 tokens each), not one per take.
    expect(await tokensInDatabase('user:ana')).toBe(2_000 - 102);
  });

  it('a lease is its caller alone: another caller takes from their own bucket', async () => {
    const [first] = replicas(1_000, 2_000) as [SharedTokenBucketLimiter];
    await first.take('user:ana', 1, T0);
    await first.take('user:bo', 1, T0);

    expect(await tokensInDatabase('user:ana')).toBe(2_000 - 51);
    expect(await tokensInDatabase('user:bo')).toBe(2_000 - 51);
  });
});

import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { preparedQuery } from '../db/prepared-query.js';
import type { RateLimiter, TokenGrant } from './rate-limiter.js';
import { retryAfterSeconds } from './token-bucket.js';

/**
 * Refills the caller's bucket and takes up to `asked` tokens, in one atomic statement; prepared,
 * since every request runs it.
 */
const takeTokens = preparedQuery<
  { tokens: number; last_granted: number },
  [callerKey: string, ratePerSecond: number, burst: number, asked: number, nowMs: number]
>(5, (db, callerKey, ratePerSecond, burstValue, askedValue, nowMs) => {
  // Typed parameters: left to infer, a fractional rate next to a bigint would be read as one.
  const rate = sql`cast(${ratePerSecond} as double precision)`;
  const burst = sql`cast(${burstValue} as double precision)`;
  const asked = sql`cast(${askedValue} as double precision)`;
  const now = sql`cast(${nowMs} as bigint)`;
  const refilled = sql<number>`least(${burst}, b.tokens + greatest(0, ${now} - b.refilled_at_ms) * ${rate} / 1000.0)`;
  const granted = sql<number>`greatest(0, least(${asked}, floor(${refilled})))`;
  const grantedFromFull = sql<number>`least(${asked}, floor(${burst}))`;
  // last_allowed is still written for servers of the previous version during a rolling update.
  const upsert = sql<{ tokens: number; last_granted: number }>`
    insert into rate_limit_buckets as b (caller_key, tokens, refilled_at_ms, last_granted, last_allowed)
    values (${callerKey}, ${burst} - ${grantedFromFull}, ${now}, cast(${grantedFromFull} as integer), true)
    on conflict (caller_key) do update set
      tokens = ${refilled} - ${granted},
      last_granted = cast(${granted} as integer),
      last_allowed = ${granted} >= 1,
      refilled_at_ms = ${now}
    returning tokens, last_granted`;
  return { compile: () => upsert.compile(db) };
});

/**
 * The same token buckets as TokenBucketLimiter, kept in the database so that every server
 * process over it shares them: a caller spreading requests over several replicas gets the
 * limit once, not once per replica. One atomic upsert per request refills and takes, however
 * many tokens the request asks for (one per call of a tRPC batch).
 */
export class SharedTokenBucketLimiter implements RateLimiter {
  constructor(
    private readonly db: Db,
    private readonly ratePerSecond: number,
    private readonly burst: number,
  ) {}

  async take(callerKey: string, count = 1, nowMs = Date.now()): Promise<TokenGrant> {
    const { rows } = await takeTokens(
      this.db,
      callerKey,
      this.ratePerSecond,
      this.burst,
      count,
      nowMs,
    );
    const row = rows[0];
    if (row === undefined) return { granted: count, retryAfterSeconds: 1 };
    return {
      granted: Number(row.last_granted),
      retryAfterSeconds: retryAfterSeconds(Number(row.tokens), this.ratePerSecond),
    };
  }
}

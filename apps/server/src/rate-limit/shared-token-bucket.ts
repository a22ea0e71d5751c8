import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import type { RateLimitDecision } from './token-bucket.js';

/**
 * The same token buckets as TokenBucketLimiter, kept in the database so that every server
 * process over it shares them: a caller spreading requests over several replicas gets the
 * limit once, not once per replica. One atomic upsert per request refills and takes.
 */
export class SharedTokenBucketLimiter {
  constructor(
    private readonly db: Db,
    private readonly ratePerSecond: number,
    private readonly burst: number,
  ) {}

  async take(callerKey: string, nowMs = Date.now()): Promise<RateLimitDecision> {
    // Typed parameters: left to infer, a fractional rate next to a bigint would be read as one.
    const rate = sql`cast(${this.ratePerSecond} as double precision)`;
    const burst = sql`cast(${this.burst} as double precision)`;
    const now = sql`cast(${nowMs} as bigint)`;
    const refilled = sql<number>`least(${burst}, b.tokens + greatest(0, ${now} - b.refilled_at_ms) * ${rate} / 1000.0)`;
    const { rows } = await sql<{ tokens: number; last_allowed: boolean }>`
      insert into rate_limit_buckets as b (caller_key, tokens, refilled_at_ms, last_allowed)
      values (${callerKey}, ${burst} - 1, ${now}, true)
      on conflict (caller_key) do update set
        tokens = case when ${refilled} >= 1 then ${refilled} - 1 else ${refilled} end,
        last_allowed = ${refilled} >= 1,
        refilled_at_ms = ${now}
      returning tokens, last_allowed`.execute(this.db);
    const row = rows[0];
    if (row === undefined || row.last_allowed) return { allowed: true };
    const retryAfterSeconds = Math.max(1, Math.ceil((1 - row.tokens) / this.ratePerSecond));
    return { allowed: false, retryAfterSeconds };
  }
}

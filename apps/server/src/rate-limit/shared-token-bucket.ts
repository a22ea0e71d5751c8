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

/** A lease lasts this long: tokens a replica took ahead and did not use by then are dropped. */
export const LEASE_MS = 1_000;

/**
 * Tokens a replica takes ahead of need from the shared bucket, and spends in process: a
 * twentieth of a second's refill, at most a twentieth of the burst. Below 1 (the default limit
 * of 10 a second, burst 20, gives 0) every request takes its own tokens from the database.
 */
export function leaseSize(ratePerSecond: number, burst: number): number {
  return Math.floor(Math.min(ratePerSecond / 20, burst / 20));
}

interface Lease {
  tokens: number;
  expiresAtMs: number;
}

/**
 * The same token buckets as TokenBucketLimiter, kept in the database so that every server
 * process over it shares them: a caller spreading requests over several replicas gets the
 * limit once, not once per replica. One atomic upsert refills and takes, however many tokens
 * the request asks for (one per call of a tRPC batch).
 *
 * Under a high limit a busy caller would make that upsert on every request, so a take also asks
 * for a lease (`leaseSize`) and the replica spends it in process for up to `LEASE_MS`: one upsert
 * per lease instead of one per request. Leased tokens come out of the shared bucket, so replicas
 * never grant more tokens than it gave; but a lease is spent later than it was taken, while the
 * bucket refills, so a caller may burst by one lease per replica more than the burst (5% of it
 * per replica at most). Tokens a replica leased and did not use are lost to the others.
 */
export class SharedTokenBucketLimiter implements RateLimiter {
  readonly #leases = new Map<string, Lease>();
  readonly #pending = new Map<string, Promise<void>>();
  readonly #leaseSize: number;
  #sweptAtMs = 0;

  constructor(
    private readonly db: Db,
    private readonly ratePerSecond: number,
    private readonly burst: number,
  ) {
    this.#leaseSize = leaseSize(ratePerSecond, burst);
  }

  async take(callerKey: string, count = 1, nowMs = Date.now()): Promise<TokenGrant> {
    if (this.#leaseSize === 0) return this.#takeShared(callerKey, count, nowMs);
    // One take at a time per caller goes to the database; the others spend the lease it brings.
    for (let pending = this.#pending.get(callerKey); pending !== undefined; ) {
      await pending;
      pending = this.#pending.get(callerKey);
      nowMs = Math.max(nowMs, Date.now());
    }
    const lease = this.#leaseOf(callerKey, nowMs);
    if (lease !== undefined && lease.tokens >= count) {
      lease.tokens -= count;
      return { granted: count, retryAfterSeconds: 1 };
    }
    const taking = this.#takeShared(callerKey, count, nowMs, lease?.tokens ?? 0);
    const settled = taking.then(
      () => undefined,
      () => undefined,
    );
    this.#pending.set(callerKey, settled);
    try {
      return await taking;
    } finally {
      this.#pending.delete(callerKey);
    }
  }

  /** Takes `count` tokens, less the `held` ones of a lease, and a new lease, from the database. */
  async #takeShared(callerKey: string, count: number, nowMs: number, held = 0) {
    this.#leases.delete(callerKey);
    const { rows } = await takeTokens(
      this.db,
      callerKey,
      this.ratePerSecond,
      this.burst,
      count - held + this.#leaseSize,
      nowMs,
    );
    const row = rows[0];
    if (row === undefined) return { granted: count, retryAfterSeconds: 1 };
    const available = held + Number(row.last_granted);
    const granted = Math.min(count, available);
    if (available > granted) {
      this.#leases.set(callerKey, { tokens: available - granted, expiresAtMs: nowMs + LEASE_MS });
    }
    return {
      granted,
      retryAfterSeconds: retryAfterSeconds(Number(row.tokens), this.ratePerSecond),
    };
  }

  /** The caller's unexpired lease; expired ones are dropped (all of them, once per lease time). */
  #leaseOf(callerKey: string, nowMs: number): Lease | undefined {
    if (nowMs - this.#sweptAtMs > LEASE_MS) {
      for (const [key, lease] of this.#leases) {
        if (lease.expiresAtMs <= nowMs) this.#leases.delete(key);
      }
      this.#sweptAtMs = nowMs;
    }
    const lease = this.#leases.get(callerKey);
    return lease !== undefined && lease.expiresAtMs > nowMs ? lease : undefined;
  }
}

/** What a take got: `granted` of the tokens asked for, and when the next one will be there. */
export interface TokenGrant {
  granted: number;
  /** Seconds until the bucket holds a whole token again (at least 1): the `Retry-After`. */
  retryAfterSeconds: number;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Per-caller token buckets, in this process or shared by every replica (in the database). */
export interface RateLimiter {
  /** Takes up to `count` tokens from the caller's bucket: as many as it holds, at most `count`. */
  take(callerKey: string, count: number): TokenGrant | Promise<TokenGrant>;
}

/** The bucket of a user, whichever credential (a JWT, any of their API keys) they call with. */
export const userBucket = (userId: string) => `user:${userId}`;

/** The bucket of a network address, for the calls made before anyone is signed in. */
export const addressBucket = (address: string) => `ip:${address}`;

import type { RateLimitDecision, TokenGrant } from './rate-limiter.js';

/**
 * The tokens one request took, when it arrived, for its procedure calls: one per call, so a
 * tRPC batch of n calls costs what n requests cost. Spent synchronously as each call starts;
 * the calls beyond the grant are refused.
 */
export class CallTokens {
  #left: number;

  constructor(private readonly grant: TokenGrant) {
    this.#left = grant.granted;
  }

  spend(): RateLimitDecision {
    if (this.#left <= 0) return { allowed: false, retryAfterSeconds: this.grant.retryAfterSeconds };
    this.#left -= 1;
    return { allowed: true };
  }
}

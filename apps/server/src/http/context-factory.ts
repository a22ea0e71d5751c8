import type { Authenticate } from '../auth/authenticator.js';
import type { BullhornClient } from '../crm/bullhorn/client.js';
import type { Db } from '../db/connect.js';
import type { Transact } from '../db/transact.js';
import type { LeadEvaluators } from '../leads/matching/find-leads.js';
import type { SharedTokenBucketLimiter } from '../rate-limit/shared-token-bucket.js';
import type { TokenBucketLimiter } from '../rate-limit/token-bucket.js';
import type { AuthMode, Context } from '../trpc/context.js';

export type CreateContext = (authorization: string | undefined) => Promise<Context>;

/** Builds each request's context; the same for the tRPC endpoint and the REST adapter. */
export function createContextFactory(deps: {
  db: Db;
  transact: Transact;
  authenticate: Authenticate;
  authMode: AuthMode;
  now?: () => Date;
  rateLimiter?: TokenBucketLimiter | undefined;
  /** Limits shared by every replica (on PostgreSQL): one token per HTTP request. */
  sharedRateLimiter?: SharedTokenBucketLimiter | undefined;
  evaluators?: LeadEvaluators | undefined;
  bullhorn?: BullhornClient | undefined;
  storedLeadsPerDay?: number | undefined;
}): CreateContext {
  const now = deps.now ?? (() => new Date());
  return async (authorization) => {
    const user = await deps.authenticate(authorization);
    const rateLimit =
      user === null || deps.sharedRateLimiter === undefined
        ? undefined
        : await deps.sharedRateLimiter.take(`${user.via}:${user.id}`);
    return {
      db: deps.db,
      transact: deps.transact,
      user,
      rateLimit,
      authMode: deps.authMode,
      now,
      rateLimiter: deps.rateLimiter,
      evaluators: deps.evaluators,
      bullhorn: deps.bullhorn,
      storedLeadsPerDay: deps.storedLeadsPerDay,
    };
  };
}

import type { Authenticate } from '../auth/authenticator.js';
import type { BullhornClient } from '../crm/bullhorn/client.js';
import type { Db } from '../db/connect.js';
import type { Transact } from '../db/transact.js';
import type { LeadSearchLimits } from '../leads/lead-search-limits.js';
import type { LeadEvaluators } from '../leads/matching/find-leads.js';
import { CallTokens } from '../rate-limit/call-tokens.js';
import { type RateLimiter, userBucket } from '../rate-limit/rate-limiter.js';
import type { AuthMode, Context } from '../trpc/context.js';

/** What the transport knows of a request beyond its token. */
export interface RequestFacts {
  /** Procedure calls the request holds (a tRPC batch holds several); 1 when absent. */
  calls?: number;
  clientAddress?: string | undefined;
}

export type CreateContext = (
  authorization: string | undefined,
  request?: RequestFacts,
) => Promise<Context>;

/** Builds each request's context; the same for the tRPC endpoint and the REST adapter. */
export function createContextFactory(deps: {
  db: Db;
  transact: Transact;
  authenticate: Authenticate;
  authMode: AuthMode;
  now?: () => Date;
  /** In this process (SQLite), or shared by every replica (PostgreSQL); absent: no limits. */
  rateLimiter?: RateLimiter | undefined;
  leadSearches?: LeadSearchLimits | undefined;
  evaluators?: LeadEvaluators | undefined;
  bullhorn?: BullhornClient | undefined;
  storedLeadsPerDay?: number | undefined;
  recommendedCompaniesPerDay?: number | undefined;
  webhookAllowPrivate?: boolean | undefined;
}): CreateContext {
  const now = deps.now ?? (() => new Date());
  return async (authorization, request = {}) => {
    const user = await deps.authenticate(authorization);
    // Every call of the request takes its token now, in one take: a batch costs its calls.
    const callTokens =
      user === null || deps.rateLimiter === undefined
        ? undefined
        : new CallTokens(await deps.rateLimiter.take(userBucket(user.id), request.calls ?? 1));
    return {
      db: deps.db,
      transact: deps.transact,
      user,
      callTokens,
      authMode: deps.authMode,
      now,
      rateLimiter: deps.rateLimiter,
      clientAddress: request.clientAddress,
      leadSearches: deps.leadSearches,
      evaluators: deps.evaluators,
      bullhorn: deps.bullhorn,
      storedLeadsPerDay: deps.storedLeadsPerDay,
      recommendedCompaniesPerDay: deps.recommendedCompaniesPerDay,
      webhookAllowPrivate: deps.webhookAllowPrivate,
    };
  };
}

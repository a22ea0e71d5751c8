import type { AuthUser } from '../auth/auth-user.js';
import type { BullhornClient } from '../crm/bullhorn/client.js';
import type { Db } from '../db/connect.js';
import type { Transact } from '../db/transact.js';
import type { AppError } from '../errors.js';
import type { LeadSearchLimits } from '../leads/lead-search-limits.js';
import type { LeadEvaluators } from '../leads/matching/find-leads.js';
import type { CallTokens } from '../rate-limit/call-tokens.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';

/** How users sign in: tokens from an identity provider, or tokens this server signs (local). */
export type AuthMode =
  | { kind: 'jwt' }
  | { kind: 'local'; signToken: (userId: string) => Promise<string> };

/** What every procedure sees; built per request by the HTTP layer, or directly in tests. */
export interface Context {
  db: Db;
  /** How writes reach the database: each in a transaction that has committed when it resolves. */
  transact: Transact;
  user: AuthUser | null;
  authMode: AuthMode;
  now: () => Date;
  /** Evaluators of the `ai`, `website` and `webscraping` filters that are configured. */
  evaluators?: LeadEvaluators | undefined;
  /** The CRM searched for an ICP's `crmFilters`, when one is configured. */
  bullhorn?: BullhornClient | undefined;
  /**
   * The tokens the signed-in caller's request took, one per procedure call, spent as each call
   * starts; absent when rate limits are off.
   */
  callTokens?: CallTokens | undefined;
  /** Whether webhook URLs may name private addresses (`WEBHOOK_ALLOW_PRIVATE=on`). */
  webhookAllowPrivate?: boolean | undefined;
  /** Leads one user may store in lead lists per UTC day; 0 or absent: no quota. */
  storedLeadsPerDay?: number | undefined;
  /** Unique companies one user may fetch from v2 recommendations per UTC day; 0/absent: none. */
  recommendedCompaniesPerDay?: number | undefined;
  /** For calls limited otherwise than by user (local sign-in); absent when limits are off. */
  rateLimiter?: RateLimiter | undefined;
  /** The network address the request came from (the socket's peer), when known. */
  clientAddress?: string | undefined;
  /** How lead searches are bounded: at once per user, and in time; absent: not at all. */
  leadSearches?: LeadSearchLimits | undefined;
  /**
   * Why the transport could not decode the request body (not JSON, or not sent as JSON). Raised
   * only after the ICP it names is found and checked, as the documented order of checks asks.
   */
  undecodableBody?: AppError | undefined;
}

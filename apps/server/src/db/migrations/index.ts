import type { Migration } from 'kysely';
import * as createIcps from './2026-11-22-001-create-icps.js';
import * as createApiKeys from './2026-11-22-002-create-api-keys.js';
import * as createIdempotencyKeys from './2026-11-22-003-create-idempotency-keys.js';
import * as createLeadDatabase from './2026-11-22-004-create-lead-database.js';
import * as createRecommendationIcps from './2026-11-22-005-create-recommendation-icps.js';
import * as createLeadLists from './2026-11-22-006-create-lead-lists.js';
import * as addLeadListCrmSourcing from './2026-11-22-007-add-lead-list-crm-sourcing.js';
import * as createRateLimitBuckets from './2026-11-22-008-create-rate-limit-buckets.js';
import * as unloggedRateLimitBuckets from './2026-11-22-009-unlogged-rate-limit-buckets.js';
import * as countSharedIcps from './2026-12-02-010-count-shared-icps.js';
import * as scopeCrmContacts from './2026-12-02-011-scope-crm-contacts.js';
import * as createStoredLeadsQuota from './2026-12-02-012-create-stored-leads-quota.js';
import * as rateLimitBucketGrants from './2026-12-02-013-rate-limit-bucket-grants.js';
import * as trackLeadRevisions from './2026-12-02-014-track-lead-revisions.js';
import * as addLeadProfileFields from './2026-12-03-015-add-lead-profile-fields.js';
import * as storeDailyRecommendations from './2026-12-03-016-store-daily-recommendations.js';
import * as leadListsAsLancePublishes from './2026-12-03-017-lead-lists-as-lance-publishes.js';
import * as createIcpSchedules from './2026-12-03-018-create-icp-schedules.js';
import * as createWebhookDeliveries from './2026-12-03-019-create-webhook-deliveries.js';
import * as createRecommendedCompaniesQuota from './2026-12-04-020-create-recommended-companies-quota.js';
import * as restartWebhookRetries from './2026-12-04-021-restart-webhook-retries.js';
import * as pruneLeadDeletions from './2026-12-04-022-prune-lead-deletions.js';

/** Every migration, by name; names sort in the order they must run. Never edit one that shipped. */
export const migrations: Record<string, Migration> = {
  '2026-11-22-001-create-icps': createIcps,
  '2026-11-22-002-create-api-keys': createApiKeys,
  '2026-11-22-003-create-idempotency-keys': createIdempotencyKeys,
  '2026-11-22-004-create-lead-database': createLeadDatabase,
  '2026-11-22-005-create-recommendation-icps': createRecommendationIcps,
  '2026-11-22-006-create-lead-lists': createLeadLists,
  '2026-11-22-007-add-lead-list-crm-sourcing': addLeadListCrmSourcing,
  '2026-11-22-008-create-rate-limit-buckets': createRateLimitBuckets,
  '2026-11-22-009-unlogged-rate-limit-buckets': unloggedRateLimitBuckets,
  '2026-12-02-010-count-shared-icps': countSharedIcps,
  '2026-12-02-011-scope-crm-contacts': scopeCrmContacts,
  '2026-12-02-012-create-stored-leads-quota': createStoredLeadsQuota,
  '2026-12-02-013-rate-limit-bucket-grants': rateLimitBucketGrants,
  '2026-12-02-014-track-lead-revisions': trackLeadRevisions,
  '2026-12-03-015-add-lead-profile-fields': addLeadProfileFields,
  '2026-12-03-016-store-daily-recommendations': storeDailyRecommendations,
  '2026-12-03-017-lead-lists-as-lance-publishes': leadListsAsLancePublishes,
  '2026-12-03-018-create-icp-schedules': createIcpSchedules,
  '2026-12-03-019-create-webhook-deliveries': createWebhookDeliveries,
  '2026-12-04-020-create-recommended-companies-quota': createRecommendedCompaniesQuota,
  '2026-12-04-021-restart-webhook-retries': restartWebhookRetries,
  '2026-12-04-022-prune-lead-deletions': pruneLeadDeletions,
};

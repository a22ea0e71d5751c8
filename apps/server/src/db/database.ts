import type { Generated, Insertable, Selectable } from 'kysely';

export interface IcpsTable {
  id: string;
  name: string;
  description: string | null;
  lead_provider_criteria: string;
  custom_filter_criteria: string;
  crm_filters: string | null;
  user_ids: string;
  leads_per_list: number;
  active_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface IcpMembersTable {
  user_id: string;
  icp_created_at: string;
  icp_id: string;
  /** 1 when someone other than the member added them (see MAX_ICPS_SHARED_WITH_USER), else 0. */
  shared_by_other: Generated<number>;
}

export interface ApiKeysTable {
  id: string;
  user_id: string;
  name: string | null;
  key_hash: string;
  key_prefix: string;
  created_at: string;
  revoked_at: string | null;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  request_hash: string;
  icp_id: string;
  response_body: string;
  created_at: string;
}

export interface CompaniesTable {
  id: string;
  name: string;
  domain: string | null;
  industry: string | null;
  /** JSON array of the keywords as imported. */
  keywords: string;
  employee_count: number | null;
  revenue: number | null;
  country: string | null;
  state: string | null;
  city: string | null;
  founded_year: number | null;
  description: string | null;
  linkedin_url: string | null;
  logo_url: string | null;
  hq_street_address: string | null;
  hq_postal_code: string | null;
  hq_locality: string | null;
  hq_region: string | null;
  latitude: number | null;
  longitude: number | null;
  /** Whose CRM search brought it in; null in the shared lead database. */
  crm_scope: string | null;
  /** The lead revision that last wrote it (see the migration that tracks lead revisions). */
  revision: Generated<number>;
}

export interface CompanyKeywordsTable {
  /** Lower-case. */
  keyword: string;
  company_id: string;
}

export interface PeopleTable {
  id: string;
  first_name: string;
  last_name: string;
  job_title: string;
  seniority: string | null;
  department: string | null;
  /** JSON array of the skills as imported. */
  skills: string;
  country: string | null;
  state: string | null;
  city: string | null;
  company_id: string | null;
  email: string | null;
  source: 'provider' | 'crm';
  linkedin_url: string | null;
  /** Where they are, as their profile states it (`Paris, Île-de-France, France`). */
  location: string | null;
  summary: string | null;
  /** Whose CRM search brought them in; null in the shared lead database (see crm-scope.ts). */
  crm_scope: string | null;
  /** The lead revision that last wrote them. */
  revision: Generated<number>;
}

export interface PersonTitleWordsTable {
  word: string;
  person_id: string;
}

export interface PersonSkillsTable {
  /** Lower-case. */
  skill: string;
  person_id: string;
}

export interface RecommendationIcpsTable {
  id: string;
  account_id: string;
  /** '' for the account's own ICP. */
  external_user_id: string;
  body: string;
  created_at: string;
  updated_at: string;
}

export interface LeadListsTable {
  id: string;
  /** Null for a list made without an ICP, or once its ICP was deleted. */
  icp_id: string | null;
  name: string;
  type: 'person' | 'company';
  start_date: string;
  end_date: string;
  /** JSON arrays of the ids, in list order. */
  person_ids: string;
  company_ids: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** Null for a list made by hand. */
  requested_size: number | null;
  lead_count: number;
  matched_count: number | null;
  not_applied: string;
  ignored_filter_keys: string;
  /** JSON: what the CRM filters brought in. */
  crm_sourcing: Generated<string>;
}

export interface LeadListMembersTable {
  lead_list_id: string;
  position: number;
  icp_id: string | null;
  person_id: string;
  created_at: string;
  /** JSON snapshot of the lead as delivered. */
  lead: string;
}

/** The companies of a list, in order: each a JSON snapshot of the company as added. */
export interface LeadListCompaniesTable {
  lead_list_id: string;
  position: number;
  company_id: string;
  company: string;
}

/** Who may see a list while it has no ICP. */
export interface LeadListViewersTable {
  lead_list_id: string;
  user_id: string;
}

export interface RateLimitBucketsTable {
  caller_key: string;
  tokens: number;
  refilled_at_ms: number;
  last_allowed: boolean;
  /** Tokens the last take got (a take asks for one per call of its request). */
  last_granted: number;
}

/** An ICP's delivery schedule (see the migration that creates it). */
export interface IcpSchedulesTable {
  icp_id: string;
  id: string;
  every: 'day' | 'week' | 'month';
  /** `HH:MM`, local to `timezone`. */
  at: string;
  timezone: string;
  webhook_url: string | null;
  webhook_secret: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  starts_from: string;
}

/** A period an ICP's schedule delivered; its key makes each period delivered once. */
export interface IcpDeliveriesTable {
  icp_id: string;
  period_start: string;
  period_end: string;
  lead_list_id: string | null;
  delivered_at: string;
}

export interface Database {
  icps: IcpsTable;
  icp_members: IcpMembersTable;
  api_keys: ApiKeysTable;
  idempotency_keys: IdempotencyKeysTable;
  companies: CompaniesTable;
  company_keywords: CompanyKeywordsTable;
  people: PeopleTable;
  person_title_words: PersonTitleWordsTable;
  person_skills: PersonSkillsTable;
  recommendation_icps: RecommendationIcpsTable;
  lead_lists: LeadListsTable;
  lead_list_members: LeadListMembersTable;
  lead_list_companies: LeadListCompaniesTable;
  lead_list_viewers: LeadListViewersTable;
  rate_limit_buckets: RateLimitBucketsTable;
  stored_leads_per_day: StoredLeadsPerDayTable;
  lead_revision: LeadRevisionTable;
  lead_deletions: LeadDeletionsTable;
  recommendation_days: RecommendationDaysTable;
  recommended_companies: RecommendedCompaniesTable;
  recommended_companies_per_day: RecommendedCompaniesPerDayTable;
  recommended_companies_fetched: RecommendedCompaniesFetchedTable;
  icp_schedules: IcpSchedulesTable;
  icp_deliveries: IcpDeliveriesTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
}

/**
 * One row: the revision of the last write of people or companies, and the highest revision of a
 * deletion pruned from `lead_deletions`.
 */
export interface LeadRevisionTable {
  id: number;
  value: number;
  deletions_pruned_through: Generated<number>;
}

/** People and companies deleted, with the revision their deletion took and when (ISO 8601). */
export interface LeadDeletionsTable {
  revision: number;
  kind: 'person' | 'company';
  id: string;
  recorded_at: Generated<string>;
}

/** Leads a user stored in lead lists on one UTC day (`YYYY-MM-DD`). */
export interface StoredLeadsPerDayTable {
  user_id: string;
  day: string;
  leads: number;
}

/** A UTC day (`YYYY-MM-DD`) of recommendations of a v2 ICP, stored once. */
export interface RecommendationDaysTable {
  icp_id: string;
  day: string;
  generated_at: string;
  company_count: number;
}

/** One company recommended to a v2 ICP on a day, at its position in the day's order. */
export interface RecommendedCompaniesTable {
  icp_id: string;
  day: string;
  position: number;
  company_id: string;
  fit_score: number;
  /** JSON: the company as the day's answer shows it; null once the day is over. */
  answer: string | null;
}

/** Unique recommended companies a user fetched on one UTC day (`YYYY-MM-DD`), for the quota. */
export interface RecommendedCompaniesPerDayTable {
  user_id: string;
  day: string;
  companies: number;
}

/** A company a user fetched on one UTC day, counted once against the quota. */
export interface RecommendedCompaniesFetchedTable {
  user_id: string;
  day: string;
  company_id: string;
}

/** A webhook message waiting to be sent (see the migration that creates it); ISO 8601 times. */
export interface WebhookDeliveriesTable {
  /** The `webhook-id`, the same on every attempt. */
  id: string;
  schedule_id: string;
  icp_id: string;
  lead_list_id: string;
  url: string;
  secret: string;
  /** The JSON body, exactly as signed and sent. */
  body: string;
  created_at: string;
  /** Where its 24 h give-up window starts: its first attempt, or the last change of URL. */
  first_attempt_at: string | null;
  attempts: Generated<number>;
  /** Attempts made to the URLs it had before the last change: the backoff counts the rest. */
  attempts_before_restart: Generated<number>;
  next_attempt_at: string;
  /** Who claimed the current attempt; null between attempts. */
  claim_token: string | null;
}

/** One attempt to send a webhook message. */
export interface WebhookAttemptsTable {
  message_id: string;
  attempt: number;
  schedule_id: string;
  lead_list_id: string;
  attempted_at: string;
  /** The HTTP status answered; null when none came (timeout, refused address, no connection). */
  status: number | null;
  error: string | null;
  /** Null once the message was delivered or given up. */
  next_retry_at: string | null;
}

export type CompanyRow = Selectable<CompaniesTable>;
export type PersonRow = Selectable<PeopleTable>;

export type IcpRow = Selectable<IcpsTable>;
export type NewIcpRow = Insertable<IcpsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;

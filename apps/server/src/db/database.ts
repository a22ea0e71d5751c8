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
  icp_id: string;
  created_by: string;
  created_at: string;
  requested_size: number;
  lead_count: number;
  matched_count: number;
  not_applied: string;
  ignored_filter_keys: string;
  /** JSON: what the CRM filters brought in. */
  crm_sourcing: Generated<string>;
}

export interface LeadListMembersTable {
  lead_list_id: string;
  position: number;
  icp_id: string;
  person_id: string;
  created_at: string;
  /** JSON snapshot of the lead as delivered. */
  lead: string;
}

export interface RateLimitBucketsTable {
  caller_key: string;
  tokens: number;
  refilled_at_ms: number;
  last_allowed: boolean;
  /** Tokens the last take got (a take asks for one per call of its request). */
  last_granted: number;
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
  rate_limit_buckets: RateLimitBucketsTable;
  stored_leads_per_day: StoredLeadsPerDayTable;
  lead_revision: LeadRevisionTable;
  lead_deletions: LeadDeletionsTable;
}

/** One row: the revision of the last write of people or companies. */
export interface LeadRevisionTable {
  id: number;
  value: number;
}

/** People and companies deleted, with the revision their deletion took. */
export interface LeadDeletionsTable {
  revision: number;
  kind: 'person' | 'company';
  id: string;
}

/** Leads a user stored in lead lists on one UTC day (`YYYY-MM-DD`). */
export interface StoredLeadsPerDayTable {
  user_id: string;
  day: string;
  leads: number;
}

export type CompanyRow = Selectable<CompaniesTable>;
export type PersonRow = Selectable<PeopleTable>;

export type IcpRow = Selectable<IcpsTable>;
export type NewIcpRow = Insertable<IcpsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;

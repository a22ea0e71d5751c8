import type { Insertable, Selectable } from 'kysely';

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

export interface Database {
  icps: IcpsTable;
  icp_members: IcpMembersTable;
  api_keys: ApiKeysTable;
  idempotency_keys: IdempotencyKeysTable;
}

export type IcpRow = Selectable<IcpsTable>;
export type NewIcpRow = Insertable<IcpsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;

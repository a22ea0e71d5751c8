import type { ErrorDetail, Lead, LeadCompany } from '@icp/schema';
import type { AuthUser } from '../auth/auth-user.js';
import type { Db } from '../db/connect.js';
import { inBatches } from '../db/in-batches.js';
import { canAccessIcp } from '../icp/icp.access.js';
import { findIcpById } from '../icp/icp.repository.js';
import {
  LEAD_COMPANY_COLUMNS,
  leadCompanyOf,
  leadOfRow,
  leadRowsOf,
} from '../leads/matching/lead-row.js';
import { findLeadList } from './lead-list.repository.js';
import { canSeeLeadList } from './lead-list-access.js';

/** Whose records people given to a list as data are (see crm-scope.ts): the list's own. */
export function scopeOfLeadList(listId: string): string {
  return `leadlist:${listId}`;
}

const BATCH = 500;

/**
 * Which scopes of the lead database the user may pick records of: the shared one (null), the CRM
 * contacts of ICPs they may access, and the people given to lists they may see. Anything else
 * (another user's records) reads as if it did not exist.
 */
function scopeAccess(db: Db, user: AuthUser) {
  const known = new Map<string, Promise<boolean>>();
  const judge = async (scope: string): Promise<boolean> => {
    const [kind, id = ''] = scope.split(/:(.*)/s);
    if (kind === 'icp') {
      const icp = await findIcpById(db, id);
      return icp !== undefined && canAccessIcp(user, icp);
    }
    if (kind === 'leadlist') {
      const list = await findLeadList(db, id);
      return list !== undefined && (await canSeeLeadList(db, user, list));
    }
    return false;
  };
  return (scope: string | null): Promise<boolean> => {
    if (scope === null) return Promise.resolve(true);
    let verdict = known.get(scope);
    if (verdict === undefined) {
      verdict = judge(scope);
      known.set(scope, verdict);
    }
    return verdict;
  };
}

/** The given ids without repeats, first occurrence kept, with their positions in the request. */
function distinct(ids: readonly string[]): { id: string; index: number }[] {
  const seen = new Set<string>();
  return ids.flatMap((id, index) => {
    if (seen.has(id)) return [];
    seen.add(id);
    return [{ id, index }];
  });
}

async function visibleIds(
  db: Db,
  user: AuthUser,
  table: 'people' | 'companies',
  ids: readonly string[],
): Promise<Set<string>> {
  const mayUse = scopeAccess(db, user);
  const visible = new Set<string>();
  for (const batch of inBatches(ids, BATCH)) {
    const rows = await db
      .selectFrom(table)
      .select(['id', 'crm_scope'])
      .where('id', 'in', batch)
      .execute();
    for (const row of rows) if (await mayUse(row.crm_scope)) visible.add(row.id);
  }
  return visible;
}

/** What picking records by id found: the records in the order given, and the ids not found. */
export interface Picked<T> {
  found: T[];
  unknown: ErrorDetail[];
}

/**
 * The people of these ids the user may pick, as leads (no reasons), in the order given and
 * without repeats; `unknown` names each id that is not such a person, at its place in `path`.
 */
export async function pickPeople(
  db: Db,
  user: AuthUser,
  ids: readonly string[],
  path: (string | number)[],
): Promise<Picked<Lead>> {
  const wanted = distinct(ids);
  const visible = await visibleIds(
    db,
    user,
    'people',
    wanted.map(({ id }) => id),
  );
  const found: Lead[] = [];
  const picked = wanted.filter(({ id }) => visible.has(id)).map(({ id }) => id);
  for (const batch of inBatches(picked, BATCH)) {
    const rows = await leadRowsOf(db, batch);
    found.push(...rows.map(leadOfRow));
  }
  const stored = new Set(found.map((lead) => lead.person.id));
  const unknown = wanted
    .filter(({ id }) => !stored.has(id))
    .map(({ id, index }) => ({ path: [...path, index], message: `No person with id '${id}'` }));
  return { found, unknown };
}

/** The same for companies. */
export async function pickCompanies(
  db: Db,
  user: AuthUser,
  ids: readonly string[],
  path: (string | number)[],
): Promise<Picked<LeadCompany>> {
  const wanted = distinct(ids);
  const visible = await visibleIds(
    db,
    user,
    'companies',
    wanted.map(({ id }) => id),
  );
  const picked = wanted.filter(({ id }) => visible.has(id)).map(({ id }) => id);
  const byId = new Map<string, LeadCompany>();
  for (const batch of inBatches(picked, BATCH)) {
    const rows = await db
      .selectFrom('companies')
      .select(LEAD_COMPANY_COLUMNS)
      .where('companies.id', 'in', batch)
      .execute();
    for (const row of rows) {
      const company = leadCompanyOf(row);
      if (company !== null) byId.set(company.id, company);
    }
  }
  const found = picked.flatMap((id) => {
    const company = byId.get(id);
    return company === undefined ? [] : [company];
  });
  const unknown = wanted
    .filter(({ id }) => !byId.has(id))
    .map(({ id, index }) => ({ path: [...path, index], message: `No company with id '${id}'` }));
  return { found, unknown };
}

import { randomUUID } from 'node:crypto';
import {
  type Icp,
  isIcpActive,
  type LeadList,
  type LeadListDetail,
  type LeadPreview,
} from '@icp/schema';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError } from '../errors.js';
import { crmScopeOfIcp } from '../leads/crm-scope.js';
import { findLeads } from '../leads/matching/find-leads.js';
import type { Context } from '../trpc/context.js';
import { NOT_REQUESTED, sourceCrmContacts } from './crm-sourcing.js';
import { detailOfStored, insertLeadList, peopleUsedSince } from './lead-list.repository.js';
import { dayPeriodOf, generatedListName } from './lead-list-period.js';
import { checkStoredLeadsLeft, takeStoredLeads } from './stored-leads-quota.js';

export type Deps = Pick<
  Context,
  'db' | 'transact' | 'evaluators' | 'bullhorn' | 'storedLeadsPerDay'
>;

/** What a preview looks at: the criteria, and the CRM filters unless it is of a draft. */
type Search = Pick<Icp, 'leadProviderCriteria' | 'customFilterCriteria'> &
  Partial<Pick<Icp, 'crmFilters'>>;

/**
 * How many people match, and the first leads, without recording a list. CRM contacts the ICP's
 * CRM filters find are stored in the lead database (where lists will find them) on the way.
 */
export async function previewLeads(
  deps: Deps,
  search: Search,
  limit: number,
  now: Date,
  icpId?: string,
): Promise<LeadPreview> {
  // CRM contacts are searched for a saved ICP only: they belong to it (see crm-scope.ts).
  const crm =
    icpId === undefined
      ? { sourcing: NOT_REQUESTED, contactIds: [] }
      : await sourceCrmContacts(deps, search.crmFilters ?? null, limit, crmScopeOfIcp(icpId));
  const found = await findLeads(
    deps.db,
    {
      leadProviderCriteria: search.leadProviderCriteria,
      customFilterCriteria: search.customFilterCriteria,
    },
    {
      limit,
      now,
      evaluators: deps.evaluators,
      crmContactIds: crm.contactIds,
      recentlyUsed:
        icpId === undefined
          ? undefined
          : (personIds, since) => peopleUsedSince(deps.db, icpId, personIds, since),
    },
  );
  return { ...found, crmSourcing: crm.sourcing };
}

/**
 * The list a generation stores: the leads `found` for `icp` over `period`, named after both;
 * made by `createdBy`, who alone sees it besides the ICP's members.
 */
export function generatedLeadList(
  icp: Icp,
  found: Awaited<ReturnType<typeof previewLeads>>,
  period: { startDate: string; endDate: string },
  made: { createdBy: string; size: number; now: Date },
): LeadList {
  const createdAt = made.now.toISOString();
  return {
    id: randomUUID(),
    icpId: icp.id,
    name: generatedListName(icp.name, period.startDate, period.endDate),
    type: 'person',
    startDate: period.startDate,
    endDate: period.endDate,
    personIds: found.leads.map((lead) => lead.person.id),
    companyIds: [],
    createdAt,
    updatedAt: createdAt,
    createdBy: made.createdBy,
    userIds: [made.createdBy],
    leadCount: found.leads.length,
    requestedSize: made.size,
    matchedCount: found.total,
    notApplied: found.notApplied,
    ignoredFilterKeys: found.ignoredFilterKeys,
    crmSourcing: found.crmSourcing,
  };
}

/**
 * Generates a list of leads honouring every filter that can be applied, and records it, so its
 * people count as used by the ICP's reuse window. It is named after the ICP and its period, the
 * UTC day it was made. An expired ICP generates nothing, and a list over the user's daily quota
 * of stored leads is refused (see stored-leads-quota.ts).
 */
export async function generateLeadList(
  deps: Deps,
  user: AuthUser,
  icp: Icp,
  size: number,
  now: Date,
): Promise<LeadListDetail> {
  if (!isIcpActive(icp, now)) {
    throw new AppError(
      'CONFLICT',
      `This ICP expired at ${icp.activeUntil}; set a later activeUntil (or none) to generate lead lists`,
    );
  }
  const quota = deps.storedLeadsPerDay ?? 0;
  await checkStoredLeadsLeft(deps.db, user.id, quota, now);
  const found = await previewLeads(deps, icp, size, now, icp.id);
  const list = generatedLeadList(icp, found, dayPeriodOf(now), { createdBy: user.id, size, now });
  await deps.transact(async (tx) => {
    await takeStoredLeads(tx, user.id, list.leadCount, quota, now);
    await insertLeadList(tx, { list, people: found.leads, companies: [] });
  });
  return detailOfStored(list, found.leads, []);
}

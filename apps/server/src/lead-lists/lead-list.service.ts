import { randomUUID } from 'node:crypto';
import { type Icp, isIcpActive, type LeadList, type LeadPreview } from '@icp/schema';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError } from '../errors.js';
import { findLeads } from '../leads/matching/find-leads.js';
import type { Context } from '../trpc/context.js';
import { sourceCrmContacts } from './crm-sourcing.js';
import { insertLeadList, peopleUsedSince } from './lead-list.repository.js';

type Deps = Pick<Context, 'db' | 'transact' | 'evaluators' | 'bullhorn'>;

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
  const crm = await sourceCrmContacts(deps, search.crmFilters ?? null, limit);
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
 * Generates a list of leads honouring every filter that can be applied, and records it, so its
 * people count as used by the ICP's reuse window. An expired ICP generates nothing.
 */
export async function generateLeadList(
  deps: Deps,
  user: AuthUser,
  icp: Icp,
  size: number,
  now: Date,
): Promise<LeadList> {
  if (!isIcpActive(icp, now)) {
    throw new AppError(
      'CONFLICT',
      `This ICP expired at ${icp.activeUntil}; set a later activeUntil (or none) to generate lead lists`,
    );
  }
  const found = await previewLeads(deps, icp, size, now, icp.id);
  const list: LeadList = {
    id: randomUUID(),
    icpId: icp.id,
    createdBy: user.id,
    createdAt: now.toISOString(),
    requestedSize: size,
    leadCount: found.leads.length,
    matchedCount: found.total,
    notApplied: found.notApplied,
    ignoredFilterKeys: found.ignoredFilterKeys,
    crmSourcing: found.crmSourcing,
    leads: found.leads,
  };
  await deps.transact((tx) => insertLeadList(tx, list));
  return list;
}

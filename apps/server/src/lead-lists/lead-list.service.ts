import { randomUUID } from 'node:crypto';
import { type Icp, isIcpActive, type LeadList, type LeadPreview } from '@icp/schema';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError } from '../errors.js';
import { findLeads } from '../leads/matching/find-leads.js';
import type { Context } from '../trpc/context.js';
import { insertLeadList, peopleUsedSince } from './lead-list.repository.js';

type Deps = Pick<Context, 'db' | 'transact' | 'evaluators'>;

const searchOf = (icp: Pick<Icp, 'leadProviderCriteria' | 'customFilterCriteria'>) => ({
  leadProviderCriteria: icp.leadProviderCriteria,
  customFilterCriteria: icp.customFilterCriteria,
});

/** How many people match, and the first leads, without recording anything. */
export async function previewLeads(
  deps: Deps,
  criteria: Pick<Icp, 'leadProviderCriteria' | 'customFilterCriteria'>,
  limit: number,
  now: Date,
  icpId?: string,
): Promise<LeadPreview> {
  return findLeads(deps.db, searchOf(criteria), {
    limit,
    now,
    evaluators: deps.evaluators,
    recentlyUsed:
      icpId === undefined
        ? undefined
        : (personIds, since) => peopleUsedSince(deps.db, icpId, personIds, since),
  });
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
    leads: found.leads,
  };
  await deps.transact((tx) => insertLeadList(tx, list));
  return list;
}

import type { CrmFilters, Icp, LeadPreview } from '@icp/schema';
import { crmScopeOfIcp } from '../leads/crm-scope.js';
import { evaluatorFor, isEvaluatedFilter } from '../leads/matching/evaluator.js';
import {
  type FindLeadsOptions,
  findLeads,
  type RecentlyUsed,
} from '../leads/matching/find-leads.js';
import type { Context } from '../trpc/context.js';
import { leadOfCrmContact } from './crm-contact-lead.js';
import { searchCrmContacts } from './crm-sourcing.js';
import { peopleUsedSince } from './lead-list.repository.js';

type Deps = Pick<Context, 'db' | 'evaluators' | 'bullhorn'>;

/** A profile being edited, as the draft preview reads it. */
export interface Draft extends Pick<Icp, 'leadProviderCriteria' | 'customFilterCriteria'> {
  crmFilters: CrmFilters | null;
  /** Leads shown. */
  limit: number;
  /** The size of the list to forecast, if any. */
  listSize?: number | undefined;
  /** The saved ICP the draft edits (access already checked), if any. */
  icpId?: string | undefined;
}

/** Where a new profile's CRM contacts would live: ids such as `draft/bullhorn-123`, never stored. */
const DRAFT_CRM_SCOPE = 'draft';

/** A profile not saved yet has made no lists, so none of its leads was used. */
const nothingUsed: RecentlyUsed = async () => new Set();

/**
 * The preview of a draft: who it matches, its first leads and, given a list size, what a list
 * made now would hold. Nothing is stored: CRM contacts the draft's CRM filters find are leads
 * of this answer only. A draft of a saved ICP counts that ICP's earlier lists for the reuse
 * window. Filters an outside service judges lead by lead are asked about the leads shown only,
 * never about a whole list on every change of the form.
 */
export async function previewDraft(deps: Deps, draft: Draft, now: Date): Promise<LeadPreview> {
  const { icpId, listSize, limit } = draft;
  const scope = icpId === undefined ? DRAFT_CRM_SCOPE : crmScopeOfIcp(icpId);
  const wanted = Math.max(limit, listSize ?? 0);
  const crm = await searchCrmContacts(deps, draft.crmFilters, wanted, scope);
  const search = {
    leadProviderCriteria: draft.leadProviderCriteria,
    customFilterCriteria: draft.customFilterCriteria,
  };
  const options: Omit<FindLeadsOptions, 'limit'> = {
    now,
    evaluators: deps.evaluators,
    heldLeads: crm.contacts.map(leadOfCrmContact),
    recentlyUsed:
      icpId === undefined
        ? nothingUsed
        : (personIds, since) => peopleUsedSince(deps.db, icpId, personIds, since),
  };
  if (listSize === undefined) {
    const found = await findLeads(deps.db, search, { ...options, limit });
    return { ...found, crmSourcing: crm.sourcing };
  }

  const judged = draft.customFilterCriteria.flatMap((filter, index) =>
    isEvaluatedFilter(filter) && evaluatorFor(deps.evaluators, filter) !== undefined ? [index] : [],
  );
  if (judged.length === 0) {
    const found = await findLeads(deps.db, search, { ...options, limit: wanted });
    const leadCount = Math.min(found.leads.length, listSize);
    return {
      ...found,
      leads: found.leads.slice(0, limit),
      crmSourcing: crm.sourcing,
      list: { requestedSize: listSize, leadCount, notCounted: [] },
    };
  }
  const shown = await findLeads(deps.db, search, { ...options, limit });
  const counted = await findLeads(
    deps.db,
    {
      ...search,
      customFilterCriteria: search.customFilterCriteria.filter((_, at) => !judged.includes(at)),
    },
    { ...options, limit: listSize },
  );
  return {
    ...shown,
    crmSourcing: crm.sourcing,
    list: { requestedSize: listSize, leadCount: counted.leads.length, notCounted: judged },
  };
}

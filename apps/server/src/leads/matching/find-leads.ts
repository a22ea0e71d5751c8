/**
 * The matching engine: the one way to turn an ICP's criteria into leads. The lead provider
 * criteria select people (see provider-filters.ts and criteria-query.ts); the custom filters
 * then thin them out (see custom-filters.ts). Leads come in person-id order, so a page asked
 * for twice is the same page.
 */
import type {
  CustomFilterCriterion,
  Lead,
  LeadProviderCriterion,
  NotAppliedFilter,
} from '@icp/schema';
import type { Db } from '../../db/connect.js';
import { statementDeadlineOf } from '../../db/statement-deadline.js';
import { leadEngineOf } from '../index/lead-engine-of.js';
import { applyCustomFilters, type CandidateCursor, type RecentlyUsed } from './custom-filters.js';
import type { LeadEvaluators } from './evaluator.js';
import { withHeldLeads } from './held-leads.js';
import type { LeadEngine, LeadMatches } from './lead-engine.js';
import { leadsPageOf } from './leads-of-page.js';
import type { PatternPool } from './pattern-pool.js';
import { type ReadCriterion, readCriteria } from './provider-filters.js';

export type { Lead } from '@icp/schema';
export type { RecentlyUsed } from './custom-filters.js';
export type { LeadEvaluator, LeadEvaluators, LeadVerdict } from './evaluator.js';
export { countMatches, matchingCompanies } from './matching-companies.js';

/** What an ICP asks for. */
export interface LeadSearch {
  leadProviderCriteria: readonly LeadProviderCriterion[];
  customFilterCriteria: readonly CustomFilterCriterion[];
}

/** How many leads, from where, and what the custom filters may use. */
export interface FindLeadsOptions {
  /** Leads wanted, after `offset` leads that pass every filter. */
  limit: number;
  offset?: number | undefined;
  /** The time `minDaysUntilReuse` counts back from. */
  now: Date;
  /** Lead-list history for `minDaysUntilReuse`; without it that filter is not applied. */
  recentlyUsed?: RecentlyUsed | undefined;
  /** Evaluators of `ai`, `website` and `webscraping` filters; a type left out is not applied. */
  evaluators?: LeadEvaluators | undefined;
  /** Candidates read from the database per page. */
  pageSize?: number | undefined;
  /** Time all `matchFieldWithRegex` filters together may take, in ms (see custom-filters.ts). */
  patternBudgetMs?: number | undefined;
  /** Where patterns run; the process's shared pool by default. */
  patternPool?: PatternPool | undefined;
  /** Only people at these companies. */
  companyIds?: readonly string[] | undefined;
  /** People found by the ICP's CRM search (stored beforehand): leads as well as the matches. */
  crmContactIds?: readonly string[] | undefined;
  /** Leads found elsewhere and not stored (a draft's CRM contacts): candidates as well. */
  heldLeads?: readonly Lead[] | undefined;
  /** Where people are searched: the process's lead index of `db` by default. */
  engine?: LeadEngine | undefined;
}

/** The leads found, and what could not be applied to find them. */
export interface FoundLeads {
  /** People matching the lead provider criteria, before custom filters. */
  total: number;
  leads: Lead[];
  /** Custom filters not applied, or applied only in part, and why. */
  notApplied: NotAppliedFilter[];
  /** Paths of provider filter keys the engine does not apply, such as `leadProviderCriteria[0].filters.revenue`. */
  ignoredFilterKeys: string[];
}

function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number of at least 0, got ${value}`);
  }
}

/** Reads matching people in person-id order, a page at a time, as leads with their reasons. */
function candidateCursor(db: Db, matches: LeadMatches): CandidateCursor {
  let after: string | null = null;
  let exhausted = matches.total === 0;
  return {
    async next(limit) {
      if (exhausted) return [];
      const { leads, people, lastPersonId } =
        matches.leadsPage === undefined
          ? await leadsPageOf(db, await matches.page(after, limit))
          : await matches.leadsPage(after, limit);
      exhausted = people < limit;
      after = lastPersonId ?? after;
      return leads;
    },
  };
}

/**
 * Leads for an ICP's criteria: the people the lead provider criteria match (any criterion; all
 * filters of one), thinned out by the custom filters, `offset` skipped, at most `limit` returned.
 * No criteria, or none the engine can apply, match no one.
 */
export async function findLeads(
  db: Db,
  search: LeadSearch,
  options: FindLeadsOptions,
): Promise<FoundLeads> {
  const offset = options.offset ?? 0;
  assertCount('limit', options.limit);
  assertCount('offset', offset);
  const read = readCriteria(search.leadProviderCriteria);
  const { ignoredFilterKeys } = read;
  const crmContacts: ReadCriterion[] =
    options.crmContactIds === undefined || options.crmContactIds.length === 0
      ? []
      : [
          {
            index: search.leadProviderCriteria.length,
            type: 'person',
            filters: [{ kind: 'crmContacts', ids: [...options.crmContactIds] }],
          },
        ];
  const searched = [...read.criteria, ...crmContacts];
  const criteria =
    options.companyIds === undefined
      ? searched
      : searched.map((criterion) => ({
          ...criterion,
          filters: [
            ...criterion.filters,
            { kind: 'companyIds' as const, ids: [...(options.companyIds ?? [])] },
          ],
        }));
  const held = options.heldLeads ?? [];
  const matches = await (options.engine ?? leadEngineOf(db)).match(criteria, {
    deadline: statementDeadlineOf(db),
  });
  const total = matches.total + held.length;
  const wanted = total === 0 || options.limit === 0 ? 0 : offset + options.limit;
  const { leads, notApplied } = await applyCustomFilters(
    () => withHeldLeads(candidateCursor(db, matches), held),
    search.customFilterCriteria,
    wanted,
    options,
  );
  return { total, leads: leads.slice(offset), notApplied, ignoredFilterKeys };
}

/**
 * Custom filters, applied to the candidates of a search a page at a time until enough leads
 * pass. Whatever their order in the ICP, they run cheapest first, quotas last:
 * 1. `matchFieldWithRegex` and `minDaysUntilReuse` drop leads on their own (patterns in the
 *    pattern workers, one task per page, see pattern-filters.ts);
 * 2. the evaluated filters (`ai`, `website`, `webscraping`) judge what is left, so no outside
 *    service is asked about a lead already dropped;
 * 3. `maxPeoplePerCompany` and `maxPercentFromCRM` then count only leads that passed everything,
 *    so a lead that fails a later filter never takes a company's slot.
 * Several filters of one quota type: the strictest holds. A filter that cannot be applied is
 * reported in `notApplied` with the reason, and leads are not filtered by it at all. The one
 * exception: an evaluated filter whose evaluator could not judge some leads leaves those leads
 * out, and is reported as partly applied.
 *
 * The pattern filters of a request share one time budget (`patternBudgetMs`). When it runs out
 * before enough leads are found, all of them are given up and reported, and the leads are those
 * of the same search without any pattern filter: no lead is left out by a pattern that did not
 * see the whole list. If the patterns had dropped no lead yet, the search goes on from where it
 * stands; otherwise it starts over once, without them (evaluators are not asked twice about a
 * lead).
 */
import type { CustomFilterCriterion, Lead, NotAppliedFilter } from '@icp/schema';
import {
  EvaluatedFilterRun,
  evaluatorFor,
  isEvaluatedFilter,
  type LeadEvaluators,
  notConfiguredNote,
} from './evaluator.js';
import { leadField } from './lead-fields.js';
import { LeadQuotas } from './lead-quotas.js';
import { type PatternFilter, PatternFilters } from './pattern-filters.js';
import type { PatternPool } from './pattern-pool.js';

/** The ids among `personIds` that were put in a lead list at or after `since`. */
export type RecentlyUsed = (personIds: string[], since: Date) => Promise<Set<string>>;

/** Reads candidates in search order; `next` resolves to an empty page once there are no more. */
export interface CandidateCursor {
  next(limit: number): Promise<Lead[]>;
}

/** What applying custom filters depends on besides the filters. */
export interface CustomFilterOptions {
  now: Date;
  /** Lead-list history for `minDaysUntilReuse`; without it that filter is not applied. */
  recentlyUsed?: RecentlyUsed | undefined;
  evaluators?: LeadEvaluators | undefined;
  /** Candidates read per page. */
  pageSize?: number | undefined;
  /** Time all `matchFieldWithRegex` filters together may take, in ms (2,000 by default). */
  patternBudgetMs?: number | undefined;
  /** Where patterns run; the process's shared pool by default. */
  patternPool?: PatternPool | undefined;
}

/** The leads that passed, and the filters not applied (or applied in part). */
export interface FilteredLeads {
  leads: Lead[];
  notApplied: NotAppliedFilter[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_PAGE_SIZE = 200;
/**
 * Without evaluators (which are paid per lead) a page is sized to what is still missing: exactly
 * that when no filter drops leads, else with room for the leads the filters drop.
 */
const MAX_PAGE_SIZE = 5_000;
/** Pages stay small while evaluators are asked, so no more leads are judged than needed. */
const MIN_EVALUATED_PAGE_SIZE = 10;
export const DEFAULT_PATTERN_BUDGET_MS = 2_000;

interface Plan {
  patterns: PatternFilter[];
  reuseDays: number | null;
  evaluated: EvaluatedFilterRun[];
  perCompany: number | null;
  crmPercent: number | null;
  notApplied: NotAppliedFilter[];
}

const stricter = (current: number | null, value: number) =>
  current === null ? value : Math.min(current, value);

function plan(filters: readonly CustomFilterCriterion[], options: CustomFilterOptions): Plan {
  const planned: Plan = {
    patterns: [],
    reuseDays: null,
    evaluated: [],
    perCompany: null,
    crmPercent: null,
    notApplied: [],
  };
  const notApplied = (index: number, type: string, reason: string) =>
    planned.notApplied.push({ index, type, reason });
  filters.forEach((filter, index) => {
    if (isEvaluatedFilter(filter)) {
      const evaluator = evaluatorFor(options.evaluators, filter);
      if (evaluator === undefined) planned.notApplied.push(notConfiguredNote(index, filter));
      else planned.evaluated.push(new EvaluatedFilterRun(index, filter, evaluator));
      return;
    }
    switch (filter.type) {
      case 'matchFieldWithRegex': {
        const field = leadField(filter.field);
        if (field === null) {
          notApplied(
            index,
            filter.type,
            `"${filter.field}" is not a field of a lead: use a person field such as "jobTitle" or a company field such as "company.name"`,
          );
          return;
        }
        planned.patterns.push({ index, regex: filter.regex, field });
        return;
      }
      case 'minDaysUntilReuse':
        if (options.recentlyUsed === undefined) {
          notApplied(
            index,
            filter.type,
            'no lead-list history is available here, so recently used leads were not skipped',
          );
        } else {
          planned.reuseDays = Math.max(planned.reuseDays ?? 0, filter.value ?? 365);
        }
        return;
      case 'maxPeoplePerCompany':
        planned.perCompany = stricter(planned.perCompany, filter.value ?? 1);
        return;
      case 'maxPercentFromCRM':
        planned.crmPercent = stricter(planned.crmPercent, filter.value ?? 100);
        return;
    }
  });
  return planned;
}

/** Returned by a pass that must start over: the patterns were given up after dropping leads. */
const START_OVER = Symbol('start over');

/** One pass over the candidates. */
async function collect(
  cursor: CandidateCursor,
  planned: Plan,
  patterns: PatternFilters,
  wanted: number,
  options: CustomFilterOptions,
): Promise<Lead[] | typeof START_OVER> {
  const quotas = new LeadQuotas({
    perCompany: planned.perCompany,
    crmPercent: planned.crmPercent,
    wanted,
  });
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const mayDrop =
    patterns.active ||
    planned.reuseDays !== null ||
    planned.perCompany !== null ||
    planned.crmPercent !== null;
  let patternsDropped = false;
  while (quotas.leads.length < wanted) {
    const missing = wanted - quotas.leads.length;
    const limit =
      planned.evaluated.length > 0
        ? Math.min(pageSize, Math.max(missing, MIN_EVALUATED_PAGE_SIZE))
        : (options.pageSize ??
          Math.min(
            MAX_PAGE_SIZE,
            mayDrop ? Math.max(DEFAULT_PAGE_SIZE, Math.ceil(missing * 1.25)) : missing,
          ));
    const page = await cursor.next(limit);
    if (page.length === 0) break;
    let batch = page.filter((lead) => !quotas.companyFull(lead));
    if (patterns.active && batch.length > 0) {
      const kept = await patterns.apply(batch);
      if (kept === null && patternsDropped) return START_OVER;
      if (kept !== null) {
        patternsDropped ||= kept.length < batch.length;
        batch = kept;
      }
    }
    if (planned.reuseDays !== null && planned.reuseDays > 0 && batch.length > 0) {
      const since = new Date(options.now.getTime() - planned.reuseDays * DAY_MS);
      const used = await (options.recentlyUsed as RecentlyUsed)(
        batch.map((lead) => lead.person.id),
        since,
      );
      batch = batch.filter((lead) => !used.has(lead.person.id));
    }
    for (const run of planned.evaluated) {
      if (batch.length > 0) batch = await run.apply(batch);
    }
    for (const lead of batch) quotas.offer(lead);
  }
  return quotas.leads.slice(0, wanted);
}

/**
 * The first `wanted` leads, in search order, that pass the custom filters. `open` starts reading
 * the candidates from the beginning; it is called a second time when the pattern filters are
 * given up after they dropped leads, to redo the search without them.
 */
export async function applyCustomFilters(
  open: () => CandidateCursor,
  filters: readonly CustomFilterCriterion[],
  wanted: number,
  options: CustomFilterOptions,
): Promise<FilteredLeads> {
  const planned = plan(filters, options);
  const patterns = new PatternFilters(
    planned.patterns,
    options.patternBudgetMs ?? DEFAULT_PATTERN_BUDGET_MS,
    options.patternPool,
  );
  let leads: Lead[] = [];
  if (wanted > 0) {
    let pass = await collect(open(), planned, patterns, wanted, options);
    // The patterns are given up by then, so this pass cannot ask to start over.
    if (pass === START_OVER) pass = await collect(open(), planned, patterns, wanted, options);
    leads = pass === START_OVER ? [] : pass;
  }
  const notes = planned.evaluated.flatMap((run) => run.note() ?? []);
  const notApplied = [...planned.notApplied, ...patterns.notes(), ...notes].sort(
    (a, b) => a.index - b.index,
  );
  return { leads, notApplied };
}

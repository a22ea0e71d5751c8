/**
 * Custom filters, applied to the candidates of a search a page at a time until enough leads
 * pass. Whatever their order in the ICP, they run cheapest first, quotas last:
 * 1. `matchFieldWithRegex` and `minDaysUntilReuse` drop leads on their own;
 * 2. the evaluated filters (`ai`, `website`, `webscraping`) judge what is left, so no outside
 *    service is asked about a lead already dropped;
 * 3. `maxPeoplePerCompany` and `maxPercentFromCRM` then count only leads that passed everything,
 *    so a lead that fails a later filter never takes a company's slot.
 * Several filters of one quota type: the strictest holds. A filter that cannot be applied is
 * reported in `notApplied` with the reason, and leads are not filtered by it at all. The one
 * exception: an evaluated filter whose evaluator could not judge some leads leaves those leads
 * out, and is reported as partly applied.
 */
import type { CustomFilterCriterion, Lead, NotAppliedFilter } from '@icp/schema';
import {
  EvaluatedFilterRun,
  evaluatorFor,
  isEvaluatedFilter,
  type LeadEvaluators,
  notConfiguredNote,
} from './evaluator.js';
import {
  compileFieldPattern,
  type FieldPattern,
  type PatternBudget,
  PatternTimeoutError,
} from './field-pattern.js';
import { type LeadField, leadField, leadFieldTexts } from './lead-fields.js';
import { LeadQuotas } from './lead-quotas.js';

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
  /** Time a pattern may spend on JavaScript's backtracking engine. */
  patternBudget?: PatternBudget | undefined;
}

/** The leads that passed, and the filters not applied (or applied in part). */
export interface FilteredLeads {
  leads: Lead[];
  notApplied: NotAppliedFilter[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_PAGE_SIZE = 200;
/**
 * Each page re-runs the whole search, so without evaluators (which are paid per lead) a page is
 * sized to what is still missing, with room for the leads the filters drop.
 */
const MAX_PAGE_SIZE = 5_000;
/** Pages stay small while evaluators are asked, so no more leads are judged than needed. */
const MIN_EVALUATED_PAGE_SIZE = 10;
const DEFAULT_PATTERN_BUDGET: PatternBudget = { perCallMs: 100, totalMs: 1_000 };

interface PatternFilter {
  index: number;
  regex: string;
  field: LeadField;
  pattern: FieldPattern;
}

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
  const budget = options.patternBudget ?? DEFAULT_PATTERN_BUDGET;
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
        try {
          const pattern = compileFieldPattern(filter.regex, budget);
          planned.patterns.push({ index, regex: filter.regex, field, pattern });
        } catch (error) {
          notApplied(index, filter.type, `the pattern does not compile: ${String(error)}`);
        }
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

function patternTimeoutNote(filter: PatternFilter, error: PatternTimeoutError): NotAppliedFilter {
  return {
    index: filter.index,
    type: 'matchFieldWithRegex',
    reason: `the pattern ${JSON.stringify(filter.regex)} ran out of its time budget (${error.budgetMs} ms) on JavaScript's backtracking engine, so it was not applied; patterns without lookarounds or backreferences run in linear time`,
  };
}

/** A pattern filter that ran out of its time budget. */
class PatternFilterTimeout extends Error {
  constructor(
    readonly filter: PatternFilter,
    readonly timeout: PatternTimeoutError,
  ) {
    super(timeout.message);
  }
}

function testAll(filter: PatternFilter, texts: readonly string[]): boolean[] {
  try {
    return filter.pattern.testAll(texts);
  } catch (error) {
    if (error instanceof PatternTimeoutError) throw new PatternFilterTimeout(filter, error);
    throw error;
  }
}

function keepMatching(leads: readonly Lead[], filter: PatternFilter): Lead[] {
  const texts = leads.map((lead) => leadFieldTexts(lead, filter.field));
  const results = testAll(filter, texts.flat());
  let next = 0;
  // A list field (skills, keywords) passes when any of its items matches.
  return leads.filter((_, position) => {
    const count = (texts[position] as string[]).length;
    const passed = results.slice(next, next + count).some(Boolean);
    next += count;
    return passed;
  });
}

/** One pass over the candidates; throws PatternFilterTimeout when a pattern runs out of time. */
async function collect(
  cursor: CandidateCursor,
  planned: Plan,
  wanted: number,
  options: CustomFilterOptions,
): Promise<Lead[]> {
  const quotas = new LeadQuotas({
    perCompany: planned.perCompany,
    crmPercent: planned.crmPercent,
    wanted,
  });
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  while (quotas.leads.length < wanted) {
    const missing = wanted - quotas.leads.length;
    const limit =
      planned.evaluated.length > 0
        ? Math.min(pageSize, Math.max(missing, MIN_EVALUATED_PAGE_SIZE))
        : (options.pageSize ??
          Math.min(MAX_PAGE_SIZE, Math.max(DEFAULT_PAGE_SIZE, Math.ceil(missing * 1.25))));
    const page = await cursor.next(limit);
    if (page.length === 0) break;
    let batch = page.filter((lead) => !quotas.companyFull(lead));
    for (const filter of planned.patterns) batch = keepMatching(batch, filter);
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
 * the candidates from the beginning; it is called again if a pattern runs out of its time budget,
 * to redo the search without that pattern rather than return leads it filtered only in part.
 */
export async function applyCustomFilters(
  open: () => CandidateCursor,
  filters: readonly CustomFilterCriterion[],
  wanted: number,
  options: CustomFilterOptions,
): Promise<FilteredLeads> {
  const planned = plan(filters, options);
  let leads: Lead[] = [];
  for (;;) {
    try {
      leads = wanted > 0 ? await collect(open(), planned, wanted, options) : [];
      break;
    } catch (error) {
      if (!(error instanceof PatternFilterTimeout)) throw error;
      planned.notApplied.push(patternTimeoutNote(error.filter, error.timeout));
      planned.patterns = planned.patterns.filter((filter) => filter !== error.filter);
    }
  }
  const notes = planned.evaluated.flatMap((run) => run.note() ?? []);
  const notApplied = [...planned.notApplied, ...notes].sort((a, b) => a.index - b.index);
  return { leads, notApplied };
}

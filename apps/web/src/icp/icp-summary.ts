import {
  type CustomFilterCriterionInput,
  type IcpCreateInput,
  type LeadProviderCriterion,
  maxPeoplePerCompanyFilter,
  maxPercentFromCrmFilter,
  minDaysUntilReuseFilter,
} from '@icp/schema';
import { capitalize, decapitalize, formatCount, joinWords, quoted, shortenText } from './text';

/**
 * What a summary reads: a saved ICP, or a draft in the create form (custom filter values and
 * `exclude` flags may still be missing there; the documented defaults apply).
 */
export type SummaryInput = Pick<
  IcpCreateInput,
  'leadProviderCriteria' | 'customFilterCriteria' | 'crmFilters'
>;
type CrmFiltersInput = NonNullable<IcpCreateInput['crmFilters']>;
type CrmConditionInput = NonNullable<CrmFiltersInput['filters']>[number];

/** An ICP in words. Every string is a sentence without the final period. */
export interface IcpSummary {
  /**
   * The whole profile in one sentence, e.g. "CTO or VP Engineering in Germany or Austria at
   * companies of 100-5,000 employees; at most 2 people per company".
   */
  headline: string;
  /** Where leads come from: one entry per provider search (any one may match), then the CRM. */
  sources: string[];
  /** The rules every lead must then pass, one entry per custom filter, in order. */
  filters: string[];
  /** Whether the headline leaves out details (prompts) that `sources` and `filters` spell out. */
  abridged: boolean;
}

const PROMPT_LENGTH = 80;
const NO_SOURCES = 'No lead sources yet';

export function summarizeIcp(icp: SummaryInput): IcpSummary {
  const searches = icp.leadProviderCriteria.map(describeLeadCriterion);
  const continued = icp.leadProviderCriteria.map((criterion, index) =>
    opensWithTitles(criterion) ? searches[index] : decapitalize(searches[index] ?? ''),
  );
  const crm = icp.crmFilters == null ? null : describeCrmFilters(icp.crmFilters);
  const filters = icp.customFilterCriteria.map((filter) => describeCustomFilter(filter));
  const briefFilters = icp.customFilterCriteria.map((filter) =>
    describeCustomFilter(filter, 'brief'),
  );
  const sources = crm === null ? searches : [...searches, crm];

  let headline = [searches[0] ?? '', ...continued.slice(1)].join('; or ');
  if (crm !== null) {
    // Provider names are proper nouns; only our own "All" opening continues in lower case.
    const continuedCrm = crm.startsWith('All ') ? decapitalize(crm) : crm;
    headline = headline === '' ? crm : `${headline}; plus ${continuedCrm}`;
  }
  if (headline === '') headline = NO_SOURCES;
  else if (filters.length > 0)
    headline = `${headline}; ${briefFilters.map(decapitalize).join('; ')}`;
  const abridged = briefFilters.some((brief, index) => brief !== filters[index]);
  return { headline, sources, filters, abridged };
}

/** Whether the criterion's sentence opens with job titles, which keep their case mid-sentence. */
function opensWithTitles(criterion: LeadProviderCriterion): boolean {
  const filters = objectOf(criterion.filters);
  return (
    criterion.type !== 'company' &&
    stringsOf(filters.job_title).length + stringsOf(filters.job_titles).length > 0
  );
}

// Provider filters are kept as sent, legacy keys included, so every read is defensive.
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [] : [value];
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((item): item is string => typeof item === 'string'))];
}

function objectOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function integerOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Filter keys the summary puts into words; any other key is named as "other filters". */
const DESCRIBED_KEYS = new Set([
  'job_title',
  'job_titles',
  'location',
  'company',
  'company_size',
  'skills',
  'seniority',
]);

function employeeRange(filters: Record<string, unknown>): string | null {
  const size = objectOf(objectOf(filters.company).employee_size);
  const min = integerOf(size.min);
  const max = integerOf(size.max);
  if (min !== undefined && max !== undefined) {
    return min === max
      ? `${formatCount(min)} employees`
      : `${formatCount(min)}-${formatCount(max)} employees`;
  }
  if (min !== undefined) return `at least ${formatCount(min)} employees`;
  if (max !== undefined) return `up to ${formatCount(max)} employees`;
  // Legacy form (seed 003): size bands such as "501-1000" or "5001+".
  const bands = stringsOf(filters.company_size);
  return bands.length === 0 ? null : `${joinWords(bands)} employees`;
}

/** One provider search in words, e.g. "CTO in Germany at companies of 100-5,000 employees". */
export function describeLeadCriterion(criterion: LeadProviderCriterion): string {
  const filters = objectOf(criterion.filters);
  const location = objectOf(filters.location);
  const company = objectOf(filters.company);
  const titles = stringsOf([...stringsOf(filters.job_title), ...stringsOf(filters.job_titles)]);
  const places = [
    ...stringsOf(location.city),
    ...stringsOf(location.state),
    ...stringsOf(location.country),
  ];
  const seniority = stringsOf(filters.seniority);
  const skills = stringsOf(filters.skills);
  const industries = stringsOf(company.industry);
  const keywords = stringsOf(company.keywords).map(quoted);
  const size = employeeRange(filters);
  const others = Object.keys(filters).filter((key) => !DESCRIBED_KEYS.has(key));

  const parts: string[] = [];
  if (criterion.type === 'company') {
    parts.push('Companies');
    if (industries.length > 0) parts.push(`in ${joinWords(industries)}`);
    if (size !== null) parts.push(`with ${size}`);
    if (places.length > 0) parts.push(`based in ${joinWords(places)}`);
    if (keywords.length > 0) parts.push(`matching ${joinWords(keywords)}`);
    if (titles.length > 0) parts.push(`with people titled ${joinWords(titles)}`);
    if (seniority.length > 0) parts.push(`at ${joinWords(seniority)} seniority`);
    if (skills.length > 0) parts.push(`skilled in ${joinWords(skills)}`);
  } else {
    parts.push(titles.length > 0 ? joinWords(titles) : 'People');
    if (seniority.length > 0) parts.push(`at ${joinWords(seniority)} seniority`);
    if (skills.length > 0) parts.push(`skilled in ${joinWords(skills)}`);
    if (places.length > 0) parts.push(`in ${joinWords(places)}`);
    const companyParts = [
      size === null ? null : `of ${size}`,
      industries.length > 0 ? `in ${joinWords(industries)}` : null,
      keywords.length > 0 ? `matching ${joinWords(keywords)}` : null,
    ].filter((part) => part !== null);
    if (companyParts.length > 0) parts.push(`at companies ${companyParts.join(' ')}`);
  }
  const lists = [titles, places, seniority, skills, industries, keywords, others];
  if (size === null && lists.every((list) => list.length === 0)) {
    return criterion.type === 'company' ? 'Any company' : 'Anyone';
  }
  if (others.length > 0) {
    parts.push(`(also filtered on ${joinWords(others, 'and')})`);
  }
  return parts.join(' ');
}

const defaultValues = {
  maxPeoplePerCompany: maxPeoplePerCompanyFilter.shape.value.parse(undefined),
  maxPercentFromCRM: maxPercentFromCrmFilter.shape.value.parse(undefined),
  minDaysUntilReuse: minDaysUntilReuseFilter.shape.value.parse(undefined),
};

function prompt(text: string): string {
  return quoted(shortenText(text, PROMPT_LENGTH));
}

/**
 * One custom filter in words, e.g. "At most 2 people per company". `brief` leaves prompts and
 * search strings out ("AI check of each company").
 */
export function describeCustomFilter(
  filter: CustomFilterCriterionInput,
  detail: 'full' | 'brief' = 'full',
): string {
  const brief = detail === 'brief';
  switch (filter.type) {
    case 'website': {
      const text = `Website check with ${filter.provider}`;
      return brief ? text : `${text}: ${prompt(filter.prompt)}`;
    }
    case 'webscraping': {
      if (brief) return `Website scraped with ${filter.provider}`;
      let text = `Website scraped with ${filter.provider} to ${prompt(filter.extractionPrompt)}`;
      if (filter.pageFindingPrompt)
        text += `, on pages found by ${prompt(filter.pageFindingPrompt)}`;
      const include = stringsOf(filter.includeSearchStrings).map(quoted);
      const exclude = stringsOf(filter.excludeSearchStrings).map(quoted);
      if (include.length > 0) text += `, including ${joinWords(include)}`;
      if (exclude.length > 0) text += `, excluding ${joinWords(exclude)}`;
      return text;
    }
    case 'ai': {
      const text = `AI check of each ${filter.entityType}`;
      return brief ? text : `${text}: ${prompt(filter.prompt)}`;
    }
    case 'maxPeoplePerCompany': {
      const value = filter.value ?? defaultValues.maxPeoplePerCompany;
      return `At most ${formatCount(value)} ${value === 1 ? 'person' : 'people'} per company`;
    }
    case 'maxPercentFromCRM': {
      const value = filter.value ?? defaultValues.maxPercentFromCRM;
      return value === 0 ? 'No leads from the CRM' : `At most ${value}% of leads from the CRM`;
    }
    case 'minDaysUntilReuse': {
      const value = filter.value ?? defaultValues.minDaysUntilReuse;
      return value === 0
        ? 'Leads may be reused right away'
        : `Leads not reused within ${formatCount(value)} ${value === 1 ? 'day' : 'days'}`;
    }
    case 'matchFieldWithRegex':
      return `Field ${filter.field} must match /${filter.regex}/`;
    default:
      return `Filter ${(filter satisfies never as { type: string }).type}`;
  }
}

const crmProviderNames: Record<string, string> = { bullhorn: 'Bullhorn' };

function describeCondition(condition: CrmConditionInput): string {
  const exclude = condition.exclude === true;
  if (condition.mode === 'startsWith') {
    return `${condition.path} ${exclude ? 'does not start with' : 'starts with'} ${quoted(condition.value)}`;
  }
  const values = stringsOf(condition.value).map(quoted);
  if (values.length === 1) return `${condition.path} ${exclude ? 'is not' : 'is'} ${values[0]}`;
  return `${condition.path} ${exclude ? 'is none of' : 'is'} ${joinWords(values, exclude ? 'and' : 'or')}`;
}

/** CRM sourcing in words, e.g. "Bullhorn contacts whose occupation or title matches “Head*”". */
export function describeCrmFilters(crm: CrmFiltersInput): string {
  const provider = crmProviderNames[crm.provider] ?? capitalize(crm.provider);
  const parts = [`${provider} contacts`];
  if (crm.textSearch) parts.push(`whose occupation or title matches ${quoted(crm.textSearch)}`);
  if (crm.query) parts.push(`matching the query ${quoted(shortenText(crm.query, PROMPT_LENGTH))}`);
  const conditions = (crm.filters ?? []).map(describeCondition);
  if (conditions.length > 0) parts.push(`where ${conditions.join(' and ')}`);
  return parts.length === 1 ? `All ${parts[0]}` : parts.join(' ');
}

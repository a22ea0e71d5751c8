import {
  countriesOfLocation,
  type LeadCompany,
  type LeadPerson,
  MAX_REASON_SCORE,
  type RecommendationIcp,
  type RecommendationReason,
  recommendationReasonTypes,
} from '@icp/schema';
import { jobTitleMatches } from '../leads/job-title.js';
import { countryName } from '../leads/matching/country-names.js';

/*
 * Why a company is recommended, one reason per kind of filter the ICP sets, each scored 0-100:
 * - a company filter (industry, headquarters location, employee count, revenue, founding year,
 *   domain) the company meets scores 100, and 0 when the company does not show the value;
 * - a people filter (job titles, exact job titles, seniorities, departments, people's countries)
 *   scores the share of its listed values held by at least one of the people shown:
 *   100 × held / listed, so a company with people of every title asked for scores 100, one of
 *   two titles 50. Job titles and exact job titles count as one list.
 * A range filter and its list of ranges (`employeeCount` and `employeeCounts`, `revenue` and
 * `revenues`) are one filter: a company in any of the ranges meets it.
 * LOCATION_MATCH is the mean of the headquarters part and the people part when both are set.
 * The exclusions (`excludeDomains`, `excludeIndustries`, `excludeDepartments`) give no reason:
 * they say why other companies were left out, not why this one is in.
 * The company's fit score is the mean of its reasons' scores.
 */

const percent = (held: number, listed: number) =>
  listed === 0 ? 0 : Math.round((MAX_REASON_SCORE * held) / listed);

const listOf = (values: readonly string[]) => values.join(', ');
/** A location code as a person reads it: a country's name, or the region's code (`W-EMEA`). */
const placeName = (code: string) => (code.startsWith('W-') ? code : countryName(code));
const places = (codes: readonly string[]) => listOf(codes.map(placeName));

const peopleCount = (count: number) => (count === 1 ? '1 person' : `${count} people`);

/** One value a people filter lists: how a person reads it, and whether a person holds it. */
interface Listed {
  label: string;
  holds: (person: LeadPerson) => boolean;
}

/** The listed values at least one of the people shown holds, with how many hold each. */
interface Coverage {
  held: { label: string; holders: number }[];
  listed: readonly Listed[];
}

function coverage(listed: readonly Listed[], people: readonly LeadPerson[]): Coverage {
  const held = listed
    .map(({ label, holds }) => ({ label, holders: people.filter(holds).length }))
    .filter(({ holders }) => holders > 0);
  return { held, listed };
}

/** Values compared as they are written: a person holds one when `field` gives it. */
const valuesOf = (
  values: readonly string[],
  field: (person: LeadPerson) => string | null,
): Listed[] =>
  values.map((value) => ({ label: value, holds: (person) => field(person) === value }));

/** "CTO (2 people), VP Sales (1 person)": each value held, with how many hold it. */
const heldWithCounts = ({ held }: Coverage) =>
  held.map(({ label, holders }) => `${label} (${peopleCount(holders)})`).join(', ');

function peopleReason(
  type: RecommendationReason['type'],
  title: string,
  noun: string,
  covered: Coverage,
): RecommendationReason {
  const { held, listed } = covered;
  return {
    type,
    score: percent(held.length, listed.length),
    title,
    shortDescription: `${held.length} of ${listed.length} ${noun} of the ICP`,
    description:
      held.length === 0
        ? `None of the people shown has one of the ${noun} of the ICP (${listOf(listed.map(({ label }) => label))}).`
        : `People shown here have ${held.length} of the ${listed.length} ${noun} of the ICP: ${heldWithCounts(covered)}.`,
  };
}

/** The job titles an ICP lists: searched by words (`jobTitles`), or exactly (`exactJobTitles`). */
function jobTitlesOf(people: RecommendationIcp['people']): Listed[] {
  const searched = (people?.jobTitles ?? []).map((title) => ({
    label: `"${title}"`,
    holds: (person: LeadPerson) => jobTitleMatches(title, person.jobTitle),
  }));
  const exact = (people?.exactJobTitles ?? []).map((title) => ({
    label: `exactly "${title}"`,
    holds: (person: LeadPerson) => person.jobTitle.toLowerCase() === title.toLowerCase(),
  }));
  return [...searched, ...exact];
}

type Range = { from: number; to: number };

/** A range filter and its list of ranges together (any of them matches); null when neither. */
const rangesOf = (range: Range | undefined, ranges: readonly Range[] | undefined) => {
  const all = [...(range === undefined ? [] : [range]), ...(ranges ?? [])];
  return all.length === 0 ? null : all;
};

function rangesText(ranges: readonly Range[], unit: (value: number) => string) {
  return ranges.map(({ from, to }) => `${unit(from)} to ${unit(to)}`).join(' or ');
}

function rangeReason(
  type: RecommendationReason['type'],
  title: string,
  company: LeadCompany,
  value: number | null,
  ranges: readonly Range[],
  unit: (value: number) => string,
  what: string,
): RecommendationReason {
  const within = value !== null && ranges.some(({ from, to }) => value >= from && value <= to);
  const asked = rangesText(ranges, unit);
  return {
    type,
    score: within ? MAX_REASON_SCORE : 0,
    title,
    shortDescription: value === null ? `${what} unknown` : `${unit(value)} ${what}`,
    description:
      value === null
        ? `${company.name} does not show its ${what}; the ICP asks for ${asked}.`
        : within
          ? `${company.name} has ${unit(value)} ${what}, within the ICP's ${asked}.`
          : `${company.name} has ${unit(value)} ${what}, outside the ICP's ${asked}.`,
  };
}

function yearFoundedReason(company: LeadCompany, years: Range): RecommendationReason {
  const year = company.foundedYear;
  const within = year !== null && year >= years.from && year <= years.to;
  const asked = years.from === years.to ? `${years.from}` : `${years.from} to ${years.to}`;
  return {
    type: 'YEAR_FOUNDED_MATCH',
    score: within ? MAX_REASON_SCORE : 0,
    title: 'Founding year match',
    shortDescription: year === null ? 'Founding year unknown' : `Founded in ${year}`,
    description:
      year === null
        ? `${company.name} does not show when it was founded; the ICP's founding years are ${asked}.`
        : `${company.name} was founded in ${year}, ${within ? 'within' : 'outside'} the ICP's founding years (${asked}).`,
  };
}

/** Domains the description lists by name; beyond that, it gives how many. */
const DOMAINS_LISTED = 5;

function domainReason(company: LeadCompany, domains: readonly string[]): RecommendationReason {
  const domain = company.domain?.toLowerCase() ?? null;
  const within = domain !== null && domains.includes(domain);
  const listed = domains.length <= DOMAINS_LISTED;
  const count = domains.length.toLocaleString('en-US');
  const ofTheIcp = listed ? `the ICP's domains (${listOf(domains)})` : `the ICP's ${count} domains`;
  return {
    type: 'DOMAIN_MATCH',
    score: within ? MAX_REASON_SCORE : 0,
    title: 'Domain match',
    shortDescription: domain ?? 'Domain unknown',
    description:
      domain === null
        ? `${company.name} does not show its domain; the ICP asks for ${listed ? listOf(domains) : `one of ${count} domains`}.`
        : `${company.name} is at ${domain}, ${within ? 'one of' : 'not one of'} ${ofTheIcp}.`,
  };
}

const employees = (count: number) => count.toLocaleString('en-US');
const dollars = (amount: number) => `$${amount.toLocaleString('en-US')}`;

function locationReason(
  icp: RecommendationIcp,
  company: LeadCompany,
  people: readonly LeadPerson[],
): RecommendationReason | null {
  const headquarters = icp.companies?.primaryLocations;
  const countries = icp.people?.countries;
  if (headquarters === undefined && countries === undefined) return null;
  const scores: number[] = [];
  const sentences: string[] = [];
  let shortDescription = '';
  if (headquarters !== undefined) {
    const country = company.country;
    const within =
      country !== null &&
      headquarters.some((code) => (countriesOfLocation(code) as string[]).includes(country));
    scores.push(within ? MAX_REASON_SCORE : 0);
    shortDescription =
      country === null ? 'Headquarters unknown' : `Headquartered in ${countryName(country)}`;
    sentences.push(
      country === null
        ? `${company.name} does not show where it is headquartered; the ICP asks for ${places(headquarters)}.`
        : `${company.name} is headquartered in ${countryName(country)}, within the ICP's locations (${places(headquarters)}).`,
    );
  }
  if (countries !== undefined) {
    const covered = coverage(
      countries.map((code) => ({
        label: placeName(code),
        holds: (person: LeadPerson) =>
          person.country !== null &&
          (countriesOfLocation(code) as string[]).includes(person.country),
      })),
      people,
    );
    scores.push(percent(covered.held.length, countries.length));
    const peopleShort = `people in ${covered.held.length} of ${countries.length} locations`;
    shortDescription =
      shortDescription === '' ? peopleShort : `${shortDescription}; ${peopleShort}`;
    sentences.push(
      covered.held.length === 0
        ? `None of the people shown is in one of the ICP's locations (${places(countries)}).`
        : `People shown here are in ${covered.held.length} of the ICP's ${countries.length} locations: ${heldWithCounts(covered)}.`,
    );
  }
  return {
    type: 'LOCATION_MATCH',
    score: Math.round(scores.reduce((sum, score) => sum + score, 0) / scores.length),
    title: 'Location match',
    shortDescription,
    description: sentences.join(' '),
  };
}

/** The filters without their empty lists: an empty list sets nothing, so it gives no reason. */
function withoutEmptyLists<T extends object>(filters: T | undefined): T {
  return Object.fromEntries(
    Object.entries(filters ?? {}).filter(([, value]) => !Array.isArray(value) || value.length > 0),
  ) as T;
}

/** The reasons `company` (with the matching `people` shown) is recommended for `icp`, best first. */
export function recommendationReasons(
  saved: RecommendationIcp,
  company: LeadCompany,
  people: readonly LeadPerson[],
): RecommendationReason[] {
  const icp = {
    ...saved,
    companies: withoutEmptyLists(saved.companies),
    people: withoutEmptyLists(saved.people),
  };
  const { companies, people: wanted } = icp;
  const employeeRanges = rangesOf(companies.employeeCount, companies.employeeCounts);
  const revenueRanges = rangesOf(companies.revenue, companies.revenues);
  const reasons: (RecommendationReason | null)[] = [
    companies.industries === undefined
      ? null
      : {
          type: 'INDUSTRY_MATCH',
          score:
            company.industry !== null && companies.industries.includes(company.industry as never)
              ? MAX_REASON_SCORE
              : 0,
          title: 'Industry match',
          shortDescription: company.industry ?? 'Industry unknown',
          description:
            company.industry === null
              ? `${company.name} does not show its industry; the ICP asks for ${listOf(companies.industries)}.`
              : `${company.name} works in ${company.industry}, one of the ICP's industries (${listOf(companies.industries)}).`,
        },
    wanted.jobTitles === undefined && wanted.exactJobTitles === undefined
      ? null
      : peopleReason(
          'JOB_TITLE_MATCH',
          'Job title match',
          'job titles',
          coverage(jobTitlesOf(wanted), people),
        ),
    wanted.seniorities === undefined
      ? null
      : peopleReason(
          'SENIORITY_MATCH',
          'Seniority match',
          'seniorities',
          coverage(
            valuesOf(wanted.seniorities, (person) => person.seniority),
            people,
          ),
        ),
    wanted.departments === undefined
      ? null
      : peopleReason(
          'DEPARTMENT_MATCH',
          'Department match',
          'departments',
          coverage(
            valuesOf(wanted.departments, (person) => person.department),
            people,
          ),
        ),
    locationReason(icp, company, people),
    employeeRanges === null
      ? null
      : rangeReason(
          'EMPLOYEE_COUNT_MATCH',
          'Company size match',
          company,
          company.employeeCount,
          employeeRanges,
          employees,
          'employees',
        ),
    revenueRanges === null
      ? null
      : rangeReason(
          'REVENUE_MATCH',
          'Revenue match',
          company,
          company.revenue,
          revenueRanges,
          dollars,
          'annual revenue',
        ),
    companies.yearFounded === undefined ? null : yearFoundedReason(company, companies.yearFounded),
    companies.includeDomains === undefined ? null : domainReason(company, companies.includeDomains),
  ];
  const order = (reason: RecommendationReason) => recommendationReasonTypes.indexOf(reason.type);
  return reasons
    .filter((reason) => reason !== null)
    .sort((a, b) => b.score - a.score || order(a) - order(b));
}

/** The fit score of a company: the mean of its reasons' scores (0 without any). */
export function fitScore(reasons: readonly RecommendationReason[]): number {
  if (reasons.length === 0) return 0;
  return Math.round(reasons.reduce((sum, reason) => sum + reason.score, 0) / reasons.length);
}

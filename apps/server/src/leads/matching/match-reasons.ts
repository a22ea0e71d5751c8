import type { Lead } from '@icp/schema';
import { jobTitleMatches } from '../job-title.js';
import { countryName } from './country-names.js';
import type { AppliedFilter, ReadCriterion } from './provider-filters.js';

/** Why a CRM contact found by the search of the ICP's CRM filters is a lead. */
export const CRM_CONTACT_REASON = 'a CRM contact matching the CRM filters';

const listed = (values: readonly string[]) => values.join(', ');
const plural = (word: string, count: number) => (count === 1 ? word : `${word}s`);

/** The items of `held` (as spelled there) whose lower case is among `wanted` (lower case). */
function heldAmong(held: readonly string[], wanted: readonly string[]): string[] {
  const lowerCase = new Set(wanted);
  return held.filter((item) => lowerCase.has(item.toLowerCase()));
}

function sizeRange(min: number | null, max: number | null): string {
  if (min === null) return `at most ${max}`;
  if (max === null) return `at least ${min}`;
  return `${min}-${max}`;
}

const within = (value: number, range: { min: number | null; max: number | null }) =>
  (range.min === null || value >= range.min) && (range.max === null || value <= range.max);

/** Why the lead meets one filter, from the lead's own values; null if it shows nothing to say. */
function filterReason(filter: AppliedFilter, { person, company }: Lead): string | null {
  switch (filter.kind) {
    case 'jobTitle': {
      if (filter.exact.includes(person.jobTitle.toLowerCase())) {
        return `job title exactly "${person.jobTitle}"`;
      }
      const searched = filter.titles.find(({ title }) => jobTitleMatches(title, person.jobTitle));
      return searched === undefined
        ? null
        : `job title "${searched.title}" matches "${person.jobTitle}"`;
    }
    // What a lead is not says nothing of why it is one.
    case 'excludeDepartment':
    case 'excludeIndustry':
    case 'excludeDomain':
      return null;
    case 'domain':
      return company?.domain ? `company domain ${company.domain}` : null;
    case 'foundedYear': {
      const year = company?.foundedYear;
      if (year === null || year === undefined) return null;
      return `founded in ${year} (${sizeRange(filter.min, filter.max)})`;
    }
    case 'employeeSizes': {
      const count = company?.employeeCount;
      if (count === null || count === undefined) return null;
      const range = filter.ranges.find((range) => within(count, range));
      return range === undefined ? null : `${count} employees (${sizeRange(range.min, range.max)})`;
    }
    case 'revenues': {
      const revenue = company?.revenue;
      if (revenue === null || revenue === undefined) return null;
      const range = filter.ranges.find((range) => within(revenue, range));
      return range === undefined
        ? null
        : `revenue $${revenue.toLocaleString('en-US')} (${sizeRange(range.min, range.max)})`;
    }
    case 'seniority':
      return person.seniority === null ? null : `seniority ${person.seniority}`;
    case 'department':
      return person.department === null ? null : `department ${person.department}`;
    case 'skills': {
      const skills = heldAmong(person.skills, filter.values);
      return skills.length === 0 ? null : `${plural('skill', skills.length)} ${listed(skills)}`;
    }
    case 'country': {
      const code = filter.owner === 'person' ? person.country : company?.country;
      if (code === null || code === undefined) return null;
      return `${filter.owner === 'person' ? 'located' : 'company'} in ${countryName(code)}`;
    }
    case 'state':
    case 'city': {
      const place = filter.owner === 'person' ? person[filter.kind] : company?.[filter.kind];
      if (place === null || place === undefined) return null;
      return `${filter.owner === 'person' ? 'located' : 'company'} in ${place}`;
    }
    case 'industry':
      return company?.industry ? `industry ${company.industry}` : null;
    case 'keywords': {
      const keywords = heldAmong(company?.keywords ?? [], filter.values);
      return keywords.length === 0
        ? null
        : `company ${plural('keyword', keywords.length)} ${listed(keywords)}`;
    }
    case 'employeeSize': {
      const count = company?.employeeCount;
      if (count === null || count === undefined) return null;
      return `${count} employees (${sizeRange(filter.min, filter.max)})`;
    }
    case 'revenue': {
      const revenue = company?.revenue;
      if (revenue === null || revenue === undefined) return null;
      return `revenue $${revenue.toLocaleString('en-US')} (${sizeRange(filter.min, filter.max)})`;
    }
    case 'companyIds':
      return null;
    case 'crmContacts':
      return CRM_CONTACT_REASON;
    case 'companySize': {
      const count = company?.employeeCount;
      if (count === null || count === undefined) return null;
      const band = filter.bands.find(
        ({ from, to }) => count >= from && (to === null || count <= to),
      );
      return band === undefined ? null : `${count} employees (band ${band.label})`;
    }
  }
}

/** Why the lead matched the criteria it matched, each reason once, in criteria order. */
export function matchReasons(matched: readonly ReadCriterion[], lead: Lead): string[] {
  const reasons = new Set<string>();
  for (const criterion of matched) {
    for (const filter of criterion.filters) {
      const reason = filterReason(filter, lead);
      if (reason !== null) reasons.add(reason);
    }
  }
  return [...reasons];
}

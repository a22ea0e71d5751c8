/**
 * Lead provider criteria as bitmap expressions over the lead index: the filters of a criterion
 * are AND-ed, a filter's values OR-ed; a company's attributes are matched as a set of companies,
 * then turned into their people. An exclusion is an AND NOT: the people it names (or the people
 * of the companies it names) are taken out of what the other filters found. The meaning is that
 * of provider-filters.ts, as the SQL engine applied it (see sql-reference/, and the property
 * test holding both to the same answers).
 */

import type { AppliedFilter, ReadCriterion } from '../matching/provider-filters.js';
import { RoaringBitmap32 } from './bitmap.js';
import type { BitmapLeadIndex } from './bitmap-lead-index.js';

/**
 * Employee counts are 32-bit integers in the database; a bound past that range means the same as
 * the largest (the SQL engine clamped it the same way).
 */
const MAX_EMPLOYEE_COUNT = 2_147_483_647;
const employeeBound = (value: number) => Math.min(value, MAX_EMPLOYEE_COUNT);

/**
 * Above this share of all people, the people of a set of companies are found by one pass over
 * every person (already in order) rather than by gathering each company's list and sorting it.
 */
const GATHER_SHARE = 1 / 16;

function intersect(sets: RoaringBitmap32[]): RoaringBitmap32 {
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  if (smallest === undefined) return new RoaringBitmap32();
  const result = smallest.clone();
  for (const set of rest) {
    if (result.isEmpty) break;
    result.andInPlace(set);
  }
  return result;
}

/** Companies whose value in `column` lies in [min, max] (either bound may be absent). */
function companiesInRange(
  index: BitmapLeadIndex,
  name: 'employeeCount' | 'revenue' | 'foundedYear',
  min: number | null,
  max: number | null,
): RoaringBitmap32 {
  return index.remembered(`${name} ${min} ${max}`, () =>
    scanRange(index, index[name].values, min, max),
  );
}

function scanRange(
  index: BitmapLeadIndex,
  column: Float64Array,
  min: number | null,
  max: number | null,
): RoaringBitmap32 {
  const count = index.companies.size;
  const low = min ?? Number.NEGATIVE_INFINITY;
  const high = max ?? Number.POSITIVE_INFINITY;
  const found = new Uint32Array(count);
  let length = 0;
  for (let company = 0; company < count; company += 1) {
    const value = column[company] as number;
    // NaN (unknown) fails both comparisons, as NULL does in SQL.
    if (value >= low && value <= high) {
      found[length] = company;
      length += 1;
    }
  }
  return RoaringBitmap32.from(found.subarray(0, length));
}

/** The numbers of people with these ids (ids not stored match no one). */
function peopleWithIds(index: BitmapLeadIndex, ids: readonly string[]): RoaringBitmap32 {
  const found = new RoaringBitmap32();
  for (const id of ids) {
    const number = index.people.numberOf(id);
    if (number !== undefined) found.add(number);
  }
  return found.andNotInPlace(index.gonePeople);
}

function companiesWithIds(index: BitmapLeadIndex, ids: readonly string[]): RoaringBitmap32 {
  const found = new RoaringBitmap32();
  for (const id of ids) {
    const number = index.companies.numberOf(id);
    if (number !== undefined) found.add(number);
  }
  return found;
}

/** What one filter selects, or (`exclude`) takes out. */
type Part = { of: 'people' | 'companies'; set: RoaringBitmap32; exclude?: true };

/** A range of employee counts with the bounds the SQL engine clamped them to. */
const employeeRange = (index: BitmapLeadIndex, range: { min: number | null; max: number | null }) =>
  companiesInRange(
    index,
    'employeeCount',
    range.min === null ? null : employeeBound(range.min),
    range.max === null ? null : employeeBound(range.max),
  );

function filterPart(index: BitmapLeadIndex, filter: AppliedFilter): Part {
  const people = (set: RoaringBitmap32): Part => ({ of: 'people', set });
  const companies = (set: RoaringBitmap32): Part => ({ of: 'companies', set });
  const { personSets, companySets } = index;
  switch (filter.kind) {
    case 'jobTitle':
      // A title matches a person whose title words include all of its words.
      return people(
        RoaringBitmap32.orMany([
          ...(filter.exact.length === 0 ? [] : [personSets.exactTitle.anyOf(filter.exact)]),
          ...filter.titles.map(({ words }) =>
            intersect(words.map((word) => personSets.titleWord.get(word) ?? new RoaringBitmap32())),
          ),
        ]),
      );
    case 'excludeDepartment':
      return { of: 'people', set: personSets.department.anyOf(filter.values), exclude: true };
    case 'excludeIndustry':
      return { of: 'companies', set: companySets.industry.anyOf(filter.values), exclude: true };
    case 'domain':
      return companies(companySets.domain.anyOf(filter.values));
    case 'excludeDomain':
      return { of: 'companies', set: companySets.domain.anyOf(filter.values), exclude: true };
    case 'seniority':
      return people(personSets.seniority.anyOf(filter.values));
    case 'department':
      return people(personSets.department.anyOf(filter.values));
    case 'skills':
      return people(personSets.skill.anyOf(filter.values));
    case 'country': {
      // A region is a hundred countries or more: their union is kept for the next search.
      const key = `${filter.owner} country ${filter.codes.join(' ')}`;
      return filter.owner === 'person'
        ? people(index.remembered(key, () => personSets.country.anyOf(filter.codes)))
        : companies(index.remembered(key, () => companySets.country.anyOf(filter.codes)));
    }
    case 'state':
    case 'city':
      return filter.owner === 'person'
        ? people(personSets[filter.kind].anyOf(filter.values))
        : companies(companySets[filter.kind].anyOf(filter.values));
    case 'industry':
      return companies(companySets.industry.anyOf(filter.values));
    case 'keywords':
      return companies(companySets.keyword.anyOf(filter.values));
    case 'employeeSize':
      return companies(employeeRange(index, filter));
    case 'revenue':
      return companies(companiesInRange(index, 'revenue', filter.min, filter.max));
    case 'foundedYear':
      return companies(
        companiesInRange(
          index,
          'foundedYear',
          filter.min === null ? null : employeeBound(filter.min),
          filter.max === null ? null : employeeBound(filter.max),
        ),
      );
    case 'employeeSizes':
      return companies(
        RoaringBitmap32.orMany(filter.ranges.map((range) => employeeRange(index, range))),
      );
    case 'revenues':
      return companies(
        RoaringBitmap32.orMany(
          filter.ranges.map((range) => companiesInRange(index, 'revenue', range.min, range.max)),
        ),
      );
    case 'companySize':
      return companies(
        RoaringBitmap32.orMany(
          filter.bands.map((band) =>
            companiesInRange(
              index,
              'employeeCount',
              employeeBound(band.from),
              band.to === null ? null : employeeBound(band.to),
            ),
          ),
        ),
      );
    case 'companyIds':
      return companies(companiesWithIds(index, filter.ids));
    case 'crmContacts':
      return people(peopleWithIds(index, filter.ids));
  }
}

/**
 * The people working at `companies`; with `among`, only those among them. Walks whichever is
 * smaller: the candidates, the companies' own lists, or (for most companies) everyone.
 */
function peopleAt(
  index: BitmapLeadIndex,
  companies: RoaringBitmap32,
  among: RoaringBitmap32 | null,
): RoaringBitmap32 {
  const companyOf = index.companyOf;
  const atCompany = new Uint8Array(index.companies.size);
  let listed = 0;
  for (const company of companies) {
    atCompany[company] = 1;
    listed += index.listedAt(company);
  }
  const works = (person: number) => atCompany[companyOf[person] as number] === 1;
  if (among !== null && among.size <= listed) {
    const candidates = among.toUint32Array();
    const kept = new Uint32Array(candidates.length);
    let length = 0;
    for (const person of candidates) {
      if (works(person)) {
        kept[length] = person;
        length += 1;
      }
    }
    return RoaringBitmap32.from(kept.subarray(0, length));
  }
  const everyone = index.people.size;
  let found: RoaringBitmap32;
  if (listed > everyone * GATHER_SHARE) {
    const kept = new Uint32Array(everyone);
    let length = 0;
    for (let person = 0; person < everyone; person += 1) {
      if (works(person)) {
        kept[length] = person;
        length += 1;
      }
    }
    found = RoaringBitmap32.from(kept.subarray(0, length));
  } else {
    const unlisted = index.unlisted.toUint32Array();
    const gathered = new Uint32Array(listed + unlisted.length);
    let length = 0;
    for (const company of companies) {
      for (const person of index.peopleOfCompany(company)) {
        // A person moved since the lists were built is listed under the old company too.
        if (companyOf[person] === company) {
          gathered[length] = person;
          length += 1;
        }
      }
    }
    for (const person of unlisted) {
      if (works(person)) {
        gathered[length] = person;
        length += 1;
      }
    }
    found = RoaringBitmap32.from(gathered.subarray(0, length).sort());
  }
  return among === null ? found : found.andInPlace(among);
}

/** The people one criterion matches. */
export function criterionPeople(index: BitmapLeadIndex, criterion: ReadCriterion): RoaringBitmap32 {
  const parts = criterion.filters.map((filter) => filterPart(index, filter));
  const setsOf = (of: Part['of'], exclude: boolean) =>
    parts.flatMap((part) =>
      part.of === of && (part.exclude ?? false) === exclude ? [part.set] : [],
    );
  const personParts = setsOf('people', false);
  const companyParts = setsOf('companies', false);
  const excludedPeople = setsOf('people', true);
  const excludedCompanies = setsOf('companies', true);
  // A company search finds people through their company: someone without one cannot match.
  if (criterion.type === 'company') personParts.push(index.employed);
  let people = personParts.length === 0 ? null : intersect(personParts);
  if (companyParts.length > 0 && (people === null || !people.isEmpty)) {
    people = peopleAt(index, intersect(companyParts), people);
  }
  // Exclusions alone leave everyone else (those numbered gone are taken out below).
  if (people === null && excludedPeople.length + excludedCompanies.length > 0) {
    people = new RoaringBitmap32();
    people.addRange(0, index.people.size);
  }
  if (people !== null) {
    for (const excluded of excludedPeople) people.andNotInPlace(excluded);
    if (excludedCompanies.length > 0 && !people.isEmpty) {
      people.andNotInPlace(peopleAt(index, RoaringBitmap32.orMany(excludedCompanies), people));
    }
  }
  const found = people ?? new RoaringBitmap32();
  // Numbers of people deleted, or written again under a new number, are in no answer.
  found.andNotInPlace(index.gonePeople);
  // People a CRM search brought in are found by their ids for that search only.
  if (!criterion.filters.some((filter) => filter.kind === 'crmContacts')) {
    found.andNotInPlace(index.scoped);
  }
  return found;
}

import { type CompanyRecord, type CountryCode, countries, type PersonRecord } from '@icp/schema';
import { asciiSlug } from './ascii-slug.js';
import { hqCountries } from './headquarters.js';
import { Random } from './random.js';

/**
 * The fields of a generated company or person that describe rather than classify it (description,
 * LinkedIn, logo, headquarters address, a person's location text and summary). They come from a
 * random stream of their own per company, so adding them left every other generated field as it
 * was, and a company's come out the same whatever is generated before it.
 */
export type CompanyProfileFields = Pick<
  CompanyRecord,
  | 'description'
  | 'linkedInUrl'
  | 'logoUrl'
  | 'hqStreetAddress'
  | 'hqPostalCode'
  | 'hqLocality'
  | 'hqRegion'
  | 'latitude'
  | 'longitude'
>;
export type PersonProfileFields = Pick<PersonRecord, 'linkedInUrl' | 'location' | 'summary'>;

/** The stream of the company numbered `companyNumber` of the data set of `seed`. */
export function profileRandom(seed: number, companyNumber: number): Random {
  // murmur3's finalizer over both numbers: nearby seeds and numbers give unrelated streams.
  let h = Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) ^ companyNumber;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return new Random((h ^ (h >>> 16)) >>> 0);
}

// Names as profiles write them, where the ISO short name reads otherwise.
const COMMON_NAMES: Partial<Record<CountryCode, string>> = {
  kr: 'South Korea',
  tw: 'Taiwan',
  vn: 'Vietnam',
};
const countryNames = new Map<string, string>(
  countries.map(({ code, name }) => [code, COMMON_NAMES[code as CountryCode] ?? name]),
);

/** `a`, `a and b`, `a, b and c`. */
function spokenList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const inSentenceTexts = new Map<string, string>();

/** `Software` → `software`, `IT Services` → `IT services`: acronyms keep their capitals. */
function inSentence(text: string): string {
  let result = inSentenceTexts.get(text);
  if (result === undefined) {
    result = text.replace(/\b[A-Z][a-z]+/g, (word) => word.toLowerCase());
    // Industries and departments: a few dozen texts.
    if (inSentenceTexts.size < 1_000) inSentenceTexts.set(text, result);
  }
  return result;
}

function houseNumber(random: Random): string {
  return String(1 + Math.floor(240 * random.next() ** 2.5));
}

const LETTERS = [...'ABCDEFGHJKLMNPRSTUVWXYZ'];

function postalCode(random: Random, pattern: string, prefix: string): string {
  let code = '';
  for (const char of pattern) {
    if (char === '*') code += prefix;
    else if (char === '0') code += String(random.int(0, 9));
    else if (char === 'A') code += random.pick(LETTERS);
    else code += char;
  }
  return code;
}

function aboutHeadcount(employees: number): string {
  if (employees < 20) return String(employees);
  const unit = 10 ** Math.floor(Math.log10(employees));
  return (Math.round(employees / unit) * unit).toLocaleString('en-US');
}

function companyDescription(random: Random, company: CompanyRecord): string {
  const where = [company.city, countryNames.get(company.country ?? '')]
    .filter((part) => part !== undefined)
    .join(', ');
  const industry = inSentence(company.industry ?? 'business services');
  const focus = spokenList(company.keywords.slice(0, 3));
  const employees = company.employeeCount ?? 1;
  const size = employees <= 50 ? 'small' : employees <= 1_000 ? 'mid-sized' : 'large';
  const located = where === '' ? '' : ` based in ${where}`;
  switch (random.int(0, 3)) {
    case 0:
      return `${company.name} is a ${size} ${industry} company${located}, focused on ${focus}.`;
    case 1:
      return company.foundedYear === undefined
        ? `${company.name} serves ${industry} customers with ${focus}.`
        : `Founded in ${company.foundedYear}, ${company.name} serves ${industry} customers with ${focus}.`;
    case 2:
      return `${company.name} offers ${focus}. The ${industry} company${located} employs about ${aboutHeadcount(employees)} people.`;
    default:
      return `${company.name}${located} brings ${focus} to its ${industry} clients.`;
  }
}

/** The part of a domain before its first dot, with the ending after it unless that is `.com`. */
function linkedInCompanySlug(domain: string): string {
  const dot = domain.indexOf('.');
  const ending = domain.slice(dot + 1);
  const label = domain.slice(0, dot);
  return ending === 'com' ? label : `${label}-${ending.replaceAll('.', '-')}`;
}

/** What a company generated as `company` says of itself and where its headquarters are. */
export function companyProfileFields(random: Random, company: CompanyRecord): CompanyProfileFields {
  const fields: CompanyProfileFields = {};
  if (random.chance(0.92)) fields.description = companyDescription(random, company);
  if (company.domain !== undefined) {
    if (random.chance(0.9)) {
      fields.linkedInUrl = `https://www.linkedin.com/company/${linkedInCompanySlug(company.domain)}`;
    }
    if (random.chance(0.85)) fields.logoUrl = `https://www.${company.domain}/logo.png`;
  }
  const country = company.country === undefined ? undefined : hqCountries.get(company.country);
  const city = company.city === undefined ? undefined : country?.cities.get(company.city);
  if (company.city !== undefined) fields.hqLocality = company.city;
  if (company.state !== undefined) fields.hqRegion = company.state;
  if (country !== undefined && city !== undefined) {
    if (random.chance(0.88)) {
      const street = random.pick(country.streets);
      fields.hqStreetAddress = street
        .replace('#', () => houseNumber(random))
        .replace(/%/g, () => String(random.int(1, 9)));
      if (country.postalCode !== null) {
        fields.hqPostalCode = postalCode(random, country.postalCode, city.postalPrefix);
      }
    }
    // Within a few kilometres of the city centre.
    const spread = 0.04;
    const latitude = city.latitude + (random.next() * 2 - 1) * spread;
    const longitude =
      city.longitude +
      ((random.next() * 2 - 1) * spread) / Math.cos((city.latitude * Math.PI) / 180);
    fields.latitude = Math.round(latitude * 1e5) / 1e5;
    fields.longitude = Math.round(longitude * 1e5) / 1e5;
  }
  return fields;
}

const SUMMARY_OPENINGS: Record<string, string> = {
  Owner: 'Business owner',
  Founder: 'Founder',
  'Board Member': 'Board member',
  'C-Level': 'Executive',
  Partner: 'Partner',
  VP: 'Senior leader',
  Head: 'Team lead',
  Director: 'Director',
  Manager: 'Manager',
  Senior: 'Experienced professional',
  Entry: 'Professional',
  Intern: 'Intern',
  Other: 'Independent specialist',
};

function personSummary(random: Random, person: PersonRecord, company: CompanyRecord): string {
  const skills = spokenList(person.skills.slice(0, 3));
  const department = person.department === undefined ? '' : ` in ${inSentence(person.department)}`;
  const skilled = skills === '' ? '' : `, skilled in ${skills}`;
  switch (random.int(0, 2)) {
    case 0:
      return `${person.jobTitle} at ${company.name}${skilled}.`;
    case 1: {
      const opening = SUMMARY_OPENINGS[person.seniority ?? ''] ?? 'Professional';
      return `${opening}${department} at ${company.name}${skilled}.`;
    }
    default:
      return skills === ''
        ? `${person.jobTitle} at ${company.name}.`
        : `${person.jobTitle} with a background in ${skills}.`;
  }
}

// The last place worded: most people are at their company's, and come one after another.
let lastPlace: Pick<PersonRecord, 'city' | 'state' | 'country'> = {};
let lastText = '';

/** `Paris, Île-de-France, France`: the person's city, state and country, as far as known. */
function locationText(person: PersonRecord): string | undefined {
  const { city, state, country } = person;
  if (city !== lastPlace.city || state !== lastPlace.state || country !== lastPlace.country) {
    const countryName = country === undefined ? undefined : countryNames.get(country);
    lastText = [city, state === city ? undefined : state, countryName]
      .filter((part) => part !== undefined)
      .join(', ');
    lastPlace = { city, state, country };
  }
  return lastText === '' ? undefined : lastText;
}

/** A generated person's LinkedIn profile, location text and summary. */
export function personProfileFields(
  random: Random,
  person: PersonRecord,
  company: CompanyRecord,
): PersonProfileFields {
  const fields: PersonProfileFields = {};
  if (random.chance(0.8)) {
    const name = [asciiSlug(person.firstName), asciiSlug(person.lastName)]
      .filter((part) => part !== '')
      .join('-');
    const suffix = Math.floor(random.next() * 0x100000000).toString(36);
    fields.linkedInUrl = `https://www.linkedin.com/in/${name || 'member'}-${suffix}`;
  }
  const location = locationText(person);
  if (location !== undefined && random.chance(0.95)) fields.location = location;
  if (random.chance(0.88)) fields.summary = personSummary(random, person, company);
  return fields;
}

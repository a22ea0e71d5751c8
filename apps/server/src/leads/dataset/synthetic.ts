import {
  type CompanyRecord,
  type CountryCode,
  type Department,
  employeeCountBands,
  type Industry,
  type PersonRecord,
  type Seniority,
} from '@icp/schema';
import { asciiSlug } from './ascii-slug.js';
import { brandPrefixes, brandRoots, standaloneNames, surnameEndings } from './company-names.js';
import { type DepartmentRoles, departmentRoles } from './department-roles.js';
import { type IndustryProfile, industryProfiles } from './industry-profiles.js';
import { personNames } from './person-names.js';
import { type CountryProfile, countryProfiles, type Place } from './places.js';
import { companyProfileFields, personProfileFields, profileRandom } from './profile-fields.js';
import { Random, type WeightedTable, weightedTable } from './random.js';

/** What to generate; the same options always give the same records. */
export interface DatasetOptions {
  seed: number;
  companies: number;
  /** Average people per company (default 10); bigger companies get more, never above headcount. */
  peoplePerCompany?: number;
  /** Shares of companies of the countries named, in place of their usual weights. */
  countryWeights?: Partial<Record<CountryCode, number>>;
  /** Share of people marked as coming from a CRM (`source: 'crm'`); 0.1 by default. */
  crmShare?: number;
}

/** One generated company with its people, who name it as their `companyId`. */
export interface GeneratedCompany {
  company: CompanyRecord;
  people: PersonRecord[];
}

/** The year founding years count back from; fixed so that output does not change over time. */
const REFERENCE_YEAR = 2025;

interface SizeBand {
  from: number;
  to: number;
  /** People generated relative to the average, before the headcount cap. */
  peopleFactor: number;
  minAge: number;
  maxAge: number;
}

// Most companies are small: the shares follow the long tail of business registers.
const sizeBandTable = weightedTable<SizeBand>(
  employeeCountBands.map((band, index) => {
    const share = [30, 28, 20, 9, 5, 5, 1.8, 1.2][index] ?? 1;
    const size = {
      from: band.from,
      to: band.to ?? 300_000,
      peopleFactor: [0.5, 0.85, 1.1, 1.35, 1.6, 1.9, 2.3, 2.8][index] ?? 1,
      minAge: [0, 1, 3, 5, 8, 10, 15, 20][index] ?? 0,
      maxAge: [25, 35, 50, 70, 90, 120, 140, 170][index] ?? 50,
    };
    return [size, share] as const;
  }),
);

/** Scales `peopleFactor` so that the average company gets `peoplePerCompany` people. */
const PEOPLE_NORMALIZER = 0.92;

function countryTableOf(
  weights: DatasetOptions['countryWeights'] = {},
): WeightedTable<CountryProfile> {
  return weightedTable(
    countryProfiles.map((country) => [country, weights[country.code] ?? country.weight]),
  );
}
const industryTable = weightedTable(industryProfiles.map((profile) => [profile, profile.weight]));

const rolesByDepartment = new Map(departmentRoles.map((roles) => [roles.department, roles]));

function rolesOf(department: Department): DepartmentRoles {
  return rolesByDepartment.get(department) as DepartmentRoles;
}

const HEALTH_INDUSTRIES = new Set<Industry>([
  'Healthcare',
  'Pharmaceuticals',
  'Biotechnology',
  'Medical Devices',
]);
const RESEARCH_INDUSTRIES = new Set<Industry>([
  'Research',
  'Biotechnology',
  'Pharmaceuticals',
  'Semiconductors',
  'Aerospace & Defense',
  'Chemicals',
]);
const PARTNERSHIP_INDUSTRIES: ReadonlyMap<Industry, Department> = new Map([
  ['Consulting', 'Consulting'],
  ['Legal Services', 'Legal'],
  ['Accounting', 'Finance'],
  ['Venture Capital & Private Equity', 'Finance'],
]);

/** How much more often a department appears in an industry than elsewhere. */
function departmentWeight(roles: DepartmentRoles, industry: Industry): number {
  const { department } = roles;
  if (department === 'Medical') return HEALTH_INDUSTRIES.has(industry) ? 10 : 0;
  if (department === 'Research' && RESEARCH_INDUSTRIES.has(industry)) return roles.weight * 8;
  if (PARTNERSHIP_INDUSTRIES.get(industry) === department) return roles.weight * 6;
  return roles.weight;
}

interface IndustryRoles {
  departments: WeightedTable<DepartmentRoles>;
  chiefs: WeightedTable<DepartmentRoles>;
}

const industryRoles = new Map<Industry, IndustryRoles>(
  industryProfiles.map(({ industry }) => [
    industry,
    {
      departments: weightedTable(
        departmentRoles.map((roles) => [roles, departmentWeight(roles, industry)]),
      ),
      // Every company has a chief executive; other chiefs are spread like their departments.
      chiefs: weightedTable(
        departmentRoles
          .filter((roles) => roles.chiefs.length > 0)
          .map((roles) => [
            roles,
            roles.department === 'Executive' ? 10 : departmentWeight(roles, industry) / 4,
          ]),
      ),
    },
  ]),
);

type SizeTier = 'small' | 'mid' | 'large';

// Small companies are led by owners and founders; big ones have layers of management.
const seniorityShares: Record<SizeTier, [Seniority, number][]> = {
  small: [
    ['Owner', 4],
    ['Founder', 8],
    ['Board Member', 1],
    ['C-Level', 7],
    ['Partner', 2],
    ['VP', 2],
    ['Head', 5],
    ['Director', 4],
    ['Manager', 14],
    ['Senior', 20],
    ['Entry', 30],
    ['Intern', 4],
    ['Other', 2],
  ],
  mid: [
    ['Owner', 0.5],
    ['Founder', 2],
    ['Board Member', 1],
    ['C-Level', 3],
    ['Partner', 2],
    ['VP', 5],
    ['Head', 7],
    ['Director', 9],
    ['Manager', 18],
    ['Senior', 24],
    ['Entry', 28],
    ['Intern', 3],
    ['Other', 3],
  ],
  large: [
    ['Founder', 0.3],
    ['Board Member', 0.5],
    ['C-Level', 1],
    ['Partner', 2],
    ['VP', 6],
    ['Head', 6],
    ['Director', 11],
    ['Manager', 19],
    ['Senior', 25],
    ['Entry', 28],
    ['Intern', 3],
    ['Other', 3],
  ],
};

const seniorityTables = new Map<string, WeightedTable<Seniority>>();
for (const tier of ['small', 'mid', 'large'] as const) {
  for (const partnership of [true, false]) {
    const shares = seniorityShares[tier].filter(
      ([seniority]) => partnership || seniority !== 'Partner',
    );
    seniorityTables.set(`${tier}/${partnership}`, weightedTable(shares));
  }
}

function sizeTier(employeeCount: number): SizeTier {
  if (employeeCount <= 50) return 'small';
  return employeeCount <= 1_000 ? 'mid' : 'large';
}

const OWNER_TITLES = ['Owner', 'Owner & Managing Director', 'Owner and CEO', 'Proprietor'];
const FOUNDER_TITLES: readonly (readonly [string, Department])[] = [
  ['Founder', 'Executive'],
  ['Co-Founder', 'Executive'],
  ['Founder & CEO', 'Executive'],
  ['Co-Founder & CEO', 'Executive'],
  ['Co-Founder & CTO', 'Engineering'],
  ['Founder and Managing Director', 'Executive'],
  ['Co-Founder & Chief Product Officer', 'Product'],
];
const BOARD_TITLES = [
  'Board Member',
  'Non-Executive Director',
  'Chair of the Board',
  'Independent Board Member',
];
// Roles outside the ladder of levels: filed under a department, but at no level of it.
const OTHER_TITLES = ['# Advisor', '# Consultant', 'Freelance # Specialist', '# Contractor'];
const PARTNER_TITLES = ['Partner', 'Managing Partner', 'Senior Partner', 'Associate Partner'];
const VP_PATTERNS = [
  'VP #',
  'VP of #',
  'Vice President of #',
  'Vice President, #',
  'SVP #',
  'VP, #',
];
const DIRECTOR_PATTERNS = ['Director of #', '# Director', 'Senior Director, #', 'Director, #'];
const LEADERSHIP_SKILLS = ['Leadership', 'Team Management', 'Strategic Planning', 'Budgeting'];

interface Role {
  jobTitle: string;
  seniority: Seniority;
  department: Department;
  roles: DepartmentRoles;
}

function role(random: Random, company: CompanyRecord, profile: IndustryProfile): Role {
  const industry = industryRoles.get(profile.industry) as IndustryRoles;
  const partnership = PARTNERSHIP_INDUSTRIES.get(profile.industry);
  const tier = sizeTier(company.employeeCount ?? 1);
  const seniority = random.weighted(
    seniorityTables.get(`${tier}/${partnership !== undefined}`) as WeightedTable<Seniority>,
  );
  const titled = (jobTitle: string, department: Department): Role => ({
    jobTitle,
    seniority,
    department,
    roles: rolesOf(department),
  });
  switch (seniority) {
    case 'Owner':
      return titled(random.pick(OWNER_TITLES), 'Executive');
    case 'Founder': {
      const [title, department] = random.pick(FOUNDER_TITLES);
      return titled(title, department);
    }
    case 'C-Level': {
      const chief = random.weighted(industry.chiefs);
      return titled(random.pick(chief.chiefs), chief.department);
    }
    case 'Board Member':
      return titled(random.pick(BOARD_TITLES), 'Executive');
    case 'Partner':
      return titled(random.pick(PARTNER_TITLES), partnership ?? 'Consulting');
    default: {
      const department = random.weighted(industry.departments);
      return titled(departmentTitle(random, seniority, department), department.department);
    }
  }
}

/** A title of a department below C-level: `VP of Sales`, `Head of Data`, `Sr. Data Engineer`. */
function departmentTitle(random: Random, seniority: Seniority, roles: DepartmentRoles): string {
  const name = random.pick(roles.names);
  switch (seniority) {
    case 'VP':
      return random.pick(VP_PATTERNS).replace('#', name);
    case 'Head':
      return `Head of ${name}`;
    case 'Director':
      return random.pick(DIRECTOR_PATTERNS).replace('#', name);
    case 'Manager':
      return random.pick(roles.managers);
    case 'Senior':
      return random.pick(roles.seniors);
    case 'Other':
      return random.pick(OTHER_TITLES).replace('#', name);
    case 'Intern':
      return roles.interns.length > 0 ? random.pick(roles.interns) : `${roles.names[0]} Intern`;
    default:
      return random.pick(roles.entries);
  }
}

/** An index into a list ordered by importance: the first entries come up most. */
function skewedIndex(random: Random, length: number): number {
  return Math.floor(length * random.next() ** 1.8);
}

function pickPlace(random: Random, country: CountryProfile): Place {
  return country.places[skewedIndex(random, country.places.length)] as Place;
}

/** Three significant digits, as revenue estimates are quoted. */
function roundToSignificant(value: number): number {
  if (value < 1_000) return Math.round(value);
  const unit = 10 ** (Math.floor(Math.log10(value)) - 2);
  return Math.round(value / unit) * unit;
}

/** A company name without its legal form, and the words its domain is made of. */
function companyName(
  random: Random,
  country: CountryProfile,
  profile: IndustryProfile,
): { name: string; domainWords: string[] } {
  const noun = random.pick(profile.nouns);
  const style = random.next();
  if (style < 0.35) {
    const brand = random.pick(brandPrefixes) + random.pick(brandRoots);
    return random.chance(0.4)
      ? { name: `${brand} ${noun}`, domainWords: [brand, noun] }
      : { name: brand, domainWords: [brand] };
  }
  if (style < 0.7) {
    const word = random.pick(standaloneNames);
    return { name: `${word} ${noun}`, domainWords: [word, noun] };
  }
  if (style < 0.85) {
    const surnames = personNames[country.names].last;
    const surname = random.pick(surnames);
    if (random.chance(0.4)) {
      const other = random.pick(surnames);
      if (other !== surname) {
        return { name: `${surname} & ${other}`, domainWords: [surname, other] };
      }
    }
    const ending = random.chance(0.5) ? random.pick(surnameEndings) : noun;
    return { name: `${surname} ${ending}`, domainWords: [surname, ending] };
  }
  if (style < 0.95) {
    const city = pickPlace(random, country).city;
    return { name: `${city} ${noun}`, domainWords: [city, noun] };
  }
  const letters = 'ABCDEFGHIJKLMNOPRSTUVWXZ';
  const acronym = [0, 1, 2].map(() => random.pick([...letters])).join('');
  return { name: `${acronym} ${noun}`, domainWords: [acronym, noun] };
}

/** A domain for the name that no earlier company of the data set has. */
function uniqueDomain(
  random: Random,
  words: string[],
  country: CountryProfile,
  profile: IndustryProfile,
  taken: Set<string>,
): string {
  const slugs = words.map(asciiSlug).filter((slug) => slug !== '');
  let label = (random.chance(0.25) ? slugs.join('-') : slugs.join('')).slice(0, 40);
  if (label === '') label = 'company';
  let tld = random.chance(country.code === 'us' ? 1 : 0.45) ? 'com' : country.tld;
  if (profile.tech && random.chance(0.25)) tld = random.chance(0.6) ? 'io' : 'ai';
  const candidates = [
    `${label}.${tld}`,
    `${label}.com`,
    `get${label}.com`,
    `${label}hq.com`,
    `${label}-${country.code}.${country.tld}`,
  ];
  for (const candidate of candidates) {
    if (!taken.has(candidate)) {
      taken.add(candidate);
      return candidate;
    }
  }
  for (let n = 2; ; n++) {
    const candidate = `${label}${n}.${tld}`;
    if (!taken.has(candidate)) {
      taken.add(candidate);
      return candidate;
    }
  }
}

/** What every company and person of one data set is drawn from. */
interface Draw {
  random: Random;
  countries: WeightedTable<CountryProfile>;
  crmShare: number;
}

function generateCompany(
  { random, countries }: Draw,
  id: string,
  takenDomains: Set<string>,
): { company: CompanyRecord; country: CountryProfile; profile: IndustryProfile; size: SizeBand } {
  const country = random.weighted(countries);
  const profile = random.weighted(industryTable);
  const size = random.weighted(sizeBandTable);
  const employeeCount = random.logUniform(size.from, size.to);
  const place = pickPlace(random, country);
  const { name, domainWords } = companyName(random, country, profile);
  const company: CompanyRecord = {
    id,
    name: random.chance(0.85) ? `${name} ${random.pick(country.legalForms)}` : name,
    domain: uniqueDomain(random, domainWords, country, profile, takenDomains),
    industry: profile.industry,
    keywords: random.sample(profile.keywords, random.int(2, 5)),
    employeeCount,
    country: country.code,
    city: place.city,
  };
  if (place.state !== undefined) company.state = place.state;
  if (random.chance(0.93)) {
    // Revenue per employee varies about threefold either way around the industry's typical one.
    const spread = Math.exp((random.next() + random.next() - 1) * 1.2);
    company.revenue = roundToSignificant(employeeCount * profile.revenuePerEmployee * spread);
  }
  if (random.chance(0.93)) {
    const age = size.minAge + Math.floor((size.maxAge - size.minAge) * random.next() ** 1.3);
    company.foundedYear = REFERENCE_YEAR - age;
  }
  return { company, country, profile, size };
}

function personLocation(
  { random, countries }: Draw,
  company: CompanyRecord,
  country: CountryProfile,
): Pick<PersonRecord, 'country' | 'state' | 'city'> {
  const where = random.next();
  if (where < 0.8) {
    const here: Pick<PersonRecord, 'country' | 'state' | 'city'> = {
      country: company.country,
      city: company.city,
    };
    if (company.state !== undefined) here.state = company.state;
    return here;
  }
  if (where < 0.97) {
    const elsewhere = where < 0.92 ? country : random.weighted(countries);
    const place = pickPlace(random, elsewhere);
    return place.state === undefined
      ? { country: elsewhere.code, city: place.city }
      : { country: elsewhere.code, state: place.state, city: place.city };
  }
  return { country: company.country };
}

function generatePerson(
  draw: Draw,
  id: string,
  company: CompanyRecord,
  country: CountryProfile,
  profile: IndustryProfile,
  takenEmails: Set<string>,
): PersonRecord {
  const { random } = draw;
  const names =
    personNames[random.chance(0.8) ? country.names : random.weighted(draw.countries).names];
  const firstName = random.pick(names.first);
  const lastName = random.pick(names.last);
  const { jobTitle, seniority, department, roles } = role(random, company, profile);
  const skills = random.sample(roles.skills, random.int(2, 6));
  if (['C-Level', 'VP', 'Head', 'Director'].includes(seniority) && random.chance(0.4)) {
    const extra = random.pick(LEADERSHIP_SKILLS);
    if (!skills.includes(extra)) skills.push(extra);
  }
  const person: PersonRecord = {
    id,
    firstName,
    lastName,
    jobTitle,
    seniority,
    department,
    skills,
    ...personLocation(draw, company, country),
    companyId: company.id,
    source: random.chance(draw.crmShare) ? 'crm' : 'provider',
  };
  if (company.domain !== undefined && random.chance(0.92)) {
    const local = [asciiSlug(firstName), asciiSlug(lastName)].filter((part) => part !== '');
    const base = local.join('.') || 'contact';
    let email = `${base}@${company.domain}`;
    for (let n = 2; takenEmails.has(email); n++) email = `${base}${n}@${company.domain}`;
    takenEmails.add(email);
    person.email = email;
  }
  return person;
}

/**
 * Realistic companies with their people, made up from a seeded generator: the same options give
 * the same records, in the same order. Lazy: only one company and its people are built at a
 * time, so a data set of millions can stream into the database (only the domains handed out are
 * remembered, to keep them unique).
 */
export function* generateDataset(options: DatasetOptions): Generator<GeneratedCompany> {
  const random = new Random(options.seed);
  const draw: Draw = {
    random,
    countries: countryTableOf(options.countryWeights),
    crmShare: options.crmShare ?? 0.1,
  };
  const peoplePerCompany = options.peoplePerCompany ?? 10;
  const takenDomains = new Set<string>();
  let personNumber = 0;
  for (let companyNumber = 1; companyNumber <= options.companies; companyNumber++) {
    const companyId = `c-${String(companyNumber).padStart(6, '0')}`;
    const { company, country, profile, size } = generateCompany(draw, companyId, takenDomains);
    const described = profileRandom(options.seed, companyNumber);
    Object.assign(company, companyProfileFields(described, company));
    const wanted =
      (peoplePerCompany * size.peopleFactor * (0.5 + random.next())) / PEOPLE_NORMALIZER;
    const headcount =
      peoplePerCompany > 0
        ? Math.max(1, Math.min(company.employeeCount ?? 1, Math.round(wanted)))
        : 0;
    const takenEmails = new Set<string>();
    const people: PersonRecord[] = [];
    for (let i = 0; i < headcount; i++) {
      personNumber++;
      const personId = `p-${String(personNumber).padStart(7, '0')}`;
      const person = generatePerson(draw, personId, company, country, profile, takenEmails);
      people.push(Object.assign(person, personProfileFields(described, person, company)));
    }
    yield { company, people };
  }
}

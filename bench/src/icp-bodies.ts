import type { Icp } from '@icp/schema';
import type { Random } from './random.js';

/** An ICP as a client sends it, with every default already filled in (as the product stores it). */
export type IcpBody = Omit<Icp, 'id' | 'createdAt' | 'updatedAt'>;

const jobTitles = [
  'CTO',
  'VP Engineering',
  'Head of Technology',
  'IT Director',
  'IT Manager',
  'Procurement Manager',
  'Operations Director',
  'Marketing Director',
  'CMO',
  'Head of Marketing',
  'Head of Sales',
  'VP Sales',
  'CFO',
  'Finance Director',
  'Head of People',
];
const countries = [
  'Germany',
  'Austria',
  'Switzerland',
  'France',
  'Netherlands',
  'United Kingdom',
  'Spain',
  'Italy',
  'Sweden',
  'Poland',
];
const industries = ['Technology', 'Finance', 'Healthcare', 'Manufacturing', 'Retail', 'Logistics'];
const seniorities = ['C-Level', 'VP', 'Director', 'Manager'];
const segments = ['Enterprise', 'Mid-Market', 'SMB', 'Public Sector', 'Scale-up'];
const themes = ['Tech Buyers', 'Marketing Leaders', 'Finance Leaders', 'Ops Leaders', 'HR Leaders'];

const customFilterPool: Icp['customFilterCriteria'] = [
  { type: 'website', provider: 'browserUse', prompt: 'Check if company offers B2B SaaS products' },
  {
    type: 'webscraping',
    provider: 'firecrawl',
    extractionPrompt: 'Extract pricing information',
    pageFindingPrompt: 'Find the pricing page',
    includeSearchStrings: ['enterprise', 'pricing'],
    excludeSearchStrings: ['free trial only'],
  },
  { type: 'ai', entityType: 'person', prompt: 'Evaluate if this person has hiring authority' },
  {
    type: 'ai',
    entityType: 'company',
    prompt:
      'Determine if this company is likely to purchase B2B SaaS solutions based on their industry, size, and technology stack',
  },
  { type: 'maxPeoplePerCompany', value: 2 },
  { type: 'maxPercentFromCRM', value: 50 },
  { type: 'minDaysUntilReuse', value: 180 },
  { type: 'matchFieldWithRegex', field: 'company.name', regex: '^(?!.*Test).*$' },
];

function leadProviderCriteria(random: Random): Icp['leadProviderCriteria'] {
  const min = random.pick([10, 50, 100, 500, 1000]);
  return [
    {
      provider: 'baseProvider',
      type: 'person',
      filters: {
        job_title: random.sample(jobTitles, 2 + random.int(3)),
        location: { country: random.sample(countries, 1 + random.int(3)) },
        company: {
          employee_size: { min, max: min * random.pick([5, 10, 20]) },
          industry: random.sample(industries, 1 + random.int(2)),
        },
        seniority: random.sample(seniorities, 1 + random.int(2)),
      },
    },
  ];
}

function crmFilters(random: Random): Icp['crmFilters'] {
  return {
    provider: 'bullhorn',
    textSearch: 'Director OR Manager',
    filters: [
      {
        path: 'address.countryName',
        mode: 'in',
        value: random.sample(countries, 2),
        exclude: false,
      },
      { path: 'status', mode: 'equals', value: 'Active', exclude: false },
    ],
  };
}

/** A realistic ICP body, shaped like the examples of the published API docs. */
export function icpBody(random: Random, userIds: string[] = []): IcpBody {
  const withCrm = random.next() < 0.2;
  return {
    name: `${random.pick(segments)} ${random.pick(themes)} ${1 + random.int(999)}`,
    description:
      random.next() < 0.3
        ? null
        : `${random.pick(themes)} in ${random.sample(countries, 2).join(' and ')}`,
    leadProviderCriteria: withCrm && random.next() < 0.5 ? [] : leadProviderCriteria(random),
    customFilterCriteria: random.sample(customFilterPool, random.int(4)),
    crmFilters: withCrm ? crmFilters(random) : null,
    userIds,
    leadsPerList: random.pick([10, 15, 20, 25, 50]),
    activeUntil: random.next() < 0.25 ? '2027-12-31T23:59:59.000Z' : null,
  };
}

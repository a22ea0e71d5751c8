import type { IcpCreateInput } from '@icp/schema';

/** An ICP the lead engine is measured with, and what it stands for. */
export interface LeadIcp {
  label: string;
  body: IcpCreateInput;
}

const engineeringLeaders = {
  provider: 'baseProvider',
  type: 'person',
  filters: {
    job_title: ['CTO', 'VP Engineering', 'Head of Engineering'],
    location: { country: ['W-EMEA'] },
  },
} as const satisfies IcpCreateInput['leadProviderCriteria'][number];

/**
 * Searches that match the synthetic data set: one title everywhere, titles in a region, the
 * same with the deterministic custom filters (the lookahead pattern is beyond RE2, so it runs on
 * the time-budgeted backtracking engine), and the legacy keys.
 */
export const leadIcps: LeadIcp[] = [
  {
    label: 'broad: one title',
    body: {
      name: 'CTOs',
      leadProviderCriteria: [
        { provider: 'baseProvider', type: 'person', filters: { job_title: ['CTO'] } },
      ],
      customFilterCriteria: [],
      userIds: [],
    },
  },
  {
    label: 'titles in a region',
    body: {
      name: 'EMEA engineering leaders',
      leadProviderCriteria: [engineeringLeaders],
      customFilterCriteria: [],
      userIds: [],
    },
  },
  {
    label: 'titles in a region, custom filters',
    body: {
      name: 'EMEA engineering leaders, one per company',
      leadProviderCriteria: [engineeringLeaders],
      customFilterCriteria: [
        { type: 'maxPeoplePerCompany', value: 1 },
        { type: 'matchFieldWithRegex', field: 'company.name', regex: '^(?!.*Test).*$' },
        { type: 'minDaysUntilReuse', value: 30 },
      ],
      userIds: [],
    },
  },
  {
    label: 'legacy keys',
    body: {
      name: 'Sales heads at mid-sized companies',
      leadProviderCriteria: [
        {
          provider: 'baseProvider',
          filters: {
            job_titles: ['Head of Sales', 'Sales Director'],
            company_size: ['51-200', '201-500'],
          },
        },
      ],
      customFilterCriteria: [],
      userIds: [],
    },
  },
];

/** The criteria of an ICP in one line, for the report: provider filters, then custom filters. */
export function describeIcp({ body }: LeadIcp): string {
  const filters = body.leadProviderCriteria.map((criterion) => JSON.stringify(criterion.filters));
  const custom = (body.customFilterCriteria ?? []).map(
    ({ type, ...rest }) => `${type} ${JSON.stringify(rest)}`,
  );
  return [...filters, ...custom].join('; ');
}

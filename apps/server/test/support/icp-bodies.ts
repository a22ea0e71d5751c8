import type { IcpCreate, IcpCreateInput } from '@icp/schema';

/** A small valid create body; override any key. */
export function icpBody(overrides: Partial<IcpCreateInput> & Record<string, unknown> = {}) {
  return {
    name: 'Test ICP',
    leadProviderCriteria: [
      { provider: 'baseProvider', type: 'person', filters: { job_title: ['CTO'] } },
    ],
    customFilterCriteria: [],
    userIds: [],
    ...overrides,
  };
}

/** A create body as validation leaves it (every default in), for calling the service directly. */
export function validatedIcpBody(overrides: Partial<IcpCreate> = {}): IcpCreate {
  return {
    name: 'Test ICP',
    description: null,
    leadProviderCriteria: [],
    customFilterCriteria: [],
    crmFilters: null,
    userIds: [],
    leadsPerList: 10,
    activeUntil: null,
    ...overrides,
  };
}

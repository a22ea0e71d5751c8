import type { IcpCreateInput } from '@icp/schema';

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

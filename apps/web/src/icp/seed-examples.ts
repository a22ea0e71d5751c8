import {
  aiIcpRequest,
  basicIcpResponse,
  type CustomFilterCriterion,
  crmIcpRequest,
  customFilterExamples,
  getIcpResponse,
  type Icp,
  type IcpCreateInput,
} from '@icp/schema';

/**
 * The documented examples as saved ICPs, for tests and previews. Request examples get the id,
 * timestamps and creator the server would add.
 */
function saved(request: IcpCreateInput, id: string, createdAt: string): Icp {
  return {
    id,
    createdAt,
    updatedAt: createdAt,
    name: request.name,
    description: request.description ?? null,
    leadProviderCriteria: request.leadProviderCriteria,
    customFilterCriteria: request.customFilterCriteria as CustomFilterCriterion[],
    crmFilters: (request.crmFilters ?? null) as Icp['crmFilters'],
    userIds: [...request.userIds, 'user_abc123'],
    leadsPerList: request.leadsPerList ?? 10,
    activeUntil: request.activeUntil ?? null,
  };
}

/** Seed 002 "Basic ICP" as seed 000 returns it: a person search with one custom filter. */
export const dachTechLeaders: Icp = basicIcpResponse;

/** Seed 002 "ICP with CRM Integration": no provider search, Bullhorn sourcing instead. */
export const existingContactsRefresh: Icp = saved(
  crmIcpRequest,
  '7b1d3f3e-2c44-4f53-9a55-1f2e3d4c5b6a',
  '2024-02-10T08:00:00.000Z',
);

/** Seed 002 "ICP with AI Filtering": industries plus AI and website checks. */
export const aiQualifiedSaasBuyers: Icp = saved(
  aiIcpRequest,
  '8c2e4a4f-3d55-4a64-8b66-2a3f4e5d6c7b',
  '2024-03-01T12:00:00.000Z',
);

/**
 * Seed 003 "Get ICP": legacy filter keys `job_titles` and `company_size`. The docs reuse one id
 * across their examples; this one gets its own so lists of examples stay distinct.
 */
export const enterpriseTechDecisionMakers: Icp = {
  ...getIcpResponse,
  id: '9d3f5b50-4e66-4b75-9c77-3b4f5e6d7c8d',
};

/** Every custom filter type, as seed 002 documents each one. */
export const everyCustomFilter = customFilterExamples as CustomFilterCriterion[];

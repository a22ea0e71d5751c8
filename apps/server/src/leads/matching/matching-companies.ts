import type { LeadProviderCriterion } from '@icp/schema';
import type { Db } from '../../db/connect.js';
import { matchingCompaniesPage } from './criteria-query.js';
import { readCriteria } from './provider-filters.js';

/** A page of the companies (by id) employing people who match the lead provider criteria. */
export function matchingCompanies(
  db: Db,
  leadProviderCriteria: readonly LeadProviderCriterion[],
  page: { offset: number; limit: number },
): Promise<{ total: number; companyIds: string[] }> {
  return matchingCompaniesPage(db, readCriteria(leadProviderCriteria).criteria, page);
}

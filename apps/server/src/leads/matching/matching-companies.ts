import type { LeadProviderCriterion } from '@icp/schema';
import type { Db } from '../../db/connect.js';
import { statementDeadlineOf } from '../../db/statement-deadline.js';
import { leadEngineOf } from '../index/lead-engine-of.js';
import type { LeadEngine } from './lead-engine.js';
import { readCriteria } from './provider-filters.js';

/** A page of the companies (by id) employing people who match the lead provider criteria. */
export async function matchingCompanies(
  db: Db,
  leadProviderCriteria: readonly LeadProviderCriterion[],
  page: { offset: number; limit: number },
  engine: LeadEngine = leadEngineOf(db),
): Promise<{ total: number; companyIds: string[] }> {
  const { criteria } = readCriteria(leadProviderCriteria);
  if (criteria.length === 0) return { total: 0, companyIds: [] };
  return (await engine.match(criteria, { deadline: statementDeadlineOf(db) })).companies(page);
}

/** How many people the lead provider criteria match, before any custom filter. */
export async function countMatches(
  db: Db,
  leadProviderCriteria: readonly LeadProviderCriterion[],
  engine: LeadEngine = leadEngineOf(db),
): Promise<number> {
  const { criteria } = readCriteria(leadProviderCriteria);
  if (criteria.length === 0) return 0;
  return (await engine.match(criteria, { deadline: statementDeadlineOf(db) })).total;
}

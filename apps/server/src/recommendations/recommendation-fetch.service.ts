import type { LeadCompany, RecommendationFetchResult, RecommendationIcp } from '@icp/schema';
import type { Db } from '../db/connect.js';
import { findLeads, matchingCompanies } from '../leads/matching/find-leads.js';
import { criteriaOfRecommendationIcp } from './recommendation-criteria.js';

/** Most people shown per recommended company. */
export const PEOPLE_PER_COMPANY = 10;

/** A page of the companies matching a v2 ICP, each with its matching people and their reasons. */
export async function fetchRecommendations(
  db: Db,
  icp: RecommendationIcp,
  page: { from: number; to: number },
  now: Date,
): Promise<RecommendationFetchResult> {
  const leadProviderCriteria = criteriaOfRecommendationIcp(icp);
  const { total, companyIds } = await matchingCompanies(db, leadProviderCriteria, {
    offset: page.from,
    limit: page.to - page.from,
  });
  const found =
    companyIds.length === 0
      ? { leads: [] }
      : await findLeads(
          db,
          {
            leadProviderCriteria,
            customFilterCriteria: [{ type: 'maxPeoplePerCompany', value: PEOPLE_PER_COMPANY }],
          },
          { limit: PEOPLE_PER_COMPANY * companyIds.length, now, companyIds },
        );
  const byCompany = new Map<
    string,
    { company: LeadCompany; people: RecommendationFetchResult['companies'][number]['people'] }
  >();
  for (const lead of found.leads) {
    if (lead.company === null) continue;
    const entry = byCompany.get(lead.company.id) ?? { company: lead.company, people: [] };
    entry.people.push({ person: lead.person, reasons: lead.reasons });
    byCompany.set(lead.company.id, entry);
  }
  return {
    ...(icp.externalUserId === undefined ? {} : { externalUserId: icp.externalUserId }),
    pagination: { from: page.from, to: page.to, total },
    companies: companyIds.flatMap((id) => byCompany.get(id) ?? []),
  };
}

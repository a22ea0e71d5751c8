import {
  DAILY_RECOMMENDATIONS,
  type Lead,
  type LeadCompany,
  PEOPLE_PER_RECOMMENDATION,
  type RecommendationFetchResult,
  type RecommendationIcp,
} from '@icp/schema';
import type { Db } from '../db/connect.js';
import { rootDatabase } from '../db/root-database.js';
import type { Transact } from '../db/transact.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { leadEngineOf } from '../leads/index/lead-engine-of.js';
import { findLeads } from '../leads/matching/find-leads.js';
import { readCriteria } from '../leads/matching/provider-filters.js';
import { utcDay } from '../utc-day.js';
import { criteriaOfRecommendationIcp } from './recommendation-criteria.js';
import {
  type DayCompany,
  findRecommendationDay,
  recommendationDayPage,
  recommendedCompanyIds,
  type StoredDay,
  storeRecommendationDay,
} from './recommendation-day.repository.js';
import { recommendationId } from './recommendation-id.js';
import { fitScore, recommendationReasons } from './recommendation-reasons.js';
import { takeRecommendedCompanies } from './recommended-companies-quota.js';
import { recommendedCompanyOf } from './recommended-company.js';

/**
 * Matching companies scored for a day: the first this many in id order that were never
 * recommended to the ICP. The day keeps the best `DAILY_RECOMMENDATIONS` of them.
 */
export const CANDIDATE_COMPANIES = 500;

/** Companies read from the lead engine at a time while looking for candidates. */
const CANDIDATE_PAGE = 1_000;

/** What a fetch needs: where to read and write, how a lead search is bounded, and the quota. */
export interface RecommendationDeps {
  db: Db;
  transact: Transact;
  /** Runs a lead search within the caller's limits. */
  search: <T>(work: (db: Db) => Promise<T>) => Promise<T>;
  /** The user whose daily quota of recommended companies a fetch counts against. */
  userId: string;
  /** Unique companies the user may fetch per UTC day; 0: no quota. */
  companiesPerDay: number;
}

/** Ids of matching companies never recommended to the ICP, in id order, at most `limit`. */
async function candidateCompanies(
  db: Db,
  icp: RecommendationIcp,
  limit: number,
): Promise<string[]> {
  const { criteria } = readCriteria(criteriaOfRecommendationIcp(icp));
  if (criteria.length === 0) return [];
  const matches = await leadEngineOf(db).match(criteria);
  const before = await recommendedCompanyIds(db, icp.id);
  const candidates: string[] = [];
  for (let offset = 0; candidates.length < limit; offset += CANDIDATE_PAGE) {
    const { companyIds } = await matches.companies({ offset, limit: CANDIDATE_PAGE });
    candidates.push(...companyIds.filter((id) => !before.has(id)));
    if (companyIds.length < CANDIDATE_PAGE) break;
  }
  return candidates.slice(0, limit);
}

/** The day's recommendations for the ICP, best fit first (ties by company id). */
async function generateDay(
  db: Db,
  icp: RecommendationIcp,
  day: string,
  now: Date,
): Promise<DayCompany[]> {
  const companyIds = await candidateCompanies(db, icp, CANDIDATE_COMPANIES);
  if (companyIds.length === 0) return [];
  const found = await findLeads(
    db,
    {
      leadProviderCriteria: criteriaOfRecommendationIcp(icp),
      customFilterCriteria: [{ type: 'maxPeoplePerCompany', value: PEOPLE_PER_RECOMMENDATION }],
    },
    { limit: PEOPLE_PER_RECOMMENDATION * companyIds.length, now, companyIds },
  );
  const byCompany = new Map<string, { company: LeadCompany; people: Lead['person'][] }>();
  for (const lead of found.leads) {
    if (lead.company === null) continue;
    const entry = byCompany.get(lead.company.id) ?? { company: lead.company, people: [] };
    entry.people.push(lead.person);
    byCompany.set(lead.company.id, entry);
  }
  const generatedAt = now.toISOString();
  const scored = [...byCompany.values()].map(({ company, people }) => {
    const reasons = recommendationReasons(icp, company, people);
    return { company, people, reasons, fitScore: fitScore(reasons) };
  });
  scored.sort(
    (a, b) =>
      b.fitScore - a.fitScore ||
      (a.company.id < b.company.id ? -1 : a.company.id > b.company.id ? 1 : 0),
  );
  return scored.slice(0, DAILY_RECOMMENDATIONS).map(({ company, people, reasons, fitScore }) => ({
    companyId: company.id,
    fitScore,
    answer: recommendedCompanyOf(company, people, {
      id: recommendationId(icp.id, day, company.id),
      generatedAt,
      reasons,
    }),
  }));
}

/**
 * The ICP's recommendations of `day`: those stored, or, on the day's first fetch, generated and
 * stored. When fetches race across replicas, one stores the day and the others answer what it
 * stored.
 */
async function storedOrGenerated(
  deps: RecommendationDeps,
  icp: RecommendationIcp,
  day: string,
  now: Date,
): Promise<StoredDay> {
  for (let attempt = 1; ; attempt += 1) {
    const stored = await findRecommendationDay(deps.db, icp.id, day);
    if (stored !== undefined) return stored;
    const companies = await deps.search((db) => generateDay(db, icp, day, now));
    try {
      await deps.transact((tx) =>
        storeRecommendationDay(tx, icp.id, day, now.toISOString(), companies),
      );
    } catch (error) {
      // A company another day was storing at the same time (a replica whose clock is already
      // on another day): generate again without it.
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

/** Days being looked up or generated in this process, by database: one search per day at once. */
const inFlight = new WeakMap<Db, Map<string, Promise<StoredDay>>>();

/** `storedOrGenerated`, shared by the fetches of this process that ask for it meanwhile. */
function recommendationDay(
  deps: RecommendationDeps,
  icp: RecommendationIcp,
  day: string,
  now: Date,
): Promise<StoredDay> {
  const root = rootDatabase(deps.db);
  const days = inFlight.get(root) ?? new Map<string, Promise<StoredDay>>();
  inFlight.set(root, days);
  const key = `${icp.id}/${day}`;
  const running = days.get(key);
  if (running !== undefined) return running;
  const started = storedOrGenerated(deps, icp, day, now).finally(() => days.delete(key));
  days.set(key, started);
  return started;
}

/**
 * A page of the ICP's recommendations of the current UTC day, counted against the user's daily
 * quota of recommended companies (403 when its new companies do not fit).
 */
export async function fetchRecommendations(
  deps: RecommendationDeps,
  icp: RecommendationIcp,
  page: { from: number; to: number },
  now: Date,
): Promise<RecommendationFetchResult> {
  const day = utcDay(now);
  const stored = await recommendationDay(deps, icp, day, now);
  const companies = await recommendationDayPage(deps.db, icp.id, day, page);
  await takeRecommendedCompanies(
    deps.db,
    deps.transact,
    deps.userId,
    companies.map(({ companyId }) => companyId),
    deps.companiesPerDay,
    now,
  );
  return {
    companies: companies.map(({ answer }) => answer),
    pagination: {
      from: page.from,
      to: page.to,
      hasMore: page.to < stored.companyCount,
      totalAmount: stored.companyCount,
    },
  };
}

import type { RecommendedCompany } from '@icp/schema';
import type { Db } from '../db/connect.js';

/** A day of recommendations of an ICP as stored. */
export interface StoredDay {
  generatedAt: string;
  companyCount: number;
}

/** One company of a day being stored, at its position in the day's order. */
export interface DayCompany {
  companyId: string;
  fitScore: number;
  answer: RecommendedCompany;
}

export async function findRecommendationDay(
  db: Db,
  icpId: string,
  day: string,
): Promise<StoredDay | undefined> {
  const row = await db
    .selectFrom('recommendation_days')
    .select(['generated_at', 'company_count'])
    .where('icp_id', '=', icpId)
    .where('day', '=', day)
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : { generatedAt: row.generated_at, companyCount: Number(row.company_count) };
}

/** One company of a stored day's page: its id in the lead database, and the answer. */
export interface PageCompany {
  companyId: string;
  answer: RecommendedCompany;
}

/** The companies at positions `from` (inclusive) to `to` (exclusive) of a stored day. */
export async function recommendationDayPage(
  db: Db,
  icpId: string,
  day: string,
  page: { from: number; to: number },
): Promise<PageCompany[]> {
  const rows = await db
    .selectFrom('recommended_companies')
    .select(['company_id', 'answer'])
    .where('icp_id', '=', icpId)
    .where('day', '=', day)
    .where('position', '>=', page.from)
    .where('position', '<', page.to)
    .orderBy('position')
    .execute();
  return rows.flatMap(({ company_id, answer }) =>
    answer === null
      ? []
      : [{ companyId: company_id, answer: JSON.parse(answer) as RecommendedCompany }],
  );
}

/** Every company ever recommended to the ICP: none of them is recommended again. */
export async function recommendedCompanyIds(db: Db, icpId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('recommended_companies')
    .select('company_id')
    .where('icp_id', '=', icpId)
    .execute();
  return new Set(rows.map((row) => row.company_id));
}

/**
 * Stores the day's recommendations, unless that day is stored already (by a concurrent fetch,
 * or another replica): the (icp, day) key lets one transaction store it. Earlier days keep only
 * their company ids. Whether this call stored it.
 */
export async function storeRecommendationDay(
  tx: Db,
  icpId: string,
  day: string,
  generatedAt: string,
  companies: readonly DayCompany[],
): Promise<boolean> {
  const taken = await tx
    .insertInto('recommendation_days')
    .values({ icp_id: icpId, day, generated_at: generatedAt, company_count: companies.length })
    .onConflict((conflict) => conflict.columns(['icp_id', 'day']).doNothing())
    .returning('icp_id')
    .executeTakeFirst();
  if (taken === undefined) return false;
  await tx
    .updateTable('recommended_companies')
    .set({ answer: null })
    .where('icp_id', '=', icpId)
    .where('day', '<', day)
    .where('answer', 'is not', null)
    .execute();
  if (companies.length > 0) {
    await tx
      .insertInto('recommended_companies')
      .values(
        companies.map((company, position) => ({
          icp_id: icpId,
          day,
          position,
          company_id: company.companyId,
          fit_score: company.fitScore,
          answer: JSON.stringify(company.answer),
        })),
      )
      .execute();
  }
  return true;
}

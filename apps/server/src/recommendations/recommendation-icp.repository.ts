import { randomUUID } from 'node:crypto';
import type { RecommendationIcp, RecommendationIcpBody } from '@icp/schema';
import type { Db } from '../db/connect.js';
import type { RecommendationIcpsTable } from '../db/database.js';

/** The account's own ICP is stored under this external user id. */
const OWN_ICP = '';

function icpOfRow(row: Pick<RecommendationIcpsTable, 'id' | 'external_user_id' | 'body'>) {
  const body = JSON.parse(row.body) as Omit<RecommendationIcpBody, 'externalUserId'>;
  // Keys in the documented order: companies, externalUserId, id, people.
  const icp: RecommendationIcp = {
    ...(body.companies === undefined ? {} : { companies: body.companies }),
    ...(row.external_user_id === OWN_ICP ? {} : { externalUserId: row.external_user_id }),
    id: row.id,
    ...(body.people === undefined ? {} : { people: body.people }),
  };
  return icp;
}

/** The v2 ICP an account keeps for one of its users (or for itself), if any. */
export async function findRecommendationIcp(
  db: Db,
  accountId: string,
  externalUserId: string | undefined,
): Promise<RecommendationIcp | undefined> {
  const row = await db
    .selectFrom('recommendation_icps')
    .select(['id', 'external_user_id', 'body'])
    .where('account_id', '=', accountId)
    .where('external_user_id', '=', externalUserId ?? OWN_ICP)
    .executeTakeFirst();
  return row === undefined ? undefined : icpOfRow(row);
}

/** Creates the ICP, or replaces the one already kept for that user; its id never changes. */
export async function upsertRecommendationIcp(
  tx: Db,
  accountId: string,
  body: RecommendationIcpBody,
  now: Date,
): Promise<RecommendationIcp> {
  const { externalUserId, ...criteria } = body;
  const timestamp = now.toISOString();
  const row = await tx
    .insertInto('recommendation_icps')
    .values({
      id: randomUUID(),
      account_id: accountId,
      external_user_id: externalUserId ?? OWN_ICP,
      body: JSON.stringify(criteria),
      created_at: timestamp,
      updated_at: timestamp,
    })
    .onConflict((conflict) =>
      conflict.columns(['account_id', 'external_user_id']).doUpdateSet((eb) => ({
        body: eb.ref('excluded.body'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .returning(['id', 'external_user_id', 'body'])
    .executeTakeFirstOrThrow();
  return icpOfRow(row);
}

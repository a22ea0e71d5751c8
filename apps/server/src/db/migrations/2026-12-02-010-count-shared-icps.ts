import { type Kysely, sql } from 'kysely';
import type { Db } from '../connect.js';
import { isPostgres } from '../dialect.js';

/**
 * Whether someone other than the member added them to the ICP (1) or they created it or added
 * themselves (0): how many ICPs others shared with a user is bounded, and counted through the
 * partial index. Memberships stored before this was recorded are read from `user_ids`, where
 * the creator was appended when they did not list themselves: everyone but its last id counts as
 * shared.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('icp_members')
    .addColumn('shared_by_other', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  if (isPostgres(db as Db)) {
    await sql`
      update icp_members m set shared_by_other = 1 from icps i
      where i.id = m.icp_id and m.user_id <> (i.user_ids::jsonb ->> -1)
    `.execute(db);
  } else {
    await sql`
      update icp_members set shared_by_other = 1
      where user_id <> (select json_extract(i.user_ids, '$[#-1]') from icps i where i.id = icp_members.icp_id)
    `.execute(db);
  }
  await sql`
    create index icp_members_shared_idx on icp_members (user_id) where shared_by_other = 1
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('icp_members_shared_idx').execute();
  await db.schema.alterTable('icp_members').dropColumn('shared_by_other').execute();
}

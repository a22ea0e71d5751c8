import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../test/support/temp-database.js';
import type { Db } from '../db/connect.js';
import { isPostgres } from '../db/dialect.js';
import { migratorFor } from '../db/migrate.js';

const BEFORE = '2026-12-03-016-store-daily-recommendations';

describe('the migration to lead lists as Lance publishes them', () => {
  const temp = useTempDatabase({ migrated: false });
  let db: Db;
  beforeEach(async () => {
    db = temp.db;
    const { error } = await (await migratorFor(db)).migrateTo(BEFORE);
    if (error !== undefined) throw error;
  });

  it('keeps every list and its people, names them after their ICP and day; an ICP delete then keeps them', async () => {
    const icpId = randomUUID();
    const listId = randomUUID();
    const createdAt = '2026-11-30T15:04:05.000Z';
    await db
      .insertInto('icps')
      .values({
        id: icpId,
        name: 'DACH CTOs',
        description: null,
        lead_provider_criteria: '[]',
        custom_filter_criteria: '[]',
        crm_filters: null,
        user_ids: '["owner"]',
        leads_per_list: 10,
        active_until: null,
        created_at: createdAt,
        updated_at: createdAt,
      })
      .execute();
    // The columns lead_lists had before; the new ones do not exist yet.
    await sql`
      insert into lead_lists (id, icp_id, created_by, created_at, requested_size, lead_count,
        matched_count, not_applied, ignored_filter_keys)
      values (${listId}, ${icpId}, 'owner', ${createdAt}, 5, 2, 9, '[]', '[]')
    `.execute(db);
    for (const [position, personId] of ['p-2', 'p-1'].entries()) {
      await sql`
        insert into lead_list_members (lead_list_id, position, icp_id, person_id, created_at, lead)
        values (${listId}, ${position}, ${icpId}, ${personId}, ${createdAt}, '{}')
      `.execute(db);
    }

    const { error } = await (await migratorFor(db)).migrateToLatest();
    expect(error).toBeUndefined();

    const list = await db
      .selectFrom('lead_lists')
      .selectAll()
      .where('id', '=', listId)
      .executeTakeFirstOrThrow();
    expect(list).toMatchObject({
      icp_id: icpId,
      name: 'DACH CTOs, 2026-11-30',
      type: 'person',
      start_date: '2026-11-30T00:00:00.000Z',
      end_date: '2026-12-01T00:00:00.000Z',
      person_ids: '["p-2","p-1"]',
      company_ids: '[]',
      updated_at: createdAt,
      requested_size: 5,
      lead_count: 2,
      matched_count: 9,
      crm_sourcing: '{"status":"not-requested","contacts":0}',
    });
    const members = await db
      .selectFrom('lead_list_members')
      .select(['person_id', 'position'])
      .where('lead_list_id', '=', listId)
      .orderBy('position')
      .execute();
    expect(members.map((member) => member.person_id)).toEqual(['p-2', 'p-1']);
    const viewers = await db.selectFrom('lead_list_viewers').selectAll().execute();
    expect(viewers).toEqual([{ lead_list_id: listId, user_id: 'owner' }]);

    await db.deleteFrom('icps').where('id', '=', icpId).execute();
    const kept = await db
      .selectFrom('lead_lists')
      .select('icp_id')
      .where('id', '=', listId)
      .executeTakeFirstOrThrow();
    expect(kept.icp_id).toBeNull();
    // Deleting a list still takes its members with it.
    await db.deleteFrom('lead_lists').where('id', '=', listId).execute();
    const left = await db.selectFrom('lead_list_members').selectAll().execute();
    expect(left).toEqual([]);
  });

  it('goes back down, keeping the generated lists of ICPs, and up again', async () => {
    const migrator = await migratorFor(db);
    expect((await migrator.migrateTo('2026-12-03-017-lead-lists-as-lance-publishes')).error).toBe(
      undefined,
    );
    const icpId = randomUUID();
    const at = '2026-12-01T00:00:00.000Z';
    await db
      .insertInto('icps')
      .values({
        id: icpId,
        name: 'Kept',
        description: null,
        lead_provider_criteria: '[]',
        custom_filter_criteria: '[]',
        crm_filters: null,
        user_ids: '["owner"]',
        leads_per_list: 10,
        active_until: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const list = (id: string, icp: string | null, requestedSize: number | null) => ({
      id,
      icp_id: icp,
      name: id,
      type: 'person' as const,
      start_date: at,
      end_date: at,
      person_ids: '[]',
      company_ids: '[]',
      created_by: 'owner',
      created_at: at,
      updated_at: at,
      requested_size: requestedSize,
      lead_count: 0,
      matched_count: requestedSize === null ? null : 0,
      not_applied: '[]',
      ignored_filter_keys: '[]',
    });
    const generated = randomUUID();
    await db
      .insertInto('lead_lists')
      .values([list(generated, icpId, 5), list(randomUUID(), null, null)])
      .execute();

    expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
    const left = await sql<{ id: string }>`select id from lead_lists`.execute(db);
    expect(left.rows).toEqual([{ id: generated }]);

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const again = await db.selectFrom('lead_lists').select(['id', 'name']).execute();
    expect(again).toEqual([{ id: generated, name: 'Kept, 2026-12-01' }]);
  });

  it('keeps the indexes of the lead list tables', async () => {
    const { error } = await (await migratorFor(db)).migrateToLatest();
    expect(error).toBeUndefined();
    const tables = await db.introspection.getTables();
    const names = tables.map((table) => table.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'lead_lists',
        'lead_list_members',
        'lead_list_companies',
        'lead_list_viewers',
      ]),
    );
    const indexes = isPostgres(db)
      ? (
          await sql<{ name: string }>`
            select indexname as name from pg_indexes where schemaname = current_schema()
          `.execute(db)
        ).rows
      : (
          await sql<{ name: string }>`select name from sqlite_master where type = 'index'`.execute(
            db,
          )
        ).rows;
    expect(indexes.map((index) => index.name)).toEqual(
      expect.arrayContaining([
        'lead_lists_icp_idx',
        'lead_list_members_reuse_idx',
        'lead_list_viewers_user_idx',
      ]),
    );
  });
});

import { type Kysely, sql } from 'kysely';
import type { Db } from '../connect.js';
import { isPostgres } from '../dialect.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The columns of `lead_lists` this adds. */
const NEW_COLUMNS = [
  'name',
  'type',
  'start_date',
  'end_date',
  'person_ids',
  'company_ids',
  'updated_at',
];

/**
 * Lead lists as Lance publishes them, and kept when their ICP is deleted:
 * - `lead_lists` gets `name`, `type`, `start_date`, `end_date`, `person_ids` and `company_ids`
 *   (JSON, in list order), `updated_at`; `requested_size` and `matched_count` may be null (a
 *   list made by hand); `icp_id` may be null and is set to null when its ICP is deleted;
 * - `lead_list_members.icp_id` may be null (people of a list without an ICP);
 * - `lead_list_companies`: the companies of a list, each a snapshot as added;
 * - `lead_list_viewers`: who may see a list while it has no ICP.
 * Lists made before are named after their ICP and the UTC day they were made, which is their
 * period; their creator may see them. SQLite cannot change a column's constraints, so there both
 * tables are rebuilt (new tables, rows copied, old ones dropped child first, the new renamed: a
 * rename rewrites the references to it), with their indexes made again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of NEW_COLUMNS) {
    await db.schema.alterTable('lead_lists').addColumn(column, 'text').execute();
  }
  await backfillLists(db);

  if (isPostgres(db as Db)) {
    for (const column of NEW_COLUMNS) {
      await db.schema
        .alterTable('lead_lists')
        .alterColumn(column, (col) => col.setNotNull())
        .execute();
    }
    await sql`alter table lead_lists add constraint lead_lists_type_check check (type in ('person', 'company'))`.execute(
      db,
    );
    for (const column of ['icp_id', 'requested_size', 'matched_count']) {
      await db.schema
        .alterTable('lead_lists')
        .alterColumn(column, (col) => col.dropNotNull())
        .execute();
    }
    await sql`alter table lead_lists drop constraint lead_lists_icp_id_fkey`.execute(db);
    await sql`alter table lead_lists add constraint lead_lists_icp_id_fkey foreign key (icp_id) references icps (id) on delete set null`.execute(
      db,
    );
    await db.schema
      .alterTable('lead_list_members')
      .alterColumn('icp_id', (col) => col.dropNotNull())
      .execute();
  } else {
    await rebuildOnSqlite(db);
  }

  await db.schema
    .createTable('lead_list_companies')
    .addColumn('lead_list_id', 'text', (col) =>
      col.notNull().references('lead_lists.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('company_id', 'text', (col) => col.notNull())
    .addColumn('company', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('lead_list_companies_pk', ['lead_list_id', 'position'])
    .execute();
  await db.schema
    .createTable('lead_list_viewers')
    .addColumn('lead_list_id', 'text', (col) =>
      col.notNull().references('lead_lists.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('lead_list_viewers_pk', ['lead_list_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('lead_list_viewers_user_idx')
    .on('lead_list_viewers')
    .columns(['user_id', 'lead_list_id'])
    .execute();
  await sql`
    insert into lead_list_viewers (lead_list_id, user_id) select id, created_by from lead_lists
  `.execute(db);
}

/** Names, periods and people of the lists made before, one list at a time. */
async function backfillLists(db: Kysely<any>): Promise<void> {
  const lists = await db
    .selectFrom('lead_lists')
    .leftJoin('icps', 'icps.id', 'lead_lists.icp_id')
    .select(['lead_lists.id as id', 'lead_lists.created_at as createdAt', 'icps.name as icpName'])
    .execute();
  for (const list of lists) {
    const members = await db
      .selectFrom('lead_list_members')
      .select('person_id')
      .where('lead_list_id', '=', list.id)
      .orderBy('position')
      .execute();
    const dayStart = Math.floor(Date.parse(list.createdAt) / DAY_MS) * DAY_MS;
    const day = new Date(dayStart).toISOString().slice(0, 10);
    const icpName = String(list.icpName ?? 'Lead list').slice(0, 186);
    await db
      .updateTable('lead_lists')
      .set({
        name: `${icpName}, ${day}`,
        type: 'person',
        start_date: new Date(dayStart).toISOString(),
        end_date: new Date(dayStart + DAY_MS).toISOString(),
        person_ids: JSON.stringify(members.map((member) => member.person_id)),
        company_ids: '[]',
        updated_at: list.createdAt,
      })
      .where('id', '=', list.id)
      .execute();
  }
}

async function rebuildOnSqlite(db: Kysely<any>): Promise<void> {
  await sql`
    create table lead_lists_next (
      id text primary key,
      icp_id text references icps (id) on delete set null,
      name text not null,
      type text not null check (type in ('person', 'company')),
      start_date text not null,
      end_date text not null,
      person_ids text not null,
      company_ids text not null,
      created_by text not null,
      created_at text not null,
      updated_at text not null,
      requested_size integer,
      lead_count integer not null,
      matched_count integer,
      not_applied text not null,
      ignored_filter_keys text not null,
      crm_sourcing text not null default '{"status":"not-requested","contacts":0}'
    )
  `.execute(db);
  await sql`
    insert into lead_lists_next (id, icp_id, name, type, start_date, end_date, person_ids,
      company_ids, created_by, created_at, updated_at, requested_size, lead_count, matched_count,
      not_applied, ignored_filter_keys, crm_sourcing)
    select id, icp_id, name, type, start_date, end_date, person_ids, company_ids, created_by,
      created_at, updated_at, requested_size, lead_count, matched_count, not_applied,
      ignored_filter_keys, crm_sourcing
    from lead_lists
  `.execute(db);
  await sql`
    create table lead_list_members_next (
      lead_list_id text not null references lead_lists_next (id) on delete cascade,
      position integer not null,
      icp_id text,
      person_id text not null,
      created_at text not null,
      lead text not null,
      constraint lead_list_members_pk primary key (lead_list_id, position)
    )
  `.execute(db);
  await sql`
    insert into lead_list_members_next (lead_list_id, position, icp_id, person_id, created_at, lead)
    select lead_list_id, position, icp_id, person_id, created_at, lead from lead_list_members
  `.execute(db);
  await sql`drop table lead_list_members`.execute(db);
  await sql`drop table lead_lists`.execute(db);
  await sql`alter table lead_lists_next rename to lead_lists`.execute(db);
  await sql`alter table lead_list_members_next rename to lead_list_members`.execute(db);
  await createListIndexes(db);
}

/** The indexes of 006, made again after a rebuild (they go with the tables dropped). */
async function createListIndexes(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('lead_lists_icp_idx')
    .on('lead_lists')
    .columns(['icp_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('lead_list_members_reuse_idx')
    .on('lead_list_members')
    .columns(['icp_id', 'person_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('lead_list_viewers').execute();
  await db.schema.dropTable('lead_list_companies').execute();
  // Lists without an ICP, or made by hand, cannot be kept by the earlier schema.
  await db
    .deleteFrom('lead_lists')
    .where((eb) => eb.or([eb('icp_id', 'is', null), eb('requested_size', 'is', null)]))
    .execute();
  if (isPostgres(db as Db)) {
    await sql`alter table lead_lists drop constraint lead_lists_type_check`.execute(db);
    await sql`alter table lead_lists drop constraint lead_lists_icp_id_fkey`.execute(db);
    await sql`alter table lead_lists add constraint lead_lists_icp_id_fkey foreign key (icp_id) references icps (id) on delete cascade`.execute(
      db,
    );
    for (const column of ['icp_id', 'requested_size', 'matched_count']) {
      await db.schema
        .alterTable('lead_lists')
        .alterColumn(column, (col) => col.setNotNull())
        .execute();
    }
    await db.schema
      .alterTable('lead_list_members')
      .alterColumn('icp_id', (col) => col.setNotNull())
      .execute();
    for (const column of NEW_COLUMNS) {
      await db.schema.alterTable('lead_lists').dropColumn(column).execute();
    }
    return;
  }
  // SQLite: the tables as 006 and 007 made them, rebuilt the same way as above.
  await sql`
    create table lead_lists_prev (
      id text primary key,
      icp_id text not null references icps (id) on delete cascade,
      created_by text not null,
      created_at text not null,
      requested_size integer not null,
      lead_count integer not null,
      matched_count integer not null,
      not_applied text not null,
      ignored_filter_keys text not null,
      crm_sourcing text not null default '{"status":"not-requested","contacts":0}'
    )
  `.execute(db);
  await sql`
    insert into lead_lists_prev select id, icp_id, created_by, created_at, requested_size,
      lead_count, matched_count, not_applied, ignored_filter_keys, crm_sourcing from lead_lists
  `.execute(db);
  await sql`
    create table lead_list_members_prev (
      lead_list_id text not null references lead_lists_prev (id) on delete cascade,
      position integer not null,
      icp_id text not null,
      person_id text not null,
      created_at text not null,
      lead text not null,
      constraint lead_list_members_pk primary key (lead_list_id, position)
    )
  `.execute(db);
  await sql`
    insert into lead_list_members_prev select lead_list_id, position, icp_id, person_id,
      created_at, lead from lead_list_members
  `.execute(db);
  await sql`drop table lead_list_members`.execute(db);
  await sql`drop table lead_lists`.execute(db);
  await sql`alter table lead_lists_prev rename to lead_lists`.execute(db);
  await sql`alter table lead_list_members_prev rename to lead_list_members`.execute(db);
  await createListIndexes(db);
}

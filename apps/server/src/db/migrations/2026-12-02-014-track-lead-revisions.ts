import { type Kysely, sql } from 'kysely';
import type { Db } from '../connect.js';
import { isPostgres } from '../dialect.js';

/**
 * What lets every server process keep its lead index as fresh as the database (see
 * leads/index/fresh-lead-index.ts):
 * - `lead_revision`, one row counting lead writes: a write of people or companies takes the next
 *   revision (the row lock orders concurrent writers) and stamps the rows it writes with it;
 * - `people.revision` and `companies.revision`, indexed, so the rows changed since a revision are
 *   one range read;
 * - `lead_deletions`, filled by triggers, so a deletion (however it is made) is seen as well.
 * Rows stored before this have revision 0: every index is built after it runs. On PostgreSQL,
 * an index of the ids in the "C" collation: the lead index reads ids in code point order,
 * whatever collation the database sorts text by.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('lead_revision')
    .addColumn('id', 'integer', (col) => col.primaryKey().check(sql`id = 1`))
    .addColumn('value', 'integer', (col) => col.notNull())
    .execute();
  await db.insertInto('lead_revision').values({ id: 1, value: 0 }).execute();
  for (const table of ['people', 'companies']) {
    await db.schema
      .alterTable(table)
      .addColumn('revision', 'integer', (col) => col.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex(`${table}_revision_idx`).on(table).column('revision').execute();
  }
  await db.schema
    .createTable('lead_deletions')
    .addColumn('revision', 'integer', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('person', 'company')`))
    .addColumn('id', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('lead_deletions_revision_idx')
    .on('lead_deletions')
    .column('revision')
    .execute();
  const tables = [
    { table: 'people', kind: 'person' },
    { table: 'companies', kind: 'company' },
  ];
  if (isPostgres(db as Db)) {
    for (const { table } of tables) {
      await sql`create index ${sql.raw(`${table}_id_c_idx`)} on ${sql.table(table)} (id collate "C")`.execute(
        db,
      );
    }
    await sql`
      create function record_lead_deletion() returns trigger language plpgsql as $$
      declare next_revision integer;
      begin
        update lead_revision set value = value + 1 where id = 1 returning value into next_revision;
        insert into lead_deletions (revision, kind, id) values (next_revision, tg_argv[0], old.id);
        return old;
      end $$
    `.execute(db);
    for (const { table, kind } of tables) {
      await sql`
        create trigger ${sql.raw(`${table}_deleted`)} after delete on ${sql.table(table)}
        for each row execute function record_lead_deletion(${sql.lit(kind)})
      `.execute(db);
    }
  } else {
    for (const { table, kind } of tables) {
      await sql`
        create trigger ${sql.raw(`${table}_deleted`)} after delete on ${sql.table(table)}
        begin
          update lead_revision set value = value + 1 where id = 1;
          insert into lead_deletions (revision, kind, id)
            select value, ${sql.lit(kind)}, old.id from lead_revision where id = 1;
        end
      `.execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['people', 'companies']) {
    await sql`drop trigger ${sql.raw(`${table}_deleted`)}${sql.raw(
      isPostgres(db as Db) ? ` on ${table}` : '',
    )}`.execute(db);
    await db.schema.dropIndex(`${table}_revision_idx`).execute();
    await db.schema.alterTable(table).dropColumn('revision').execute();
  }
  if (isPostgres(db as Db)) {
    await sql`drop function record_lead_deletion()`.execute(db);
    for (const table of ['people', 'companies']) {
      await sql`drop index ${sql.raw(`${table}_id_c_idx`)}`.execute(db);
    }
  }
  await db.schema.dropTable('lead_deletions').execute();
  await db.schema.dropTable('lead_revision').execute();
}

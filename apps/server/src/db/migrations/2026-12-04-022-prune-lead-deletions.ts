import { type Kysely, sql } from 'kysely';
import type { Db } from '../connect.js';
import { isPostgres } from '../dialect.js';

/**
 * What lets `lead_deletions` be pruned (see leads/lead-deletions-pruning.ts):
 * - `lead_deletions.recorded_at`, the instant (ISO 8601, UTC, in milliseconds) the deletion was
 *   recorded, written by the triggers, indexed; rows recorded before this get the migration's
 *   time;
 * - `lead_revision.deletions_pruned_through`, the highest revision of a deletion pruned so far: a
 *   lead index at an older revision may have missed deletions, and is rebuilt rather than caught
 *   up.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('lead_deletions')
    .addColumn('recorded_at', 'text', (col) => col.notNull().defaultTo(new Date().toISOString()))
    .execute();
  await db.schema
    .createIndex('lead_deletions_recorded_at_idx')
    .on('lead_deletions')
    .column('recorded_at')
    .execute();
  await db.schema
    .alterTable('lead_revision')
    .addColumn('deletions_pruned_through', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await recordDeletions(db, true);
}

export async function down(db: Kysely<any>): Promise<void> {
  await recordDeletions(db, false);
  await db.schema.dropIndex('lead_deletions_recorded_at_idx').execute();
  await db.schema.alterTable('lead_deletions').dropColumn('recorded_at').execute();
  await db.schema.alterTable('lead_revision').dropColumn('deletions_pruned_through').execute();
}

const tables = [
  { table: 'people', kind: 'person' },
  { table: 'companies', kind: 'company' },
];

/** The deletion triggers of migration 014, writing `recorded_at` as well when `timed`. */
async function recordDeletions(db: Kysely<any>, timed: boolean): Promise<void> {
  const columns = timed ? 'revision, kind, id, recorded_at' : 'revision, kind, id';
  if (isPostgres(db as Db)) {
    const now = `to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    const values = timed
      ? `next_revision, tg_argv[0], old.id, ${now}`
      : 'next_revision, tg_argv[0], old.id';
    await sql`
      create or replace function record_lead_deletion() returns trigger language plpgsql as $$
      declare next_revision integer;
      begin
        update lead_revision set value = value + 1 where id = 1 returning value into next_revision;
        insert into lead_deletions (${sql.raw(columns)}) values (${sql.raw(values)});
        return old;
      end $$
    `.execute(db);
    return;
  }
  const now = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
  for (const { table, kind } of tables) {
    const values = timed ? `value, '${kind}', old.id, ${now}` : `value, '${kind}', old.id`;
    await sql`drop trigger ${sql.raw(`${table}_deleted`)}`.execute(db);
    await sql`
      create trigger ${sql.raw(`${table}_deleted`)} after delete on ${sql.table(table)}
      begin
        update lead_revision set value = value + 1 where id = 1;
        insert into lead_deletions (${sql.raw(columns)})
          select ${sql.raw(values)} from lead_revision where id = 1;
      end
    `.execute(db);
  }
}

import type { Kysely } from 'kysely';

/**
 * A webhook message's retries start again when its schedule's URL changes: `first_attempt_at`
 * then becomes the instant of the change (its give-up window counts from there), and
 * `attempts_before_restart` keeps how many attempts went to the URLs it had before, so the
 * backoff counts only the attempts after (attempt numbers go on, so each stays recorded).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('webhook_deliveries')
    .addColumn('attempts_before_restart', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('webhook_deliveries').dropColumn('attempts_before_restart').execute();
}

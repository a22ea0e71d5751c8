import type { Kysely } from 'kysely';

/**
 * Whose CRM search brought a person or company in: null for the shared lead database (the
 * provider's data, or CRM data an operator imported), else the scope of the search (see
 * crm-scope.ts). Scoped records match only through that scope's CRM sourcing, never through
 * anyone's provider criteria. Contacts stored before scopes existed get a scope no search uses,
 * so they stop matching anyone; the next CRM search of an ICP brings its own back.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['people', 'companies']) {
    await db.schema.alterTable(table).addColumn('crm_scope', 'text').execute();
  }
  await db
    .updateTable('people')
    .set({ crm_scope: 'unscoped' })
    .where('source', '=', 'crm')
    .where('id', 'like', 'bullhorn-%')
    .execute();
  await db
    .updateTable('companies')
    .set({ crm_scope: 'unscoped' })
    .where('id', 'like', 'bullhorn-company-%')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['people', 'companies']) {
    await db.schema.alterTable(table).dropColumn('crm_scope').execute();
  }
}

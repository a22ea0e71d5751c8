import type { Icp } from '@icp/schema';
import type { Db } from '../db/connect.js';
import type { IcpRow, NewIcpRow } from '../db/database.js';
import { isPostgres } from '../db/dialect.js';
import { preparedQuery } from '../db/prepared-query.js';

/** The stored row as the API shows it, keys in documented order. */
export function icpFromRow(row: IcpRow): Icp {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    leadProviderCriteria: JSON.parse(row.lead_provider_criteria),
    customFilterCriteria: JSON.parse(row.custom_filter_criteria),
    crmFilters: row.crm_filters === null ? null : JSON.parse(row.crm_filters),
    userIds: JSON.parse(row.user_ids),
    leadsPerList: row.leads_per_list,
    activeUntil: row.active_until,
  };
}

function rowFromIcp(icp: Icp): NewIcpRow {
  return {
    id: icp.id,
    name: icp.name,
    description: icp.description,
    lead_provider_criteria: JSON.stringify(icp.leadProviderCriteria),
    custom_filter_criteria: JSON.stringify(icp.customFilterCriteria),
    crm_filters: icp.crmFilters === null ? null : JSON.stringify(icp.crmFilters),
    user_ids: JSON.stringify(icp.userIds),
    leads_per_list: icp.leadsPerList,
    active_until: icp.activeUntil,
    created_at: icp.createdAt,
    updated_at: icp.updatedAt,
  };
}

const selectIcpById = preparedQuery<IcpRow, [id: string]>(1, (db, id) =>
  db
    .selectFrom('icps')
    .selectAll()
    .where('id', '=', id as string),
);

export async function findIcpById(db: Db, id: string): Promise<Icp | undefined> {
  const [row] = (await selectIcpById(db, id)).rows;
  return row === undefined ? undefined : icpFromRow(row);
}

/**
 * The ICP read inside a write transaction, its row locked until the transaction ends, so two
 * writers (two replicas) cannot both act on the version they read. SQLite's single writer
 * already serializes them; PostgreSQL needs the row lock.
 */
export async function findIcpForUpdate(tx: Db, id: string): Promise<Icp | undefined> {
  const query = tx.selectFrom('icps').selectAll().where('id', '=', id);
  const row = await (isPostgres(tx) ? query.forUpdate() : query).executeTakeFirst();
  return row === undefined ? undefined : icpFromRow(row);
}

/** The list query: a range of the membership index, already in list order. */
export function listIcpsQuery(db: Db, userId: string) {
  return db
    .selectFrom('icp_members as m')
    .innerJoin('icps as i', 'i.id', 'm.icp_id')
    .selectAll('i')
    .where('m.user_id', '=', userId)
    .orderBy('m.icp_created_at')
    .orderBy('m.icp_id');
}

const selectIcpsOfUser = preparedQuery<IcpRow, [userId: string]>(1, (db, userId) =>
  listIcpsQuery(db, userId as string),
);

/** ICPs whose `userIds` hold the user, oldest first. */
export async function listIcpsOfUser(db: Db, userId: string): Promise<Icp[]> {
  return (await selectIcpsOfUser(db, userId)).rows.map(icpFromRow);
}

const insertMember = preparedQuery<never, [userId: string, icpId: string, createdAt: string]>(
  3,
  (db, userId, icpId, createdAt) =>
    db.insertInto('icp_members').values({
      user_id: userId as string,
      icp_id: icpId as string,
      icp_created_at: createdAt as string,
    }),
);

async function insertMembers(db: Db, icp: Icp, userIds: readonly string[]): Promise<void> {
  for (const userId of userIds) await insertMember(db, userId, icp.id, icp.createdAt);
}

const ICP_COLUMNS = [
  'id',
  'name',
  'description',
  'lead_provider_criteria',
  'custom_filter_criteria',
  'crm_filters',
  'user_ids',
  'leads_per_list',
  'active_until',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof NewIcpRow)[];

const insertIcpRow = preparedQuery<never, unknown[]>(ICP_COLUMNS.length, (db, ...values) =>
  db
    .insertInto('icps')
    .values(
      Object.fromEntries(ICP_COLUMNS.map((column, index) => [column, values[index]])) as NewIcpRow,
    ),
);

/** Stores a new ICP and its membership rows; call inside a transaction. */
export async function insertIcp(db: Db, icp: Icp): Promise<void> {
  const row = rowFromIcp(icp);
  await insertIcpRow(db, ...ICP_COLUMNS.map((column) => row[column]));
  await insertMembers(db, icp, icp.userIds);
}

/** Overwrites a stored ICP, adjusting membership to its new `userIds`; call inside a transaction. */
export async function replaceIcp(db: Db, previous: Icp, next: Icp): Promise<void> {
  const { id, created_at, ...changes } = rowFromIcp(next);
  await db.updateTable('icps').set(changes).where('id', '=', id).execute();

  const removed = previous.userIds.filter((userId) => !next.userIds.includes(userId));
  const added = next.userIds.filter((userId) => !previous.userIds.includes(userId));
  if (removed.length > 0) {
    await db
      .deleteFrom('icp_members')
      .where('icp_id', '=', id)
      .where('user_id', 'in', removed)
      .execute();
  }
  await insertMembers(db, next, added);
}

export async function deleteIcpById(db: Db, id: string): Promise<void> {
  await db.deleteFrom('icp_members').where('icp_id', '=', id).execute();
  await db.deleteFrom('icps').where('id', '=', id).execute();
}

import type { Icp } from '@icp/schema';
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import type { IcpRow, NewIcpRow } from '../db/database.js';
import { isPostgres } from '../db/dialect.js';
import { preparedQuery } from '../db/prepared-query.js';
import { icpFromRow } from './icp-from-row.js';

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

/** Where a page of the list starts: after the ICP created at `createdAt` with this `id`. */
export interface IcpListPosition {
  createdAt: string;
  id: string;
}

const selectIcpsOfUser = preparedQuery<IcpRow, [userId: string]>(1, (db, userId) =>
  listIcpsQuery(db, userId as string),
);

/**
 * Page queries by their limit, written into the SQL: SQLite runs the list query a fifth slower
 * with `limit ?` than with the number itself. Limits are few (1 to MAX_ICP_LIST_PAGE).
 */
function byLimit<Query>(build: (limit: number) => Query): (limit: number) => Query {
  const queries = new Map<number, Query>();
  return (limit) => {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`Bad limit ${limit}`);
    let query = queries.get(limit);
    if (query === undefined) {
      query = build(limit);
      queries.set(limit, query);
    }
    return query;
  };
}

const selectFirstIcpsOfUser = byLimit((limit) =>
  preparedQuery<IcpRow, [userId: string]>(1, (db, userId) =>
    listIcpsQuery(db, userId as string).limit(sql.lit(limit)),
  ),
);

/** The next range of the same index: rows sorting after `after`, in list order. */
export function listIcpsAfterQuery(db: Db, userId: string, after: IcpListPosition, limit: number) {
  return listIcpsQuery(db, userId)
    .where((eb) =>
      eb(eb.refTuple('m.icp_created_at', 'm.icp_id'), '>', eb.tuple(after.createdAt, after.id)),
    )
    .limit(sql.lit(limit));
}

const selectIcpsOfUserAfter = byLimit((limit) =>
  preparedQuery<IcpRow, [userId: string, createdAt: string, id: string]>(
    3,
    (db, userId, createdAt, id) =>
      listIcpsAfterQuery(
        db,
        userId as string,
        { createdAt: createdAt as string, id: id as string },
        limit,
      ),
  ),
);

const selectAllIcpsOfUserAfter = preparedQuery<
  IcpRow,
  [userId: string, createdAt: string, id: string]
>(3, (db, userId, createdAt, id) =>
  listIcpsQuery(db, userId as string).where((eb) =>
    eb(
      eb.refTuple('m.icp_created_at', 'm.icp_id'),
      '>',
      eb.tuple(createdAt as string, id as string),
    ),
  ),
);

/**
 * ICPs whose `userIds` hold the user, oldest first: all of them, or a page of at most `limit`
 * after `after`.
 */
export async function listIcpsOfUser(
  db: Db,
  userId: string,
  page: { limit?: number | undefined; after?: IcpListPosition | undefined } = {},
): Promise<Icp[]> {
  const { limit, after } = page;
  const result =
    after !== undefined
      ? await (limit === undefined
          ? selectAllIcpsOfUserAfter(db, userId, after.createdAt, after.id)
          : selectIcpsOfUserAfter(limit)(db, userId, after.createdAt, after.id))
      : limit !== undefined
        ? await selectFirstIcpsOfUser(limit)(db, userId)
        : await selectIcpsOfUser(db, userId);
  return result.rows.map(icpFromRow);
}

/** The count of ICPs others shared with each of `userIds`: a range of the partial index each. */
export function countIcpsSharedWithQuery(db: Db, userIds: readonly string[]) {
  return db
    .selectFrom('icp_members')
    .select(['user_id', (eb) => eb.fn.countAll<number | string | bigint>().as('shared')])
    .where('shared_by_other', '=', 1)
    .where('user_id', 'in', userIds)
    .groupBy('user_id');
}

/** How many ICPs others have shared with each of `userIds` (users with none are left out). */
export async function countIcpsSharedWith(
  db: Db,
  userIds: readonly string[],
): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await countIcpsSharedWithQuery(db, userIds).execute();
  return new Map(rows.map((row) => [row.user_id, Number(row.shared)]));
}

/**
 * Holds, until the transaction ends, the right to share ICPs with each of `userIds`, so that two
 * writers (two replicas) cannot both count a user's shares below the bound and both add one.
 * SQLite's single writer already serializes them; on PostgreSQL a transaction-scoped advisory
 * lock per user, taken in one order, does.
 */
export async function lockSharesWith(tx: Db, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0 || !isPostgres(tx)) return;
  await sql`
    select pg_advisory_xact_lock(hashtextextended('icp-shares:' || user_id, 0))
    from (select unnest(${[...userIds]}::text[]) as user_id order by 1) as ordered
  `.execute(tx);
}

const insertMember = preparedQuery<
  never,
  [userId: string, icpId: string, createdAt: string, sharedByOther: number]
>(4, (db, userId, icpId, createdAt, sharedByOther) =>
  db.insertInto('icp_members').values({
    user_id: userId as string,
    icp_id: icpId as string,
    icp_created_at: createdAt as string,
    shared_by_other: sharedByOther as number,
  }),
);

/** Membership rows of `userIds`; each one added by someone else (not `actorId`) is a share. */
async function insertMembers(
  db: Db,
  icp: Icp,
  userIds: readonly string[],
  actorId: string,
): Promise<void> {
  for (const userId of userIds) {
    await insertMember(db, userId, icp.id, icp.createdAt, userId === actorId ? 0 : 1);
  }
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

/** The row whose ICP_COLUMNS hold `values`, in that order. */
const icpRowOf = (values: readonly unknown[]) =>
  Object.fromEntries(ICP_COLUMNS.map((column, index) => [column, values[index]])) as NewIcpRow;

const insertIcpRow = preparedQuery<never, unknown[]>(ICP_COLUMNS.length, (db, ...values) =>
  db.insertInto('icps').values(icpRowOf(values)),
);

/**
 * The ICP row and its membership rows in one statement (PostgreSQL): atomic by itself, so a
 * create needs no transaction around it.
 */
const insertIcpWithMembers = preparedQuery<never, unknown[]>(
  ICP_COLUMNS.length + 2,
  (db, ...values) => {
    const [userIds, sharedByOther] = values.slice(ICP_COLUMNS.length);
    return db
      .with('new_icp', (db) =>
        db.insertInto('icps').values(icpRowOf(values)).returning(['id', 'created_at']),
      )
      .insertInto('icp_members')
      .columns(['user_id', 'icp_id', 'icp_created_at', 'shared_by_other'])
      .expression(
        sql`select m.user_id, new_icp.id, new_icp.created_at, m.shared_by_other
          from new_icp, unnest(cast(${userIds} as text[]), cast(${sharedByOther} as integer[]))
            as m (user_id, shared_by_other)`,
      );
  },
);

/**
 * Stores a new ICP created by `actorId` and its membership rows: one statement on PostgreSQL,
 * so `transact.atomic` may run it; two on SQLite, to run in a transaction.
 */
export async function insertIcp(db: Db, icp: Icp, actorId: string): Promise<void> {
  const row = rowFromIcp(icp);
  const values = ICP_COLUMNS.map((column) => row[column]);
  if (isPostgres(db)) {
    const sharedByOther = icp.userIds.map((userId) => (userId === actorId ? 0 : 1));
    await insertIcpWithMembers(db, ...values, icp.userIds, sharedByOther);
    return;
  }
  await insertIcpRow(db, ...values);
  await insertMembers(db, icp, icp.userIds, actorId);
}

/**
 * Overwrites a stored ICP, adjusting membership to its new `userIds` (those added, by
 * `actorId`); call inside a transaction.
 */
export async function replaceIcp(db: Db, previous: Icp, next: Icp, actorId: string): Promise<void> {
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
  await insertMembers(db, next, added, actorId);
}

export async function deleteIcpById(db: Db, id: string): Promise<void> {
  await db.deleteFrom('icp_members').where('icp_id', '=', id).execute();
  await db.deleteFrom('icps').where('id', '=', id).execute();
}

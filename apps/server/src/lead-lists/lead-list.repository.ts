import type {
  Lead,
  LeadCompany,
  LeadList,
  LeadListDetail,
  LeadListPage,
  LeadListPageQuery,
} from '@icp/schema';
import type { Selectable } from 'kysely';
import type { AuthUser } from '../auth/auth-user.js';
import type { Db } from '../db/connect.js';
import type { LeadListsTable } from '../db/database.js';
import { isPostgres } from '../db/dialect.js';
import { inBatches } from '../db/in-batches.js';
import { crmRecordOf } from './crm-record.js';
import { leadOfSnapshot } from './lead-snapshot.js';

/** Rows per statement: well under SQLite's bound on parameters. */
const BATCH = 500;

type LeadListRow = Selectable<LeadListsTable>;

function listOfRow(row: LeadListRow, userIds: string[]): LeadList {
  return {
    id: row.id,
    icpId: row.icp_id,
    name: row.name,
    type: row.type,
    startDate: row.start_date,
    endDate: row.end_date,
    personIds: JSON.parse(row.person_ids),
    companyIds: JSON.parse(row.company_ids),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    userIds,
    leadCount: row.lead_count,
    requestedSize: row.requested_size,
    matchedCount: row.matched_count,
    notApplied: JSON.parse(row.not_applied),
    ignoredFilterKeys: JSON.parse(row.ignored_filter_keys),
    crmSourcing: JSON.parse(row.crm_sourcing),
  };
}

/** The viewers of each list, sorted (as `Array.prototype.sort` orders strings). */
async function viewersOf(db: Db, listIds: readonly string[]): Promise<Map<string, string[]>> {
  const viewers = new Map<string, string[]>(listIds.map((id) => [id, []]));
  for (const batch of inBatches(listIds, BATCH)) {
    const rows = await db
      .selectFrom('lead_list_viewers')
      .select(['lead_list_id', 'user_id'])
      .where('lead_list_id', 'in', batch)
      .execute();
    for (const row of rows) viewers.get(row.lead_list_id)?.push(row.user_id);
  }
  for (const userIds of viewers.values()) userIds.sort();
  return viewers;
}

async function listsOfRows(db: Db, rows: LeadListRow[]): Promise<LeadList[]> {
  const viewers = await viewersOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => listOfRow(row, viewers.get(row.id) ?? []));
}

/** What a new list is stored with: its people and companies as snapshots, in order. */
export interface NewLeadList {
  list: LeadList;
  people: readonly Lead[];
  companies: readonly LeadCompany[];
}

async function insertPeople(
  tx: Db,
  list: Pick<LeadList, 'id' | 'icpId'>,
  people: readonly Lead[],
  firstPosition: number,
  createdAt: string,
): Promise<void> {
  const members = people.map((lead, index) => ({
    lead_list_id: list.id,
    position: firstPosition + index,
    icp_id: list.icpId,
    person_id: lead.person.id,
    created_at: createdAt,
    lead: JSON.stringify(lead),
  }));
  for (const batch of inBatches(members, BATCH)) {
    await tx.insertInto('lead_list_members').values(batch).execute();
  }
}

async function insertCompanies(
  tx: Db,
  listId: string,
  companies: readonly LeadCompany[],
  firstPosition: number,
): Promise<void> {
  const rows = companies.map((company, index) => ({
    lead_list_id: listId,
    position: firstPosition + index,
    company_id: company.id,
    company: JSON.stringify(company),
  }));
  for (const batch of inBatches(rows, BATCH)) {
    await tx.insertInto('lead_list_companies').values(batch).execute();
  }
}

/** Stores a list, its people and companies, in order, and its viewers. Run inside a transaction. */
export async function insertLeadList(tx: Db, { list, people, companies }: NewLeadList) {
  await tx
    .insertInto('lead_lists')
    .values({
      id: list.id,
      icp_id: list.icpId,
      name: list.name,
      type: list.type,
      start_date: list.startDate,
      end_date: list.endDate,
      person_ids: JSON.stringify(list.personIds),
      company_ids: JSON.stringify(list.companyIds),
      created_by: list.createdBy,
      created_at: list.createdAt,
      updated_at: list.updatedAt,
      requested_size: list.requestedSize,
      lead_count: list.leadCount,
      matched_count: list.matchedCount,
      not_applied: JSON.stringify(list.notApplied),
      ignored_filter_keys: JSON.stringify(list.ignoredFilterKeys),
      crm_sourcing: JSON.stringify(list.crmSourcing),
    })
    .execute();
  await insertPeople(tx, list, people, 0, list.createdAt);
  await insertCompanies(tx, list.id, companies, 0);
  for (const batch of inBatches(list.userIds, BATCH)) {
    await tx
      .insertInto('lead_list_viewers')
      .values(batch.map((user_id) => ({ lead_list_id: list.id, user_id })))
      .execute();
  }
}

/** A list without its people, or undefined; `forUpdate` locks its row (PostgreSQL). */
export async function findLeadList(
  db: Db,
  id: string,
  forUpdate = false,
): Promise<LeadList | undefined> {
  const query = db.selectFrom('lead_lists').selectAll().where('id', '=', id);
  const row = await (forUpdate && isPostgres(db) ? query.forUpdate() : query).executeTakeFirst();
  if (row === undefined) return undefined;
  const [list] = await listsOfRows(db, [row]);
  return list;
}

/** The list with its people (as added, with their CRM record) and its companies. */
export async function leadListDetailOf(db: Db, list: LeadList): Promise<LeadListDetail> {
  const [members, companies] = await Promise.all([
    db
      .selectFrom('lead_list_members')
      .select('lead')
      .where('lead_list_id', '=', list.id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('lead_list_companies')
      .select('company')
      .where('lead_list_id', '=', list.id)
      .orderBy('position')
      .execute(),
  ]);
  return {
    ...list,
    people: members.map((member) => {
      const lead = leadOfSnapshot(member.lead);
      return { ...lead, crmRecord: crmRecordOf(lead) };
    }),
    companies: companies.map((row) => JSON.parse(row.company) as LeadCompany),
  };
}

/** A list with the people and companies it was just stored with. */
export function detailOfStored(
  list: LeadList,
  people: readonly Lead[],
  companies: LeadCompany[],
): LeadListDetail {
  return {
    ...list,
    people: people.map((lead) => ({ ...lead, crmRecord: crmRecordOf(lead) })),
    companies,
  };
}

/**
 * A page of the lists the user may see, newest first (then by id), and how many they may see:
 * those of the ICPs shared with them and those without an ICP they are a viewer of; an admin
 * sees every list.
 */
export async function listLeadListsVisibleTo(
  db: Db,
  user: AuthUser,
  { page, size }: LeadListPageQuery,
): Promise<LeadListPage> {
  const visible = () => {
    const query = db.selectFrom('lead_lists');
    if (user.isAdmin) return query;
    return query.where((eb) =>
      eb.or([
        eb(
          'icp_id',
          'in',
          eb.selectFrom('icp_members').select('icp_members.icp_id').where('user_id', '=', user.id),
        ),
        eb.and([
          eb('icp_id', 'is', null),
          eb(
            'id',
            'in',
            eb
              .selectFrom('lead_list_viewers')
              .select('lead_list_viewers.lead_list_id')
              .where('user_id', '=', user.id),
          ),
        ]),
      ]),
    );
  };
  const counted = await visible()
    .select((eb) => eb.fn.countAll().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await visible()
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(size)
    .offset(page * size)
    .execute();
  return { page, size, lists: await listsOfRows(db, rows), total: Number(counted.total) };
}

/** The lists of one ICP, newest first. */
export async function listLeadListsOfIcp(db: Db, icpId: string): Promise<LeadList[]> {
  const rows = await db
    .selectFrom('lead_lists')
    .selectAll()
    .where('icp_id', '=', icpId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return listsOfRows(db, rows);
}

/**
 * Adds people (snapshots) after those of the list, which the caller has locked, and returns it
 * as it is now. Run inside a transaction.
 */
export async function appendPeople(
  tx: Db,
  list: LeadList,
  people: readonly Lead[],
  now: Date,
): Promise<LeadList> {
  const updatedAt = now.toISOString();
  const personIds = [...list.personIds, ...people.map((lead) => lead.person.id)];
  const last = await tx
    .selectFrom('lead_list_members')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('lead_list_id', '=', list.id)
    .executeTakeFirst();
  const next = last?.position === null || last === undefined ? 0 : Number(last.position) + 1;
  await insertPeople(tx, list, people, next, updatedAt);
  await tx
    .updateTable('lead_lists')
    .set({
      person_ids: JSON.stringify(personIds),
      lead_count: personIds.length,
      updated_at: updatedAt,
    })
    .where('id', '=', list.id)
    .execute();
  return { ...list, personIds, leadCount: personIds.length, updatedAt };
}

/** Deletes a list; its people and companies stay in the lead database. */
export async function deleteLeadList(tx: Db, id: string): Promise<void> {
  await tx.deleteFrom('lead_lists').where('id', '=', id).execute();
}

/**
 * Before an ICP is deleted (which sets its lists' `icp_id` to null): its members at that moment
 * become viewers of its lists, so those who saw them still do. Run in the deleting transaction.
 */
export async function keepListsOfDeletedIcp(
  tx: Db,
  icpId: string,
  userIds: readonly string[],
): Promise<void> {
  if (userIds.length === 0) return;
  const lists = await tx
    .selectFrom('lead_lists')
    .select('id')
    .where('icp_id', '=', icpId)
    .execute();
  const rows = lists.flatMap((list) =>
    userIds.map((user_id) => ({ lead_list_id: list.id, user_id })),
  );
  for (const batch of inBatches(rows, BATCH)) {
    await tx
      .insertInto('lead_list_viewers')
      .values(batch)
      .onConflict((conflict) => conflict.columns(['lead_list_id', 'user_id']).doNothing())
      .execute();
  }
}

/** Which of these people were delivered in a list of the ICP at or after `since`. */
export async function peopleUsedSince(
  db: Db,
  icpId: string,
  personIds: readonly string[],
  since: Date,
): Promise<Set<string>> {
  const used = new Set<string>();
  for (const batch of inBatches(personIds, BATCH)) {
    const rows = await db
      .selectFrom('lead_list_members')
      .select('person_id')
      .distinct()
      .where('icp_id', '=', icpId)
      .where('person_id', 'in', batch)
      .where('created_at', '>=', since.toISOString())
      .execute();
    for (const row of rows) used.add(row.person_id);
  }
  return used;
}

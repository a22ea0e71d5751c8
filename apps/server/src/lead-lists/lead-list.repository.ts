import type { Lead, LeadList, LeadListSummary } from '@icp/schema';
import type { Selectable } from 'kysely';
import type { Db } from '../db/connect.js';
import type { LeadListsTable } from '../db/database.js';

function summaryOfRow(row: Selectable<LeadListsTable>): LeadListSummary {
  return {
    id: row.id,
    icpId: row.icp_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    requestedSize: row.requested_size,
    leadCount: row.lead_count,
    matchedCount: row.matched_count,
    notApplied: JSON.parse(row.not_applied),
    ignoredFilterKeys: JSON.parse(row.ignored_filter_keys),
    crmSourcing: JSON.parse(row.crm_sourcing),
  };
}

/** Stores a generated list and its leads, in order, as delivered. Run inside a transaction. */
export async function insertLeadList(tx: Db, list: LeadList): Promise<void> {
  await tx
    .insertInto('lead_lists')
    .values({
      id: list.id,
      icp_id: list.icpId,
      created_by: list.createdBy,
      created_at: list.createdAt,
      requested_size: list.requestedSize,
      lead_count: list.leadCount,
      matched_count: list.matchedCount,
      not_applied: JSON.stringify(list.notApplied),
      ignored_filter_keys: JSON.stringify(list.ignoredFilterKeys),
      crm_sourcing: JSON.stringify(list.crmSourcing),
    })
    .execute();
  const members = list.leads.map((lead, position) => ({
    lead_list_id: list.id,
    position,
    icp_id: list.icpId,
    person_id: lead.person.id,
    created_at: list.createdAt,
    lead: JSON.stringify(lead),
  }));
  for (let start = 0; start < members.length; start += 500) {
    await tx
      .insertInto('lead_list_members')
      .values(members.slice(start, start + 500))
      .execute();
  }
}

/** A list with its leads, or undefined. */
export async function findLeadList(db: Db, id: string): Promise<LeadList | undefined> {
  const row = await db.selectFrom('lead_lists').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) return undefined;
  const members = await db
    .selectFrom('lead_list_members')
    .select('lead')
    .where('lead_list_id', '=', id)
    .orderBy('position')
    .execute();
  return { ...summaryOfRow(row), leads: members.map((member) => JSON.parse(member.lead) as Lead) };
}

/** The lists of every ICP shared with the user, newest first. */
export async function listLeadListsOfUser(db: Db, userId: string): Promise<LeadListSummary[]> {
  const rows = await db
    .selectFrom('lead_lists')
    .innerJoin('icp_members', 'icp_members.icp_id', 'lead_lists.icp_id')
    .selectAll('lead_lists')
    .where('icp_members.user_id', '=', userId)
    .orderBy('lead_lists.created_at', 'desc')
    .orderBy('lead_lists.id')
    .execute();
  return rows.map(summaryOfRow);
}

/** The lists generated for one ICP, newest first. */
export async function listLeadListsOfIcp(db: Db, icpId: string): Promise<LeadListSummary[]> {
  const rows = await db
    .selectFrom('lead_lists')
    .selectAll()
    .where('icp_id', '=', icpId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(summaryOfRow);
}

export async function deleteLeadList(tx: Db, id: string): Promise<void> {
  await tx.deleteFrom('lead_lists').where('id', '=', id).execute();
}

/** Which of these people were delivered in a list of the ICP at or after `since`. */
export async function peopleUsedSince(
  db: Db,
  icpId: string,
  personIds: readonly string[],
  since: Date,
): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const used = new Set<string>();
  for (let start = 0; start < personIds.length; start += 500) {
    const rows = await db
      .selectFrom('lead_list_members')
      .select('person_id')
      .distinct()
      .where('icp_id', '=', icpId)
      .where('person_id', 'in', personIds.slice(start, start + 500))
      .where('created_at', '>=', since.toISOString())
      .execute();
    for (const row of rows) used.add(row.person_id);
  }
  return used;
}

import { randomUUID } from 'node:crypto';
import {
  type CompanyRecord,
  type ErrorDetail,
  type Lead,
  type LeadCompany,
  type LeadList,
  type LeadListCreate,
  type LeadListDetail,
  type LeadListLeads,
  type LeadListProspects,
  MAX_LEAD_LIST_PEOPLE,
  type PersonRecord,
} from '@icp/schema';
import type { AuthUser } from '../auth/auth-user.js';
import type { Db } from '../db/connect.js';
import { AppError, invalidBody } from '../errors.js';
import { canAccessIcp } from '../icp/icp.access.js';
import { findIcpById } from '../icp/icp.repository.js';
import { scopedCrmId } from '../leads/crm-scope.js';
import { saveCompanies, savePeople } from '../leads/lead-records.repository.js';
import { leadOfRow, leadRowsOf } from '../leads/matching/lead-row.js';
import { NOT_REQUESTED, withoutTakenDomains } from './crm-sourcing.js';
import {
  appendPeople,
  detailOfStored,
  findLeadList,
  insertLeadList,
  leadListDetailOf,
} from './lead-list.repository.js';
import type { Deps } from './lead-list.service.js';
import { leadListNotFound, listIcpForbidden, listIcpNotFound } from './lead-list-access.js';
import { pickCompanies, pickPeople, scopeOfLeadList } from './lead-list-members.js';
import { checkStoredLeadsLeft, takeStoredLeads } from './stored-leads-quota.js';

/*
 * Lists made by hand (Lance's Create Lead List and Add Prospects) and what any list answers as
 * its leads.
 */

/**
 * Makes a list by hand from people and companies of the lead database the user may pick (see
 * lead-list-members.ts); ids that name none are a 400 naming each. A list for an ICP needs
 * access to it, with Lance's messages.
 */
export async function createLeadList(
  deps: Pick<Deps, 'db' | 'transact'>,
  user: AuthUser,
  body: LeadListCreate,
  now: Date,
): Promise<LeadListDetail> {
  if (body.icpId !== null) {
    const icp = await findIcpById(deps.db, body.icpId);
    if (icp === undefined) throw listIcpNotFound(body.icpId);
    if (!canAccessIcp(user, icp)) throw listIcpForbidden();
  }
  const people = await pickPeople(deps.db, user, body.personIds, ['personIds']);
  const companies = await pickCompanies(deps.db, user, body.companyIds, ['companyIds']);
  const unknown = [...people.unknown, ...companies.unknown];
  if (unknown.length > 0) throw invalidBody(unknown);
  const createdAt = now.toISOString();
  const list: LeadList = {
    id: randomUUID(),
    icpId: body.icpId,
    name: body.name,
    type: body.type,
    startDate: body.startDate,
    endDate: body.endDate,
    personIds: people.found.map((lead) => lead.person.id),
    companyIds: companies.found.map((company) => company.id),
    createdAt,
    updatedAt: createdAt,
    createdBy: user.id,
    // Sorted, as every read of a list has them.
    userIds: [...new Set([...body.userIds, user.id])].sort(),
    leadCount: body.type === 'person' ? people.found.length : companies.found.length,
    requestedSize: null,
    matchedCount: null,
    notApplied: [],
    ignoredFilterKeys: [],
    crmSourcing: NOT_REQUESTED,
  };
  await deps.transact(async (tx) => {
    // Its ICP may have been deleted since it was checked: the list would name none.
    if (body.icpId !== null && (await findIcpById(tx, body.icpId)) === undefined) {
      throw listIcpNotFound(body.icpId);
    }
    await insertLeadList(tx, { list, people: people.found, companies: companies.found });
  });
  return detailOfStored(list, people.found, companies.found);
}

/** The records of prospects given as data, with ids of the list's scope. */
async function prospectRecords(
  deps: Pick<Deps, 'db'>,
  user: AuthUser,
  listId: string,
  prospects: NonNullable<LeadListProspects['prospects']>,
): Promise<{ people: PersonRecord[]; companies: CompanyRecord[]; unknown: ErrorDetail[] }> {
  const scope = scopeOfLeadList(listId);
  const named = prospects.flatMap((prospect, index) =>
    prospect.companyId === undefined ? [] : [{ id: prospect.companyId, index }],
  );
  const picked = await pickCompanies(
    deps.db,
    user,
    named.map(({ id }) => id),
    [],
  );
  const pickedIds = new Set(picked.found.map((company) => company.id));
  const unknown = named
    .filter(({ id }) => !pickedIds.has(id))
    .map(({ id, index }) => ({
      path: ['prospects', index, 'companyId'],
      message: `No company with id '${id}'`,
    }));
  const companies: CompanyRecord[] = [];
  const people = prospects.map(({ company, companyId, jobTitle, ...fields }) => {
    let personCompanyId = companyId;
    if (company !== undefined) {
      const record = { ...company, id: scopedCrmId(scope, `company-${randomUUID()}`) };
      companies.push(record);
      personCompanyId = record.id;
    }
    const person: PersonRecord = {
      ...fields,
      id: scopedCrmId(scope, randomUUID()),
      jobTitle: jobTitle ?? '',
      source: 'provider',
      ...(personCompanyId === undefined ? {} : { companyId: personCompanyId }),
    };
    return person;
  });
  return { people, companies: await withoutTakenDomains(deps.db, companies), unknown };
}

/**
 * Adds people to a person list: prospects given as data are stored in the lead database first
 * (under the list's scope, through the lead records repository, so the lead index sees them;
 * they count against the daily quota of stored leads), and people picked by id are added as
 * they are now. People already in the list are not added twice.
 */
export async function addProspects(
  deps: Pick<Deps, 'db' | 'transact' | 'storedLeadsPerDay'>,
  user: AuthUser,
  target: LeadList,
  body: LeadListProspects,
  now: Date,
): Promise<LeadListDetail> {
  if (target.type !== 'person') {
    throw new AppError(
      'BAD_REQUEST',
      'Prospects can only be added to a person lead list; this is a company list',
    );
  }
  const picked = await pickPeople(deps.db, user, body.personIds ?? [], ['personIds']);
  const given = await prospectRecords(deps, user, target.id, body.prospects ?? []);
  const unknown = [...picked.unknown, ...given.unknown];
  if (unknown.length > 0) throw invalidBody(unknown);
  const quota = deps.storedLeadsPerDay ?? 0;
  if (given.people.length > 0) await checkStoredLeadsLeft(deps.db, user.id, quota, now);

  const list = await deps.transact(async (tx) => {
    const current = await findLeadList(tx, target.id, true);
    if (current === undefined) throw leadListNotFound(target.id);
    const inList = new Set(current.personIds);
    const added = picked.found.filter((lead) => !inList.has(lead.person.id));
    const total = current.personIds.length + added.length + given.people.length;
    if (total > MAX_LEAD_LIST_PEOPLE) {
      throw new AppError(
        'BAD_REQUEST',
        `A lead list holds at most ${MAX_LEAD_LIST_PEOPLE.toLocaleString('en-US')} people; this one would hold ${total.toLocaleString('en-US')}`,
      );
    }
    let stored: Lead[] = [];
    if (given.people.length > 0) {
      const scope = scopeOfLeadList(target.id);
      await takeStoredLeads(tx, user.id, given.people.length, quota, now);
      await saveCompanies(tx, given.companies, scope);
      await savePeople(tx, given.people, scope);
      stored = (
        await leadRowsOf(
          tx,
          given.people.map((person) => person.id),
        )
      ).map(leadOfRow);
    }
    return appendPeople(tx, current, [...added, ...stored], now);
  });
  return leadListDetailOf(deps.db, list);
}

const hasName = (company: LeadCompany | null) => company !== null && company.name.trim() !== '';

/** The leads of a list: its people whose company has a name, or a company list's companies. */
export async function leadsOfList(db: Db, list: LeadList): Promise<LeadListLeads> {
  const detail = await leadListDetailOf(db, list);
  if (list.type === 'company') return detail.companies.filter(hasName);
  return detail.people.filter((person) => hasName(person.company));
}

import {
  type CompanyRecord,
  type CrmFilters,
  type CrmSourcing,
  type PersonRecord,
  personRecord,
} from '@icp/schema';
import { BullhornError } from '../crm/bullhorn/bullhorn-error.js';
import type { BullhornClient } from '../crm/bullhorn/client.js';
import type { CrmContact } from '../crm/bullhorn/client-contact.js';
import type { Db } from '../db/connect.js';
import type { Transact } from '../db/transact.js';
import { scopedCrmId } from '../leads/crm-scope.js';
import { saveCompanies, savePeople } from '../leads/lead-records.repository.js';

/** Most contacts one CRM search brings in (Bullhorn's page size). */
export const MAX_CRM_CONTACTS = 500;

/** What a search without CRM filters says of CRM sourcing. */
export const NOT_REQUESTED: CrmSourcing = { status: 'not-requested', contacts: 0 };

/** Why CRM filters were not applied on a server without a CRM (the README names its settings). */
export const NO_CRM_CONFIGURED = 'no CRM is configured on this server';

/** CRM companies keep a domain only while no other stored company holds it. */
export async function withoutTakenDomains(
  db: Db,
  companies: CompanyRecord[],
): Promise<CompanyRecord[]> {
  const domains = companies.flatMap((company) => (company.domain ? [company.domain] : []));
  if (domains.length === 0) return companies;
  const holders = await db
    .selectFrom('companies')
    .select(['id', 'domain'])
    .where('domain', 'in', domains)
    .execute();
  const holderOf = new Map(holders.map((holder) => [holder.domain, holder.id]));
  return companies.map((company) => {
    if (company.domain === undefined) return company;
    const holder = holderOf.get(company.domain);
    if (holder !== undefined && holder !== company.id) return { ...company, domain: undefined };
    // Two contacts' companies may share a domain too: the first keeps it.
    holderOf.set(company.domain, company.id);
    return company;
  });
}

/** The contact's records with ids of `scope` (see crm-scope.ts). */
function scopedContact(scope: string, contact: CrmContact): CrmContact {
  const company =
    contact.company === null
      ? null
      : { ...contact.company, id: scopedCrmId(scope, contact.company.id) };
  const { companyId } = contact.person;
  return {
    person: {
      ...contact.person,
      id: scopedCrmId(scope, contact.person.id),
      ...(companyId === undefined ? {} : { companyId: scopedCrmId(scope, companyId) }),
    },
    company,
  };
}

/** What a CRM search found: the contacts that can be leads, with ids of their scope. */
export interface CrmSearch {
  sourcing: CrmSourcing;
  contacts: CrmContact[];
}

/**
 * Runs a CRM search for `crmFilters`, giving the contacts found ids of `scope` (see
 * crm-scope.ts); nothing is stored. Says plainly when the search was not made: no CRM
 * configured, or the CRM could not be asked.
 */
export async function searchCrmContacts(
  deps: { bullhorn?: BullhornClient | undefined },
  crmFilters: CrmFilters | null,
  wanted: number,
  scope: string,
): Promise<CrmSearch> {
  if (crmFilters === null) return { sourcing: NOT_REQUESTED, contacts: [] };
  if (deps.bullhorn === undefined) {
    return {
      sourcing: { status: 'not-applied', contacts: 0, reason: NO_CRM_CONFIGURED },
      contacts: [],
    };
  }
  let found: Awaited<ReturnType<BullhornClient['searchContacts']>>;
  try {
    const count = Math.min(MAX_CRM_CONTACTS, Math.max(1, wanted));
    found = await deps.bullhorn.searchContacts(crmFilters, { count });
  } catch (error) {
    if (!(error instanceof BullhornError)) throw error;
    return {
      sourcing: { status: 'not-applied', contacts: 0, reason: error.message },
      contacts: [],
    };
  }
  // A contact without a name or title cannot be a lead record; it is left out.
  const contacts = found.contacts.flatMap((contact) => {
    const scoped = scopedContact(scope, contact);
    const parsed = personRecord.safeParse(scoped.person);
    return parsed.success ? [{ person: parsed.data, company: scoped.company }] : [];
  });
  return { sourcing: { status: 'applied', contacts: contacts.length }, contacts };
}

/**
 * Runs the ICP's CRM search and stores the contacts it finds in the lead database under `scope`
 * (people with source `crm`, so `maxPercentFromCRM` counts them), to be matched with the
 * provider's people for this search only.
 */
export async function sourceCrmContacts(
  deps: { db: Db; transact: Transact; bullhorn?: BullhornClient | undefined },
  crmFilters: CrmFilters | null,
  wanted: number,
  scope: string,
): Promise<{ sourcing: CrmSourcing; contactIds: string[] }> {
  const { sourcing, contacts } = await searchCrmContacts(deps, crmFilters, wanted, scope);
  if (contacts.length === 0) return { sourcing, contactIds: [] };
  const people: PersonRecord[] = contacts.map(({ person }) => person);
  const companies = [
    ...new Map(
      contacts.flatMap(({ company }) => (company === null ? [] : [[company.id, company] as const])),
    ).values(),
  ];
  const storable = await withoutTakenDomains(deps.db, companies);
  await deps.transact(async (tx) => {
    await saveCompanies(tx, storable, scope);
    await savePeople(tx, people, scope);
  });
  return { sourcing, contactIds: people.map((person) => person.id) };
}

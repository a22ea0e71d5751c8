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

/** CRM companies keep a domain only while no other stored company holds it. */
async function withoutTakenDomains(db: Db, companies: CompanyRecord[]): Promise<CompanyRecord[]> {
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

/**
 * Runs the ICP's CRM search and stores the contacts it finds in the lead database under `scope`
 * (people with source `crm`, so `maxPercentFromCRM` counts them), to be matched with the
 * provider's people for this search only. Says plainly when the search was not made: no CRM
 * configured, or the CRM could not be asked.
 */
export async function sourceCrmContacts(
  deps: { db: Db; transact: Transact; bullhorn?: BullhornClient | undefined },
  crmFilters: CrmFilters | null,
  wanted: number,
  scope: string,
): Promise<{ sourcing: CrmSourcing; contactIds: string[] }> {
  if (crmFilters === null) return { sourcing: NOT_REQUESTED, contactIds: [] };
  if (deps.bullhorn === undefined) {
    return {
      sourcing: {
        status: 'not-applied',
        contacts: 0,
        reason: 'no CRM is configured here (BULLHORN_REST_URL and BULLHORN_REST_TOKEN)',
      },
      contactIds: [],
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
      contactIds: [],
    };
  }
  const contacts = found.contacts.map((contact) => scopedContact(scope, contact));
  // A contact without a name or title cannot be a lead record; it is left out.
  const people: PersonRecord[] = contacts.flatMap(({ person }) => {
    const parsed = personRecord.safeParse(person);
    return parsed.success ? [parsed.data] : [];
  });
  const kept = new Set(people.map((person) => person.companyId));
  const companies = [
    ...new Map(
      contacts.flatMap(({ company }) =>
        company !== null && kept.has(company.id) ? [[company.id, company] as const] : [],
      ),
    ).values(),
  ];
  const storable = await withoutTakenDomains(deps.db, companies);
  await deps.transact(async (tx) => {
    await saveCompanies(tx, storable, scope);
    await savePeople(tx, people, scope);
  });
  return {
    sourcing: { status: 'applied', contacts: people.length },
    contactIds: people.map((person) => person.id),
  };
}

import type { CrmRecord, Lead } from '@icp/schema';

/** A scoped CRM record's id is `<scope>/<id in the CRM data>` (see crm-scope.ts). */
const unscoped = (id: string) => id.replace(/^[a-z]+:[^/]*\//, '');

const BULLHORN_CONTACT = /^bullhorn-(\d+)$/;
const BULLHORN_COMPANY = /^bullhorn-company-(\d+)$/;

/**
 * The CRM record of a lead that came from the CRM, or null: Bullhorn's ClientContact and
 * ClientCorporation ids for contacts a CRM search brought in (see client-contact.ts), the ids as
 * imported for CRM data an operator loaded.
 */
export function crmRecordOf(lead: Pick<Lead, 'person' | 'company'>): CrmRecord | null {
  if (lead.person.source !== 'crm') return null;
  const personId = unscoped(lead.person.id);
  const companyId = lead.company === null ? null : unscoped(lead.company.id);
  const contact = BULLHORN_CONTACT.exec(personId);
  if (contact?.[1] === undefined) return { provider: null, contactId: personId, companyId };
  return {
    provider: 'bullhorn',
    contactId: contact[1],
    companyId: companyId === null ? null : (BULLHORN_COMPANY.exec(companyId)?.[1] ?? companyId),
  };
}

/**
 * A Bullhorn ClientContact, as `/search/ClientContact` returns it for the fields the client asks
 * for, and how it becomes a lead database person (with its company):
 * - `id` 123 → person id `bullhorn-123`; `clientCorporation.id` 45 → company id
 *   `bullhorn-company-45` (the prefixes keep CRM ids apart from lead provider ids);
 * - `firstName`, `lastName` → the same, and `occupation` → `jobTitle`, trimmed ('' when empty);
 * - `email` → `email` when not blank;
 * - `address.city`, `address.state` → `city`, `state`; the country from `address.countryCode`
 *   when it is an ISO 3166-1 alpha-2 code, else from `address.countryName` when it is a
 *   country's name in the catalog (case aside), else left out;
 * - `clientCorporation` with a name → the company (`{ id, name, keywords: [] }`), and its id
 *   as the person's `companyId`; without one, no company;
 * - `source` is always `crm`; seniority, department and skills are not in Bullhorn's data.
 */
import {
  type CompanyRecord,
  type CountryCode,
  countries,
  isCountryCode,
  type PersonRecord,
} from '@icp/schema';
import { z } from 'zod';

const text = z.string().nullish();

/** One ClientContact of a search answer; other fields Bullhorn adds (`_score`) are dropped. */
export const clientContact = z.object({
  id: z.number().int(),
  firstName: text,
  lastName: text,
  occupation: text,
  email: text,
  address: z
    .object({
      address1: text,
      address2: text,
      city: text,
      state: text,
      zip: text,
      countryCode: text,
      countryName: text,
    })
    .nullish(),
  clientCorporation: z.object({ id: z.number().int(), name: text }).nullish(),
});

/** The answer of `/search/ClientContact`. */
export const clientContactSearchAnswer = z.object({
  total: z.number().int().min(0),
  start: z.number().int().min(0),
  count: z.number().int().min(0),
  data: z.array(clientContact),
});

export type ClientContact = z.infer<typeof clientContact>;

/** A CRM contact as lead database records: the person, and their company when known. */
export interface CrmContact {
  person: PersonRecord;
  company: CompanyRecord | null;
}

const countryCodeByName = new Map<string, CountryCode>(
  countries.map((country) => [country.name.toLowerCase(), country.code]),
);

function trimmed(value: string | null | undefined): string | undefined {
  const result = value?.trim();
  return result === '' ? undefined : result;
}

function countryOf(address: ClientContact['address']): CountryCode | undefined {
  const code = trimmed(address?.countryCode)?.toLowerCase();
  if (code !== undefined && isCountryCode(code)) return code;
  const name = trimmed(address?.countryName)?.toLowerCase();
  return name === undefined ? undefined : countryCodeByName.get(name);
}

/** A ClientContact as lead database records; see the module comment for the mapping. */
export function crmContactOf(contact: ClientContact): CrmContact {
  const companyName = trimmed(contact.clientCorporation?.name);
  const company: CompanyRecord | null =
    contact.clientCorporation && companyName !== undefined
      ? { id: `bullhorn-company-${contact.clientCorporation.id}`, name: companyName, keywords: [] }
      : null;
  const person: PersonRecord = {
    id: `bullhorn-${contact.id}`,
    firstName: trimmed(contact.firstName) ?? '',
    lastName: trimmed(contact.lastName) ?? '',
    jobTitle: trimmed(contact.occupation) ?? '',
    skills: [],
    country: countryOf(contact.address),
    state: trimmed(contact.address?.state),
    city: trimmed(contact.address?.city),
    companyId: company?.id,
    email: trimmed(contact.email),
    source: 'crm',
  };
  return { person, company };
}

import type { Lead, LeadCompany, LeadPerson } from '@icp/schema';

const PERSON_FIELDS: readonly (keyof LeadPerson)[] = [
  'id',
  'firstName',
  'lastName',
  'jobTitle',
  'seniority',
  'department',
  'skills',
  'country',
  'state',
  'city',
  'email',
  'source',
];

const COMPANY_FIELDS: readonly (keyof LeadCompany)[] = [
  'id',
  'name',
  'domain',
  'industry',
  'keywords',
  'employeeCount',
  'revenue',
  'country',
  'state',
  'city',
  'foundedYear',
];

/** A field of a lead: one of the person's, or one of their company's. */
export type LeadField =
  | { of: 'person'; key: keyof LeadPerson }
  | { of: 'company'; key: keyof LeadCompany };

/**
 * The field a dot path names: a person's field as is (`jobTitle`) or under `person.`, a company
 * field under `company.` (`company.name`). Null for any other path.
 */
export function leadField(path: string): LeadField | null {
  const [head, key, ...rest] = path.split('.');
  if (rest.length > 0) return null;
  if (key === undefined) {
    const personKey = PERSON_FIELDS.find((field) => field === head);
    return personKey === undefined ? null : { of: 'person', key: personKey };
  }
  if (head === 'person') {
    const personKey = PERSON_FIELDS.find((field) => field === key);
    return personKey === undefined ? null : { of: 'person', key: personKey };
  }
  if (head === 'company') {
    const companyKey = COMPANY_FIELDS.find((field) => field === key);
    return companyKey === undefined ? null : { of: 'company', key: companyKey };
  }
  return null;
}

/**
 * The texts a pattern is tested against for a field of a lead: each item of a list field, the
 * text of any other value, and one empty text when the field is empty or the lead has no company.
 */
export function leadFieldTexts(lead: Lead, field: LeadField): string[] {
  const value = field.of === 'person' ? lead.person[field.key] : lead.company?.[field.key];
  if (Array.isArray(value)) return value.length === 0 ? [''] : value.map(String);
  return [value === null || value === undefined ? '' : String(value)];
}

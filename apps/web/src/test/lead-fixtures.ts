import type { Lead, LeadCompany, LeadListDetail, LeadPerson, LeadPreview } from '@icp/schema';
import { UNKNOWN_COMPANY_PROFILE, UNKNOWN_PERSON_PROFILE } from '@icp/schema';

/** Test support: leads and lead lists shaped as the API returns them. */

export const acme: LeadCompany = {
  id: 'company-acme',
  name: 'Acme Software GmbH',
  domain: 'acme.example',
  industry: 'Software',
  keywords: ['SaaS'],
  employeeCount: 420,
  revenue: null,
  country: 'de',
  state: null,
  city: 'Berlin',
  foundedYear: 2011,
  ...UNKNOWN_COMPANY_PROFILE,
};

export function makeLead(
  person: Partial<LeadPerson> = {},
  rest: { company?: LeadCompany | null; reasons?: string[] } = {},
): Lead {
  return {
    person: {
      id: 'person-1',
      firstName: 'Ana',
      lastName: 'Schmidt',
      jobTitle: 'CTO',
      seniority: 'C-Level',
      department: 'Engineering',
      skills: ['Go'],
      country: 'de',
      state: null,
      city: 'Berlin',
      email: 'ana.schmidt@acme.example',
      source: 'provider',
      ...UNKNOWN_PERSON_PROFILE,
      ...person,
    },
    company: rest.company === undefined ? acme : rest.company,
    reasons: rest.reasons ?? ['job title "CTO" matches "CTO"'],
  };
}

export const twoLeads: Lead[] = [
  makeLead(),
  makeLead(
    {
      id: 'person-2',
      firstName: 'Ben',
      lastName: 'Okafor',
      jobTitle: 'VP Engineering',
      seniority: 'VP',
      country: 'gb',
      email: null,
      source: 'crm',
    },
    {
      company: null,
      reasons: ['job title "VP Engineering" matches "VP Engineering"', 'located in United Kingdom'],
    },
  ),
];

export function makePreview(preview: Partial<LeadPreview> = {}): LeadPreview {
  return {
    total: 1234,
    leads: twoLeads,
    notApplied: [],
    ignoredFilterKeys: [],
    crmSourcing: { status: 'not-requested', contacts: 0 },
    ...preview,
  };
}

export function makeLeadList(list: Partial<LeadListDetail> = {}): LeadListDetail {
  const people = list.people ?? twoLeads.map((lead) => ({ ...lead, crmRecord: null }));
  return {
    id: '3f0a7c1e-8b2d-4c5e-9f60-7a1b2c3d4e5f',
    icpId: '550e8400-e29b-41d4-a716-446655440000',
    name: 'DACH Tech Leaders, 2026-01-05',
    type: 'person',
    startDate: '2026-01-05T00:00:00.000Z',
    endDate: '2026-01-06T00:00:00.000Z',
    personIds: people.map((lead) => lead.person.id),
    companyIds: [],
    createdBy: 'user_abc123',
    createdAt: '2026-01-05T10:00:00.000Z',
    updatedAt: '2026-01-05T10:00:00.000Z',
    userIds: ['user_abc123'],
    requestedSize: 20,
    leadCount: people.length,
    matchedCount: 1234,
    notApplied: [],
    ignoredFilterKeys: [],
    crmSourcing: { status: 'not-requested', contacts: 0 },
    people,
    companies: [],
    ...list,
  };
}

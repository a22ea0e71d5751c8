import type { Lead, LeadCompany, LeadList, LeadPerson, LeadPreview } from '@icp/schema';

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

export function makeLeadList(list: Partial<LeadList> = {}): LeadList {
  const leads = list.leads ?? twoLeads;
  return {
    id: '3f0a7c1e-8b2d-4c5e-9f60-7a1b2c3d4e5f',
    icpId: '550e8400-e29b-41d4-a716-446655440000',
    createdBy: 'user_abc123',
    createdAt: '2026-01-05T10:00:00.000Z',
    requestedSize: 20,
    leadCount: leads.length,
    matchedCount: 1234,
    notApplied: [],
    ignoredFilterKeys: [],
    crmSourcing: { status: 'not-requested', contacts: 0 },
    leads,
    ...list,
  };
}

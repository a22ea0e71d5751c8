import { lead as leadSchema } from '@icp/schema';
import { describe, expect, it } from 'vitest';
import { leadOfSnapshot } from './lead-snapshot.js';

// A lead as lists stored it before leads had profile fields.
const stored = {
  person: {
    id: 'p-1',
    firstName: 'Ana',
    lastName: 'Schmidt',
    jobTitle: 'CTO',
    seniority: 'C-Level',
    department: 'Engineering',
    skills: ['Go'],
    country: 'de',
    state: null,
    city: 'Berlin',
    email: null,
    source: 'provider',
  },
  company: {
    id: 'c-1',
    name: 'Acme GmbH',
    domain: 'acme.de',
    industry: 'Software',
    keywords: [],
    employeeCount: 420,
    revenue: null,
    country: 'de',
    state: null,
    city: 'Berlin',
    foundedYear: null,
  },
  reasons: ['job title "CTO" matches "CTO"'],
};

describe('a lead as a list stored it', () => {
  it('reads null for the profile fields a list stored before they existed', () => {
    const lead = leadOfSnapshot(JSON.stringify(stored));

    expect(leadSchema.parse(lead)).toEqual(lead);
    expect(lead.person).toEqual({
      ...stored.person,
      linkedInUrl: null,
      location: null,
      summary: null,
    });
    expect(lead.company).toMatchObject({ ...stored.company, description: null, latitude: null });
  });

  it('gives the fields in the order of a lead just found', () => {
    const lead = leadOfSnapshot(JSON.stringify(stored));

    expect(Object.keys(lead.person)).toEqual(Object.keys(leadSchema.shape.person.shape));
    expect(Object.keys(lead.company ?? {})).toEqual(
      Object.keys(leadSchema.shape.company.unwrap().shape),
    );
  });

  it('keeps what a newer list stored, and a lead without a company', () => {
    const profiled = {
      ...stored,
      person: { ...stored.person, linkedInUrl: null, location: 'Berlin, Germany', summary: 'CTO.' },
      company: null,
    };

    expect(leadOfSnapshot(JSON.stringify(profiled))).toEqual(profiled);
  });
});

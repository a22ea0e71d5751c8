import type { LeadCompany, LeadPerson } from '@icp/schema';
import { UNKNOWN_COMPANY_PROFILE } from '@icp/schema';
import { describe, expect, it } from 'vitest';
import { recommendationId } from './recommendation-id.js';
import { fitScore, recommendationReasons } from './recommendation-reasons.js';
import { sizeBand } from './recommended-company.js';

const company: LeadCompany = {
  id: 'c-1',
  name: 'Acme',
  domain: null,
  industry: 'Software',
  keywords: [],
  employeeCount: 120,
  revenue: null,
  country: 'de',
  state: null,
  city: null,
  foundedYear: null,
  ...UNKNOWN_COMPANY_PROFILE,
};

const person = (id: string, fields: Partial<LeadPerson>): LeadPerson => ({
  id,
  firstName: 'Sam',
  lastName: id,
  jobTitle: 'Engineer',
  seniority: null,
  department: null,
  skills: [],
  country: null,
  state: null,
  city: null,
  email: null,
  source: 'provider',
  linkedInUrl: null,
  location: null,
  summary: null,
  ...fields,
});

const icp = (body: { companies?: object; people?: object }) => ({
  id: '6b0c1e9e-8a7f-4a43-9a57-0c2bb1d0b7a1',
  ...body,
});

describe('recommendation reasons', () => {
  it('scores a people filter by the share of its values the people shown hold', () => {
    const reasons = recommendationReasons(
      icp({ people: { jobTitles: ['CTO', 'VP Sales', 'CFO', 'CMO'] } }),
      company,
      [
        person('p-1', { jobTitle: 'CTO & Co-Founder' }),
        person('p-2', { jobTitle: 'Chief Technology Officer' }),
      ],
    );

    expect(reasons).toEqual([
      {
        type: 'JOB_TITLE_MATCH',
        score: 25,
        title: 'Job title match',
        shortDescription: '1 of 4 job titles of the ICP',
        description: 'People shown here have 1 of the 4 job titles of the ICP: "CTO" (2 people).',
      },
    ]);
  });

  it('scores a company filter 100 when met and 0 when the company does not show the value', () => {
    const reasons = recommendationReasons(
      icp({
        companies: { employeeCount: { from: 100, to: 200 }, revenue: { from: 1, to: 10 } },
      }),
      company,
      [],
    );

    expect(reasons.map(({ type, score }) => [type, score])).toEqual([
      ['EMPLOYEE_COUNT_MATCH', 100],
      ['REVENUE_MATCH', 0],
    ]);
    expect(reasons[0]?.description).toBe("Acme has 120 employees, within the ICP's 100 to 200.");
    expect(reasons[1]?.shortDescription).toBe('annual revenue unknown');
    expect(fitScore(reasons)).toBe(50);
  });

  it('counts exact job titles in the same list, and reads a list of ranges as one filter', () => {
    const reasons = recommendationReasons(
      icp({
        companies: {
          employeeCount: { from: 1, to: 10 },
          employeeCounts: [{ from: 100, to: 150 }],
          revenues: [{ from: 5, to: 9 }],
        },
        people: { jobTitles: ['CFO'], exactJobTitles: ['Head of Growth'] },
      }),
      { ...company, revenue: 20 },
      [person('p-1', { jobTitle: 'head of growth' })],
    );

    expect(reasons).toEqual([
      expect.objectContaining({
        type: 'EMPLOYEE_COUNT_MATCH',
        score: 100,
        description: "Acme has 120 employees, within the ICP's 1 to 10 or 100 to 150.",
      }),
      expect.objectContaining({
        type: 'JOB_TITLE_MATCH',
        score: 50,
        description:
          'People shown here have 1 of the 2 job titles of the ICP: exactly "Head of Growth" (1 person).',
      }),
      expect.objectContaining({
        type: 'REVENUE_MATCH',
        score: 0,
        description: "Acme has $20 annual revenue, outside the ICP's $5 to $9.",
      }),
    ]);
  });

  it('reads a region for location: the headquarters part and the people part, averaged', () => {
    const [location] = recommendationReasons(
      icp({ companies: { primaryLocations: ['W-EMEA'] }, people: { countries: ['fr', 'us'] } }),
      company,
      [person('p-1', { country: 'fr' })],
    );

    expect(location).toEqual({
      type: 'LOCATION_MATCH',
      score: 75,
      title: 'Location match',
      shortDescription: 'Headquartered in Germany; people in 1 of 2 locations',
      description:
        "Acme is headquartered in Germany, within the ICP's locations (W-EMEA). People shown here are in 1 of the ICP's 2 locations: France (1 person).",
    });
  });

  it('orders reasons best first, then in the order of their types', () => {
    const reasons = recommendationReasons(
      icp({
        companies: { industries: ['Software'] },
        people: { seniorities: ['VP', 'Director'], departments: ['Sales'] },
      }),
      company,
      [person('p-1', { seniority: 'VP', department: 'Sales' })],
    );

    expect(reasons.map(({ type, score }) => [type, score])).toEqual([
      ['INDUSTRY_MATCH', 100],
      ['DEPARTMENT_MATCH', 100],
      ['SENIORITY_MATCH', 50],
    ]);
    expect(fitScore(reasons)).toBe(83);
    expect(fitScore([])).toBe(0);
  });
});

describe('reasons of the newer filters', () => {
  it('gives YEAR_FOUNDED_MATCH: 100 within the years, 0 outside or when the year is unknown', () => {
    const wanted = icp({ companies: { yearFounded: { from: 1990, to: 2005 } } });
    const [within] = recommendationReasons(wanted, { ...company, foundedYear: 2001 }, []);
    const [outside] = recommendationReasons(wanted, { ...company, foundedYear: 1980 }, []);
    const [unknown] = recommendationReasons(wanted, company, []);
    const [oneYear] = recommendationReasons(
      icp({ companies: { yearFounded: { from: 2001, to: 2001 } } }),
      { ...company, foundedYear: 2001 },
      [],
    );

    expect(within).toEqual({
      type: 'YEAR_FOUNDED_MATCH',
      score: 100,
      title: 'Founding year match',
      shortDescription: 'Founded in 2001',
      description: "Acme was founded in 2001, within the ICP's founding years (1990 to 2005).",
    });
    expect(outside).toMatchObject({
      score: 0,
      shortDescription: 'Founded in 1980',
      description: "Acme was founded in 1980, outside the ICP's founding years (1990 to 2005).",
    });
    expect(unknown).toMatchObject({
      score: 0,
      shortDescription: 'Founding year unknown',
      description:
        "Acme does not show when it was founded; the ICP's founding years are 1990 to 2005.",
    });
    expect(oneYear?.description).toBe(
      "Acme was founded in 2001, within the ICP's founding years (2001).",
    );
  });

  it('gives DOMAIN_MATCH: 100 for a domain the ICP includes (in any case), 0 otherwise', () => {
    const wanted = icp({ companies: { includeDomains: ['acme.io', 'beta.io'] } });
    const [included] = recommendationReasons(wanted, { ...company, domain: 'Acme.io' }, []);
    const [other] = recommendationReasons(wanted, { ...company, domain: 'eu.acme.io' }, []);
    const [unknown] = recommendationReasons(wanted, company, []);

    expect(included).toEqual({
      type: 'DOMAIN_MATCH',
      score: 100,
      title: 'Domain match',
      shortDescription: 'acme.io',
      description: "Acme is at acme.io, one of the ICP's domains (acme.io, beta.io).",
    });
    expect(other).toMatchObject({
      score: 0,
      description: "Acme is at eu.acme.io, not one of the ICP's domains (acme.io, beta.io).",
    });
    expect(unknown).toMatchObject({
      score: 0,
      shortDescription: 'Domain unknown',
      description: 'Acme does not show its domain; the ICP asks for acme.io, beta.io.',
    });
  });

  it('names a long list of domains by its size, not one by one', () => {
    const domains = Array.from({ length: 1_200 }, (_, index) => `d${index}.io`);
    const [reason] = recommendationReasons(
      icp({ companies: { includeDomains: domains } }),
      { ...company, domain: 'd7.io' },
      [],
    );

    expect(reason?.description).toBe("Acme is at d7.io, one of the ICP's 1,200 domains.");
  });

  it('gives no reason for the exclusions, nor for an empty list', () => {
    const reasons = recommendationReasons(
      icp({
        companies: {
          excludeDomains: ['other.io'],
          excludeIndustries: ['Finance'],
          includeDomains: [],
          industries: [],
          yearFounded: { from: 2000, to: 2030 },
        },
        people: { excludeDepartments: ['Sales'], seniorities: [] },
      }),
      { ...company, domain: 'acme.io', foundedYear: 2010 },
      [person('p-1', { department: 'Engineering' })],
    );

    expect(reasons.map(({ type }) => type)).toEqual(['YEAR_FOUNDED_MATCH']);
  });

  it('orders the new reasons among the others by score, then after them on equal scores', () => {
    const reasons = recommendationReasons(
      icp({
        companies: {
          includeDomains: ['acme.io'],
          industries: ['Software'],
          yearFounded: { from: 2000, to: 2030 },
        },
        people: { seniorities: ['VP', 'Director'] },
      }),
      { ...company, domain: 'acme.io', foundedYear: 2010 },
      [person('p-1', { seniority: 'VP' })],
    );

    expect(reasons.map(({ type, score }) => [type, score])).toEqual([
      ['INDUSTRY_MATCH', 100],
      ['YEAR_FOUNDED_MATCH', 100],
      ['DOMAIN_MATCH', 100],
      ['SENIORITY_MATCH', 50],
    ]);
    expect(fitScore(reasons)).toBe(88);
  });
});

describe('recommendation ids and sizes', () => {
  it('gives the same version 5 UUID for the same ICP, day and company, and another otherwise', () => {
    const id = recommendationId('icp-1', '2026-01-01', 'c-1');

    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(recommendationId('icp-1', '2026-01-01', 'c-1')).toBe(id);
    expect(recommendationId('icp-1', '2026-01-02', 'c-1')).not.toBe(id);
    expect(recommendationId('icp-2', '2026-01-01', 'c-1')).not.toBe(id);
    expect(recommendationId('icp-1', '2026-01-01', 'c-2')).not.toBe(id);
  });

  it('names the catalog band of an employee count, and none when it is unknown or zero', () => {
    expect([1, 10, 11, 51, 200, 10_001, 0, null].map(sizeBand)).toEqual([
      '1-10',
      '1-10',
      '11-50',
      '51-200',
      '51-200',
      '10001+',
      null,
      null,
    ]);
  });
});

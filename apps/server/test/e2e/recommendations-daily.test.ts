import {
  companyRecord,
  DAILY_RECOMMENDATIONS,
  personRecord,
  recommendationFetchResult,
  recommendationIcpRequest,
  recommendationReasonTypes,
} from '@icp/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCompanies, savePeople } from '../../src/leads/lead-records.repository.js';
import { startTestService, type TestService } from '../support/test-service.js';

const ICP = '/v2/recommendations/icp';
const FETCH = '/v2/recommendations/fetch';
const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** 250 software companies in France, each with a CTO; every third with a VP Sales too. */
const COMPANIES = 250;
const companyId = (index: number) => `co-${String(index).padStart(3, '0')}`;

type Company = {
  name: string;
  domain: string | null;
  recommendation: { id: string; generatedAt: string; reasons: { type: string; score: number }[] };
  [key: string]: unknown;
};
type Page = {
  companies: Company[];
  pagination: { from: number; to: number; hasMore: boolean; totalAmount: number };
};

const mean = (scores: number[]) => Math.round(scores.reduce((a, b) => a + b, 0) / scores.length);
const fitOf = (company: Company) =>
  mean(company.recommendation.reasons.map((reason) => reason.score));

async function seedLeads(service: TestService): Promise<void> {
  const companies = Array.from({ length: COMPANIES }, (_, index) =>
    companyRecord.parse({
      id: companyId(index),
      name: `Company ${index}`,
      industry: 'Software',
      country: 'fr',
      employeeCount: 40 + index,
      ...(index === 0
        ? {
            domain: 'zero.example',
            description: 'Makes the first software.',
            linkedInUrl: 'https://www.linkedin.com/company/zero',
            logoUrl: 'https://logo.zero.example/logo.png',
            hqStreetAddress: '1 Rue de Rivoli',
            hqPostalCode: '75001',
            hqLocality: 'Paris',
            hqRegion: 'Île-de-France',
            latitude: 48.86,
            longitude: 2.35,
            foundedYear: 2001,
            keywords: ['SaaS'],
          }
        : {}),
    }),
  );
  const people = companies.flatMap((company, index) => [
    personRecord.parse({
      id: `${company.id}-cto`,
      firstName: 'Ada',
      lastName: `Cto${index}`,
      jobTitle: 'CTO',
      seniority: 'C-Level',
      department: 'Engineering',
      country: 'fr',
      companyId: company.id,
      ...(index === 0
        ? {
            linkedInUrl: 'https://www.linkedin.com/in/ada-cto0',
            location: 'Paris, Île-de-France, France',
            summary: 'Builds the platform.',
          }
        : {}),
    }),
    ...(index % 3 === 0
      ? [
          personRecord.parse({
            id: `${company.id}-vp`,
            firstName: 'Bo',
            lastName: `Vp${index}`,
            jobTitle: 'VP Sales',
            seniority: 'VP',
            department: 'Sales',
            country: 'fr',
            companyId: company.id,
          }),
        ]
      : []),
  ]);
  await service.db.transaction().execute(async (tx) => {
    await saveCompanies(tx, companies);
    await savePeople(tx, people);
  });
}

const ICP_BODY = {
  companies: { industries: ['Software'], primaryLocations: ['fr'] },
  people: { jobTitles: ['CTO', 'VP Sales'] },
};

describe('daily recommendations (one UTC day at a time, never repeated)', () => {
  let service: TestService;
  let key: string;
  let clock = new Date('2026-03-02T08:00:00.000Z');
  const setDay = (day: string, time = '08:00:00.000') => {
    clock = new Date(`${day}T${time}Z`);
  };

  const fetchPage = async (externalUserId: string, from: number, to: number, token = key) => {
    const response = await service.api('POST', FETCH, {
      token,
      body: { externalUserId, pagination: { from, to } },
    });
    expect(response.status, response.text).toBe(200);
    return recommendationFetchResult.parse(response.body) as Page;
  };
  /** Every company of the day, paging by `size` on hasMore. */
  const wholeDay = async (externalUserId: string, size = 30, token = key) => {
    const companies: Company[] = [];
    for (let from = 0; ; from += size) {
      const page = await fetchPage(externalUserId, from, from + size, token);
      companies.push(...page.companies);
      if (!page.pagination.hasMore) return companies;
    }
  };
  const saveIcp = async (externalUserId: string, body: object = ICP_BODY, token = key) => {
    const response = await service.api('POST', ICP, {
      token,
      body: { ...body, externalUserId },
    });
    expect(response.status).toBe(201);
    return response.body as { id: string };
  };

  beforeAll(async () => {
    service = await startTestService({}, { now: () => clock });
    key = await service.apiKeyFor('daily_account');
    await seedLeads(service);
  });
  afterAll(() => service.stop());

  it('requires pagination: 400 in the v2 error body, naming it', async () => {
    await saveIcp('needs-page');
    const response = await service.api('POST', FETCH, {
      token: key,
      body: { externalUserId: 'needs-page' },
    });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      code: 400,
      message: 'Invalid request body',
      details: [{ path: ['pagination'], message: 'Required' }],
    });
  });

  it('answers the flat company shape, with null for what is not known', async () => {
    setDay('2026-03-02');
    await saveIcp('shape');
    const page = await fetchPage('shape', 0, DAILY_RECOMMENDATIONS);
    const zero = page.companies.find((company) => company.name === 'Company 0');
    const other = page.companies.find((company) => company.name === 'Company 1');

    expect(Object.keys(page)).toEqual(['companies', 'pagination']);
    expect(zero).toEqual({
      name: 'Company 0',
      domain: 'zero.example',
      description: 'Makes the first software.',
      employeeCount: 40,
      size: '11-50',
      yearFounded: 2001,
      industries: ['Software'],
      keywords: ['SaaS'],
      hqAddress: '1 Rue de Rivoli, 75001 Paris, Île-de-France, France',
      hqCountry: 'fr',
      linkedInURL: 'https://www.linkedin.com/company/zero',
      logo: 'https://logo.zero.example/logo.png',
      locations: [
        {
          country: 'fr',
          region: 'Île-de-France',
          regionCode: null,
          locality: 'Paris',
          postalCode: '75001',
          streetAddress: '1 Rue de Rivoli',
          latitude: 48.86,
          longitude: 2.35,
          primary: true,
        },
      ],
      people: [
        {
          firstName: 'Ada',
          lastName: 'Cto0',
          jobTitle: 'CTO',
          departments: ['Engineering'],
          seniorities: ['C-Level'],
          country: 'fr',
          location: 'Paris, Île-de-France, France',
          linkedinUrl: 'https://www.linkedin.com/in/ada-cto0',
          summary: 'Builds the platform.',
          currentJobDescription: null,
        },
        expect.objectContaining({ firstName: 'Bo', jobTitle: 'VP Sales', summary: null }),
      ],
      recommendation: {
        id: expect.stringMatching(UUID_V5),
        generatedAt: '2026-03-02T08:00:00.000Z',
        reasons: expect.any(Array),
      },
    });
    expect(other).toMatchObject({
      domain: null,
      description: null,
      yearFounded: null,
      keywords: [],
      hqAddress: 'France',
      linkedInURL: null,
      logo: null,
      locations: [
        {
          country: 'fr',
          region: null,
          regionCode: null,
          locality: null,
          postalCode: null,
          streetAddress: null,
          latitude: null,
          longitude: null,
          primary: true,
        },
      ],
    });
  });

  it('gives typed reasons scored 0-100, read for a person, and orders companies by their mean', async () => {
    setDay('2026-03-02');
    await saveIcp('reasons');
    const page = await fetchPage('reasons', 0, DAILY_RECOMMENDATIONS);
    const withBoth = page.companies.find((company) => company.name === 'Company 0');
    const ctoOnly = page.companies.find((company) => company.name === 'Company 1');

    for (const company of page.companies) {
      for (const reason of company.recommendation.reasons) {
        expect(recommendationReasonTypes).toContain(reason.type);
        expect(reason.score).toBeGreaterThanOrEqual(0);
        expect(reason.score).toBeLessThanOrEqual(100);
      }
    }
    expect(withBoth?.recommendation.reasons).toEqual([
      {
        type: 'INDUSTRY_MATCH',
        score: 100,
        title: 'Industry match',
        shortDescription: 'Software',
        description: "Company 0 works in Software, one of the ICP's industries (Software).",
      },
      {
        type: 'JOB_TITLE_MATCH',
        score: 100,
        title: 'Job title match',
        shortDescription: '2 of 2 job titles of the ICP',
        description:
          'People shown here have 2 of the 2 job titles of the ICP: "CTO" (1 person), "VP Sales" (1 person).',
      },
      {
        type: 'LOCATION_MATCH',
        score: 100,
        title: 'Location match',
        shortDescription: 'Headquartered in France',
        description: "Company 0 is headquartered in France, within the ICP's locations (France).",
      },
    ]);
    expect(ctoOnly?.recommendation.reasons.map(({ type, score }) => [type, score])).toEqual([
      ['INDUSTRY_MATCH', 100],
      ['LOCATION_MATCH', 100],
      ['JOB_TITLE_MATCH', 50],
    ]);
    const fits = page.companies.map(fitOf);
    expect(fits).toEqual([...fits].sort((a, b) => b - a));
    // The 84 companies with a VP Sales come first (fit 100), then the others (fit 83).
    expect(fits.filter((fit) => fit === 100)).toHaveLength(84);
    expect(fits.at(-1)).toBe(83);
  });

  it("seed 004's ICP, then a fetch with its externalUserId: the matching company, a reason of each filter it sets", async () => {
    setDay('2026-03-03');
    await service.db.transaction().execute(async (tx) => {
      await saveCompanies(tx, [
        companyRecord.parse({
          ...{ id: 'seed-004', name: 'Seed Finance SA', industry: 'Finance', country: 'fr' },
          ...{ employeeCount: 300, revenue: 25_000_000 },
        }),
      ]);
      await savePeople(tx, [
        personRecord.parse({
          ...{
            id: 'seed-004-p',
            firstName: 'Lea',
            lastName: 'Roux',
            jobTitle: 'Software Engineer',
          },
          ...{ seniority: 'Director', department: 'Engineering', country: 'fr' },
          companyId: 'seed-004',
        }),
      ]);
    });
    const saved = await service.api('POST', ICP, { token: key, body: recommendationIcpRequest });
    const page = await fetchPage(recommendationIcpRequest.externalUserId, 0, 10);

    expect(saved.status).toBe(201);
    expect(page.companies.map((company) => company.name)).toEqual(['Seed Finance SA']);
    const reasons = page.companies[0]?.recommendation.reasons ?? [];
    // The seed sets neither `yearFounded` nor `includeDomains`: every other type of reason.
    expect(reasons.map((reason) => reason.type).sort()).toEqual(
      recommendationReasonTypes
        .filter((type) => type !== 'YEAR_FOUNDED_MATCH' && type !== 'DOMAIN_MATCH')
        .sort(),
    );
    expect(Object.fromEntries(reasons.map(({ type, score }) => [type, score]))).toEqual({
      INDUSTRY_MATCH: 100,
      JOB_TITLE_MATCH: 50,
      SENIORITY_MATCH: 33,
      DEPARTMENT_MATCH: 50,
      LOCATION_MATCH: 100,
      EMPLOYEE_COUNT_MATCH: 100,
      REVENUE_MATCH: 100,
    });
    expect(page.companies[0]).toMatchObject({ size: '201-500', hqCountry: 'fr' });
  });

  it("without externalUserId, fetches for the account's own ICP", async () => {
    setDay('2026-03-03');
    const own = await service.api('POST', ICP, {
      token: key,
      body: { people: { jobTitles: ['VP Sales'] } },
    });
    const response = await service.api('POST', FETCH, {
      token: key,
      body: { pagination: { from: 0, to: 100 } },
    });

    expect(own.status).toBe(201);
    expect(response.status).toBe(200);
    expect(response.body.pagination.totalAmount).toBe(Math.ceil(COMPANIES / 3));
  });

  it('walks three days: stable within a day, never repeated, then empty', async () => {
    await saveIcp('walker');
    const seen = new Set<string>();
    const totals: number[] = [];
    for (const day of ['2026-04-01', '2026-04-02', '2026-04-03']) {
      setDay(day, '00:00:00.000');
      const first = await wholeDay('walker', 30);
      setDay(day, '23:59:59.999');
      const again = await wholeDay('walker', 7);

      expect(again).toEqual(first);
      const names = first.map((company) => company.name);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) {
        expect(seen.has(name), `${name} came back on ${day}`).toBe(false);
        seen.add(name);
      }
      for (const company of first) {
        expect(company.recommendation.generatedAt).toBe(`${day}T00:00:00.000Z`);
      }
      totals.push(first.length);
    }
    setDay('2026-04-04');
    const empty = await fetchPage('walker', 0, 10);

    expect(totals).toEqual([100, 100, 50]);
    expect(seen.size).toBe(COMPANIES);
    expect(empty).toEqual({
      companies: [],
      pagination: { from: 0, to: 10, hasMore: false, totalAmount: 0 },
    });
  });

  it('pages as asked: from/to echoed, hasMore while the day holds more', async () => {
    setDay('2026-05-01');
    await saveIcp('pager');
    const first = await fetchPage('pager', 0, 40);
    const middle = await fetchPage('pager', 90, 100);
    const past = await fetchPage('pager', 100, 110);
    const whole = await fetchPage('pager', 0, 100);

    expect(first.pagination).toEqual({ from: 0, to: 40, hasMore: true, totalAmount: 100 });
    expect(middle.pagination).toEqual({ from: 90, to: 100, hasMore: false, totalAmount: 100 });
    expect(past.companies).toEqual([]);
    expect(past.pagination.hasMore).toBe(false);
    expect(first.companies).toEqual(whole.companies.slice(0, 40));
    expect(middle.companies).toEqual(whole.companies.slice(90, 100));
  });

  it('keeps recommendation.id for the same company, ICP and day, and no other', async () => {
    setDay('2026-06-01', '09:00:00.000');
    await saveIcp('ids-a');
    await saveIcp('ids-b');
    const morning = await fetchPage('ids-a', 0, 100);
    setDay('2026-06-01', '18:00:00.000');
    const evening = await fetchPage('ids-a', 0, 100);
    const otherIcp = await fetchPage('ids-b', 0, 100);
    const ids = (page: Page) => page.companies.map((company) => company.recommendation.id);

    expect(ids(evening)).toEqual(ids(morning));
    expect(new Set(ids(morning)).size).toBe(100);
    expect(ids(otherIcp).filter((id) => ids(morning).includes(id))).toEqual([]);
  });

  it('generates a day once when its first fetches race, and stores at most one day of answers', async () => {
    setDay('2026-07-01');
    const icp = await saveIcp('racer');
    const pages = await Promise.all(
      Array.from({ length: 6 }, () =>
        service.api('POST', FETCH, {
          token: key,
          body: { externalUserId: 'racer', pagination: { from: 0, to: 100 } },
        }),
      ),
    );
    const statuses = pages.map((page) => page.status);
    const days = await service.db
      .selectFrom('recommendation_days')
      .select(['day', 'company_count'])
      .where('icp_id', '=', icp.id)
      .execute();

    // They share one generation: none waits for a lead search slot of its own (no 429).
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    for (const page of pages) expect(page.body).toEqual(pages[0]?.body);
    expect(days).toEqual([{ day: '2026-07-01', company_count: 100 }]);

    setDay('2026-07-02');
    await fetchPage('racer', 0, 1);
    const kept = await service.db
      .selectFrom('recommended_companies')
      .select(({ fn }) => [
        'day',
        fn.countAll<number>().as('rows'),
        fn.count<number>('answer').as('answers'),
      ])
      .where('icp_id', '=', icp.id)
      .groupBy('day')
      .orderBy('day')
      .execute();
    expect(kept.map((row) => [row.day, Number(row.rows), Number(row.answers)])).toEqual([
      ['2026-07-01', 100, 0],
      ['2026-07-02', 100, 100],
    ]);
  });

  it('replacing the ICP keeps its history: the day stays as generated, the next day uses the new filters', async () => {
    setDay('2026-08-01');
    const first = await saveIcp('replacer');
    const before = await wholeDay('replacer');
    const replaced = await saveIcp('replacer', { people: { jobTitles: ['CTO'] } });
    const sameDay = await wholeDay('replacer');
    setDay('2026-08-02');
    const nextDay = await wholeDay('replacer');

    expect(replaced.id).toBe(first.id);
    expect(sameDay).toEqual(before);
    const earlier = new Set(before.map((company) => company.name));
    expect(nextDay).toHaveLength(100);
    for (const company of nextDay) {
      expect(earlier.has(company.name), `${company.name} came back`).toBe(false);
      expect(company.people).toEqual([expect.objectContaining({ jobTitle: 'CTO' })]);
      expect(company.recommendation.reasons.map((reason) => reason.type)).toEqual([
        'JOB_TITLE_MATCH',
      ]);
    }
  });

  it("keeps accounts apart: another account has its own ICP and history, never the other's", async () => {
    setDay('2026-09-01');
    const otherKey = await service.apiKeyFor('daily_other_account');
    await saveIcp('shared-user');
    const mine = await wholeDay('shared-user');
    const before = await service.api('POST', FETCH, {
      token: otherKey,
      body: { externalUserId: 'shared-user', pagination: { from: 0, to: 10 } },
    });
    await saveIcp('shared-user', ICP_BODY, otherKey);
    const theirs = await wholeDay('shared-user', 30, otherKey);
    const mineAgain = await wholeDay('shared-user');

    expect(before.status).toBe(404);
    expect(before.body).toEqual({ code: 404, message: expect.stringMatching(/shared-user/) });
    expect(theirs.map((company) => company.name)).toEqual(mine.map((company) => company.name));
    const ids = (companies: Company[]) => companies.map((company) => company.recommendation.id);
    expect(ids(theirs).filter((id) => ids(mine).includes(id))).toEqual([]);
    expect(mineAgain).toEqual(mine);
  });
});

describe('daily recommendations across services over one database', () => {
  let first: TestService;
  let second: TestService | undefined;
  const clock = () => new Date('2026-10-05T12:00:00.000Z');

  beforeAll(async () => {
    first = await startTestService({}, { now: clock });
    await seedLeads(first);
  });
  afterAll(async () => {
    await second?.stop();
    await first.stop();
  });

  it('another service (a restart, a replica) answers the same day with what was stored', async () => {
    const key = await first.apiKeyFor('restart_account');
    await first.api('POST', ICP, { token: key, body: { ...ICP_BODY, externalUserId: 'r' } });
    const body = { externalUserId: 'r', pagination: { from: 0, to: 100 } };
    const before = await first.api('POST', FETCH, { token: key, body });
    second = await startTestService({ DATABASE_URL: first.databaseUrl }, { now: clock });
    const after = await second.api('POST', FETCH, { token: key, body });

    expect(before.status).toBe(200);
    expect(after.body).toEqual(before.body);
    expect(before.body.companies).toHaveLength(100);
  });
});

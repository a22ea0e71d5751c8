/**
 * The daily quota of recommended companies, over HTTP: counted in unique companies fetched per
 * user and UTC day, a page that does not fit refused whole with 403 in the v2 error body, and
 * racing fetches on two services over one database never counting past it.
 */
import { companyRecord, personRecord } from '@icp/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCompanies, savePeople } from '../../src/leads/lead-records.repository.js';
import { startTestService, type TestService } from '../support/test-service.js';

const ICP = '/v2/recommendations/icp';
const FETCH = '/v2/recommendations/fetch';
const PER_DAY = 150;

/** 250 software companies, company i with 40 + i employees and a CTO. */
async function seedLeads(service: TestService): Promise<void> {
  const companies = Array.from({ length: 250 }, (_, index) =>
    companyRecord.parse({
      id: `co-${String(index).padStart(3, '0')}`,
      name: `Company ${index}`,
      industry: 'Software',
      country: 'fr',
      employeeCount: 40 + index,
    }),
  );
  const people = companies.map((company, index) =>
    personRecord.parse({
      id: `${company.id}-cto`,
      firstName: 'Ada',
      lastName: `Cto${index}`,
      jobTitle: 'CTO',
      country: 'fr',
      companyId: company.id,
    }),
  );
  await service.db.transaction().execute(async (tx) => {
    await saveCompanies(tx, companies);
    await savePeople(tx, people);
  });
}

/** Companies 0-99 (`small`), and 100-249 of which a day holds 100 (`large`). */
const ICPS = {
  small: { companies: { employeeCount: { from: 40, to: 139 } }, people: { jobTitles: ['CTO'] } },
  large: { companies: { employeeCount: { from: 140, to: 289 } }, people: { jobTitles: ['CTO'] } },
};

const exhausted = (resetsAt: string) => ({
  code: 403,
  message: `Daily quota of recommended companies exhausted: each user may fetch ${PER_DAY} companies per day; the quota resets at ${resetsAt}`,
});
const doesNotFit = (page: number, left: number, resetsAt: string) => ({
  code: 403,
  message: `This page's ${page} companies not fetched yet today do not fit in the daily quota of recommended companies: each user may fetch ${PER_DAY} companies per day and ${left} companies are left; a smaller page may fit; the quota resets at ${resetsAt}`,
});

describe('the daily quota of recommended companies (v2 fetch)', () => {
  let service: TestService;
  let replica: TestService | undefined;
  let clock = new Date('2026-03-02T08:00:00.000Z');
  const now = () => clock;

  const saveIcps = async (key: string) => {
    for (const [externalUserId, body] of Object.entries(ICPS)) {
      const saved = await service.api('POST', ICP, {
        token: key,
        body: { ...body, externalUserId },
      });
      expect(saved.status).toBe(201);
    }
  };
  const fetchPage = (key: string, externalUserId: string, from: number, to: number, on = service) =>
    on.api('POST', FETCH, { token: key, body: { externalUserId, pagination: { from, to } } });
  const countedToday = async (userId: string) => {
    const row = await service.db
      .selectFrom('recommended_companies_per_day')
      .select('companies')
      .where('user_id', '=', userId)
      .where('day', '=', clock.toISOString().slice(0, 10))
      .executeTakeFirst();
    return Number(row?.companies ?? 0);
  };

  beforeAll(async () => {
    service = await startTestService({ RECOMMENDED_COMPANIES_PER_DAY: String(PER_DAY) }, { now });
    await seedLeads(service);
  });
  afterAll(async () => {
    await replica?.stop();
    await service.stop();
  });

  it('counts unique companies, refuses a page that does not fit whole, and resets at UTC midnight', async () => {
    clock = new Date('2026-03-02T22:00:00.000Z');
    const key = await service.apiKeyFor('quota_user');
    await saveIcps(key);

    const small = await fetchPage(key, 'small', 0, 100);
    const again = await fetchPage(key, 'small', 0, 100);
    const firstLarge = await fetchPage(key, 'large', 0, 40);
    expect([small.status, again.status, firstLarge.status]).toEqual([200, 200, 200]);
    expect(again.body).toEqual(small.body);
    expect(await countedToday('quota_user')).toBe(140);

    // 20 new companies where 10 are left: refused whole, nothing counted.
    const refused = await fetchPage(key, 'large', 40, 60);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual(doesNotFit(20, 10, '2026-03-03T00:00:00.000Z'));
    expect(refused.headers.get('retry-after')).toBe(String(2 * 60 * 60));
    expect(await countedToday('quota_user')).toBe(140);

    const lastTen = await fetchPage(key, 'large', 40, 50);
    expect(lastTen.status).toBe(200);
    expect(lastTen.body.companies).toHaveLength(10);
    expect(await countedToday('quota_user')).toBe(PER_DAY);

    // What was fetched today reads again for free; past the day's companies is an empty page.
    const reread = await Promise.all([
      fetchPage(key, 'small', 20, 70),
      fetchPage(key, 'large', 0, 50),
      fetchPage(key, 'large', 100, 110),
    ]);
    expect(reread.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(reread[1]?.body.companies).toEqual([
      ...firstLarge.body.companies,
      ...lastTen.body.companies,
    ]);
    const usedUp = await fetchPage(key, 'large', 50, 51);
    expect(usedUp.status).toBe(403);
    expect(usedUp.body).toEqual(exhausted('2026-03-03T00:00:00.000Z'));

    // Another user has a quota of their own.
    const other = await service.apiKeyFor('quota_other');
    await saveIcps(other);
    expect((await fetchPage(other, 'large', 0, 100)).status).toBe(200);

    clock = new Date('2026-03-02T23:59:59.500Z');
    const lastSecond = await fetchPage(key, 'large', 50, 51);
    expect(lastSecond.status).toBe(403);
    expect(lastSecond.headers.get('retry-after')).toBe('1');

    clock = new Date('2026-03-03T00:00:00.000Z');
    const nextDay = await fetchPage(key, 'large', 0, 100);
    expect(nextDay.status).toBe(200);
    expect(nextDay.body.companies).toHaveLength(50);
    expect(await countedToday('quota_user')).toBe(50);
  });

  it('never counts past the quota when fetches race on two services over one database', async () => {
    clock = new Date('2026-03-04T09:00:00.000Z');
    replica = await startTestService(
      { DATABASE_URL: service.databaseUrl, RECOMMENDED_COMPANIES_PER_DAY: String(PER_DAY) },
      { now },
    );
    const key = await service.apiKeyFor('quota_racer');
    await saveIcps(key);
    // The day of each ICP generated first: a page past its companies counts nothing.
    for (const externalUserId of Object.keys(ICPS)) {
      expect((await fetchPage(key, externalUserId, 100, 101)).status).toBe(200);
    }
    const on = replica;

    // Four pages of 50 different companies where 150 fit: three are served, one is refused.
    const pages = await Promise.all([
      fetchPage(key, 'small', 0, 50, service),
      fetchPage(key, 'small', 50, 100, on),
      fetchPage(key, 'large', 0, 50, service),
      fetchPage(key, 'large', 50, 100, on),
    ]);
    const statuses = pages.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 200, 200, 403]);
    expect(await countedToday('quota_racer')).toBe(PER_DAY);

    // The same companies racing are counted once.
    const racer2 = await service.apiKeyFor('quota_racer_2');
    await saveIcps(racer2);
    const same = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        fetchPage(racer2, 'small', 0, 100, index % 2 === 0 ? service : on),
      ),
    );
    expect(same.map((response) => response.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await countedToday('quota_racer_2')).toBe(100);
  });
});

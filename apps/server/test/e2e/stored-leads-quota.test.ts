import { companyRecord, personRecord } from '@icp/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCompanies, savePeople } from '../../src/leads/lead-records.repository.js';
import { ATTACKS_SUITE, reportFigures } from '../support/suite-figures.js';
import { startTestService, type TestService } from '../support/test-service.js';

const ICPS = '/api/v1/entities/icps';
const LISTS = '/api/v1/entities/leadlists';
const QUOTA = 25;

const icpBody = {
  name: 'Sales directors',
  leadProviderCriteria: [{ provider: 'baseProvider', filters: { job_title: ['Sales Director'] } }],
  customFilterCriteria: [],
  userIds: [],
  leadsPerList: 10,
};

// Once, 74 lists of 2,851 leads in 16 s grew a database from 12 MB to 288 MB, and nothing said no.
describe('the daily quota of stored leads, over HTTP', () => {
  let service: TestService;
  let requests = 0;
  const api: TestService['api'] = (...args) => {
    requests += 1;
    return service.api(...args);
  };

  beforeAll(async () => {
    service = await startTestService({ LEADS_STORED_PER_DAY: String(QUOTA) });
    await service.db.transaction().execute(async (tx) => {
      await saveCompanies(tx, [companyRecord.parse({ id: 'c-1', name: 'Acme' })]);
      await savePeople(
        tx,
        Array.from({ length: 40 }, (_, n) =>
          personRecord.parse({
            ...{ id: `p-${String(n).padStart(2, '0')}`, firstName: 'Ana', lastName: `N${n}` },
            ...{ jobTitle: 'Sales Director', companyId: 'c-1' },
          }),
        ),
      );
    });
  });
  afterAll(async () => {
    reportFigures(ATTACKS_SUITE, { requestsSent: requests, faultsInjected: 0 });
    await service.stop();
  });

  it('refuses the list that would go over the quota with 429, saying when it resets', async () => {
    const key = await service.apiKeyFor('filler');
    const icp = (await api('POST', ICPS, { token: key, body: icpBody })).body;

    const first = await api('POST', `${ICPS}/${icp.id}/lead-lists`, { token: key });
    const second = await api('POST', `${ICPS}/${icp.id}/lead-lists`, { token: key });
    const third = await api('POST', `${ICPS}/${icp.id}/lead-lists`, { token: key });

    expect([first.status, second.status]).toEqual([201, 201]);
    expect(third.status).toBe(429);
    expect(third.body.error.code).toBe('TOO_MANY_REQUESTS');
    expect(third.body.error.message).toMatch(/quota resets at \d{4}-\d\d-\d\dT00:00:00\.000Z/);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await api('GET', LISTS, { token: key })).body).toHaveLength(2);

    // What is left today still fits a smaller list, and another user has a quota of their own.
    const small = await api('POST', `${ICPS}/${icp.id}/lead-lists`, {
      token: key,
      body: { size: QUOTA - 20 },
    });
    const otherKey = await service.apiKeyFor('other');
    const others = (await api('POST', ICPS, { token: otherKey, body: icpBody })).body;
    const other = await api('POST', `${ICPS}/${others.id}/lead-lists`, { token: otherKey });
    expect([small.status, other.status]).toEqual([201, 201]);
  });

  it('holds the quota against lists generated all at once', async () => {
    const key = await service.apiKeyFor('racer');
    const icp = (await api('POST', ICPS, { token: key, body: icpBody })).body;
    const statuses = await Promise.all(
      Array.from(
        { length: 8 },
        async () => (await api('POST', `${ICPS}/${icp.id}/lead-lists`, { token: key })).status,
      ),
    );

    expect(statuses.filter((status) => status === 201)).toHaveLength(2);
    expect(statuses.filter((status) => status === 429)).toHaveLength(6);
    expect((await api('GET', LISTS, { token: key })).body).toHaveLength(2);
  });
});

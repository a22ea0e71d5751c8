import { companyRecord, personRecord } from '@icp/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCompanies, savePeople } from '../../src/leads/lead-records.repository.js';
import { startTestService, type TestService } from '../support/test-service.js';

const ICPS = '/api/v1/entities/icps';
const PREVIEW_DRAFT = '/trpc/leadLists.previewDraft';

const ctos = [
  ['p-1', 'c-1'],
  ['p-2', 'c-1'],
  ['p-3', 'c-1'],
  ['p-4', 'c-2'],
  ['p-5', 'c-3'],
] as const;

const search = [{ provider: 'baseProvider', type: 'person', filters: { job_title: ['CTO'] } }];

describe('the preview of a draft profile, over HTTP', () => {
  let service: TestService;
  let key: string;
  const preview = async (body: Record<string, unknown>, token = key) =>
    service.api('POST', PREVIEW_DRAFT, {
      token,
      body: { body: { leadProviderCriteria: search, customFilterCriteria: [], ...body } },
    });

  beforeAll(async () => {
    service = await startTestService();
    key = await service.apiKeyFor('owner');
    await service.db.transaction().execute(async (tx) => {
      await saveCompanies(tx, [
        companyRecord.parse({ id: 'c-1', name: 'Acme' }),
        companyRecord.parse({ id: 'c-2', name: 'Globex' }),
        companyRecord.parse({ id: 'c-3', name: 'Test Corp' }),
      ]);
      await savePeople(
        tx,
        ctos.map(([id, companyId]) =>
          personRecord.parse({ id, firstName: 'Ana', lastName: id, jobTitle: 'CTO', companyId }),
        ),
      );
    });
  });
  afterAll(() => service?.stop());

  it('says how many leads a list of the draft’s size would hold after every filter', async () => {
    const answer = await preview({
      customFilterCriteria: [
        { type: 'maxPeoplePerCompany', value: 1 },
        { type: 'matchFieldWithRegex', field: 'company.name', regex: '^(?!.*Test).*$' },
      ],
      limit: 1,
      listSize: 10,
    });

    expect(answer.status).toBe(200);
    const found = answer.body.result.data;
    expect(found.total).toBe(5);
    expect(found.leads.map((lead: { person: { id: string } }) => lead.person.id)).toEqual(['p-1']);
    expect(found.list).toEqual({ requestedSize: 10, leadCount: 2, notCounted: [] });
    expect(found.notApplied).toEqual([]);
  });

  it('counts at most the list size, and answers as before when no size is asked for', async () => {
    const small = (await preview({ limit: 5, listSize: 3 })).body.result.data;
    expect(small.leads).toHaveLength(5);
    expect(small.list).toMatchObject({ requestedSize: 3, leadCount: 3 });

    const plain = (await preview({ limit: 5 })).body.result.data;
    expect(plain.list).toBeUndefined();
  });

  it('skips the leads of the edited profile’s earlier lists, and none of a new profile', async () => {
    const reuse = [{ type: 'minDaysUntilReuse', value: 365 }];
    const icp = await service.api('POST', ICPS, {
      token: key,
      body: {
        name: 'CTOs',
        leadProviderCriteria: search,
        customFilterCriteria: reuse,
        userIds: [],
        leadsPerList: 2,
      },
    });
    const made = await service.api('POST', `${ICPS}/${icp.body.id}/lead-lists`, { token: key });
    expect(made.body.leadCount).toBe(2);

    const edited = (
      await preview({ customFilterCriteria: reuse, listSize: 10, icpId: icp.body.id })
    ).body.result.data;
    expect(edited.list.leadCount).toBe(3);
    expect(edited.notApplied).toEqual([]);

    const fresh = (await preview({ customFilterCriteria: reuse, listSize: 10 })).body.result.data;
    expect(fresh.list.leadCount).toBe(5);
    expect(fresh.notApplied).toEqual([]);
  });

  it('refuses the profile of someone else, or none, as the profile being edited', async () => {
    const icp = await service.api('POST', ICPS, {
      token: key,
      body: { name: 'Mine', leadProviderCriteria: search, customFilterCriteria: [], userIds: [] },
    });
    const stranger = await service.apiKeyFor('stranger');

    const forbidden = await preview({ listSize: 10, icpId: icp.body.id }, stranger);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.data.appCode).toBe('FORBIDDEN');
    const missing = await preview({ icpId: '00000000-0000-4000-8000-000000000000' });
    expect(missing.status).toBe(404);
    const bad = await preview({ listSize: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.data.details[0].path).toEqual(['listSize']);
  });
});

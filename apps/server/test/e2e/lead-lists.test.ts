import { companyRecord, personRecord } from '@icp/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCompanies, savePeople } from '../../src/leads/lead-records.repository.js';
import { startTestService, type TestService } from '../support/test-service.js';

const ICPS = '/api/v1/entities/icps';
const LEAD_LISTS = '/api/v1/entities/leadlists';

const companies = [
  {
    id: 'c-acme',
    name: 'Acme GmbH',
    domain: 'acme.de',
    industry: 'Software',
    employeeCount: 420,
    country: 'de',
  },
  {
    id: 'c-alpen',
    name: 'Alpen Finanz AG',
    domain: 'alpen.at',
    industry: 'Finance',
    employeeCount: 1200,
    country: 'at',
  },
  {
    id: 'c-tiny',
    name: 'Tiny Inc.',
    domain: 'tiny.io',
    industry: 'Software',
    employeeCount: 12,
    country: 'us',
  },
].map((company) => companyRecord.parse(company));

const person = (
  id: string,
  jobTitle: string,
  companyId: string,
  country: string,
  source = 'provider',
) =>
  personRecord.parse({
    id,
    firstName: `First ${id}`,
    lastName: `Last ${id}`,
    jobTitle,
    companyId,
    country,
    email: `${id}@example.com`,
    source,
  });
const people = [
  person('p-1', 'CTO', 'c-acme', 'de'),
  person('p-2', 'Vice President of Engineering', 'c-acme', 'de'),
  person('p-3', 'VP Engineering', 'c-alpen', 'at'),
  person('p-4', 'Chief Technology Officer', 'c-alpen', 'at', 'crm'),
  person('p-5', 'CTO', 'c-tiny', 'us'),
  person('p-6', 'Head of Sales', 'c-acme', 'de'),
];

const dachTechLeaders = {
  name: 'DACH Tech Leaders',
  leadProviderCriteria: [
    {
      provider: 'baseProvider',
      type: 'person',
      filters: {
        job_title: ['CTO', 'VP Engineering'],
        location: { country: ['Germany', 'Austria', 'Switzerland'] },
        company: { employee_size: { min: 100, max: 5000 } },
      },
    },
  ],
  customFilterCriteria: [],
  userIds: ['teammate'],
  leadsPerList: 3,
};

describe('previews and lead lists', () => {
  let service: TestService;
  let owner: string;
  let teammate: string;
  let stranger: string;
  const createIcp = async (body: Record<string, unknown>) =>
    (await service.api('POST', ICPS, { token: owner, body: { ...dachTechLeaders, ...body } })).body;

  beforeAll(async () => {
    service = await startTestService();
    await service.db.transaction().execute(async (tx) => {
      await saveCompanies(tx, companies);
      await savePeople(tx, people);
    });
    owner = await service.apiKeyFor('owner');
    teammate = await service.apiKeyFor('teammate');
    stranger = await service.apiKeyFor('stranger');
  });
  afterAll(() => service.stop());

  it('previews how many people match and the first leads, with the reasons', async () => {
    const icp = await createIcp({});
    const response = await service.api('POST', `${ICPS}/${icp.id}/preview`, { token: owner });

    expect(response.status).toBe(200);
    expect(response.body.total).toBe(4);
    expect(response.body.leads.map((lead: { person: { id: string } }) => lead.person.id)).toEqual([
      'p-1',
      'p-2',
      'p-3',
      'p-4',
    ]);
    expect(response.body.leads[1].reasons).toContain(
      'job title "VP Engineering" matches "Vice President of Engineering"',
    );
    expect(response.body.notApplied).toEqual([]);
    expect(response.body.ignoredFilterKeys).toEqual([]);
  });

  it('takes a limit, and refuses a bad one after the ICP checks', async () => {
    const icp = await createIcp({});
    const limited = await service.api('POST', `${ICPS}/${icp.id}/preview`, {
      token: owner,
      body: { limit: 1 },
    });
    const bad = await service.api('POST', `${ICPS}/${icp.id}/preview`, {
      token: owner,
      body: { limit: 0, extra: true },
    });
    const badOnStrangersView = await service.api('POST', `${ICPS}/${icp.id}/preview`, {
      token: stranger,
      body: { limit: 0 },
    });

    expect(limited.body.leads).toHaveLength(1);
    expect(limited.body.total).toBe(4);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((detail: { path: unknown[] }) => detail.path)).toEqual(
      expect.arrayContaining([['limit'], ['extra']]),
    );
    expect(badOnStrangersView.status).toBe(403);
  });

  it('says plainly which filters could not be applied', async () => {
    const icp = await createIcp({
      customFilterCriteria: [{ type: 'ai', entityType: 'company', prompt: 'Is it a SaaS vendor?' }],
    });
    const response = await service.api('POST', `${ICPS}/${icp.id}/preview`, { token: owner });

    expect(response.body.notApplied).toEqual([
      { index: 0, type: 'ai', reason: expect.stringMatching(/no .*evaluator/i) },
    ]);
    expect(response.body.leads).toHaveLength(4);
  });

  it('generates a list of leadsPerList leads, records it, and shares it with the ICP members', async () => {
    const icp = await createIcp({});
    const created = await service.api('POST', `${ICPS}/${icp.id}/lead-lists`, { token: owner });

    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`${LEAD_LISTS}/${created.body.id}`);
    expect(created.body).toMatchObject({
      icpId: icp.id,
      createdBy: 'owner',
      requestedSize: 3,
      leadCount: 3,
      matchedCount: 4,
    });
    const read = await service.api('GET', `${LEAD_LISTS}/${created.body.id}`, { token: teammate });
    const teammateLists = await service.api('GET', LEAD_LISTS, { token: teammate });
    const strangerLists = await service.api('GET', LEAD_LISTS, { token: stranger });
    const ofIcp = await service.api('GET', `${ICPS}/${icp.id}/lead-lists`, { token: owner });

    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    expect(teammateLists.body.map((list: { id: string }) => list.id)).toContain(created.body.id);
    expect(teammateLists.body[0]).not.toHaveProperty('leads');
    expect(strangerLists.body).toEqual([]);
    expect(ofIcp.body.map((list: { id: string }) => list.id)).toEqual([created.body.id]);
  });

  it('takes another size in the body', async () => {
    const icp = await createIcp({});
    const created = await service.api('POST', `${ICPS}/${icp.id}/lead-lists`, {
      token: owner,
      body: { size: 1 },
    });

    expect(created.body.leadCount).toBe(1);
    expect(created.body.requestedSize).toBe(1);
  });

  it('leaves out people delivered within the reuse window', async () => {
    const icp = await createIcp({
      customFilterCriteria: [{ type: 'minDaysUntilReuse', value: 30 }],
    });
    const first = await service.api('POST', `${ICPS}/${icp.id}/lead-lists`, { token: owner });
    const second = await service.api('POST', `${ICPS}/${icp.id}/lead-lists`, { token: owner });

    expect(first.body.personIds).toEqual(['p-1', 'p-2', 'p-3']);
    expect(second.body.personIds).toEqual(['p-4']);
    expect(second.body.people.map((lead: { person: { id: string } }) => lead.person.id)).toEqual([
      'p-4',
    ]);
  });

  it('refuses to generate for an expired ICP (409), while it can still be previewed', async () => {
    const icp = await createIcp({ activeUntil: '2020-01-01T00:00:00Z' });
    const generated = await service.api('POST', `${ICPS}/${icp.id}/lead-lists`, { token: owner });
    const preview = await service.api('POST', `${ICPS}/${icp.id}/preview`, { token: owner });

    expect(generated.status).toBe(409);
    expect(generated.body.error.code).toBe('CONFLICT');
    expect(generated.body.error.message).toMatch(/expired/);
    expect(preview.status).toBe(200);
  });

  it('keeps lists to the ICP members: a stranger gets 403, and no token 401', async () => {
    const icp = await createIcp({});
    const created = await service.api('POST', `${ICPS}/${icp.id}/lead-lists`, { token: owner });

    const asStranger = await service.api('GET', `${LEAD_LISTS}/${created.body.id}`, {
      token: stranger,
    });
    const deleteAsStranger = await service.api('DELETE', `${LEAD_LISTS}/${created.body.id}`, {
      token: stranger,
    });
    const generateAsStranger = await service.api('POST', `${ICPS}/${icp.id}/lead-lists`, {
      token: stranger,
    });
    const anonymous = await service.api('GET', LEAD_LISTS);

    expect(asStranger.status).toBe(403);
    expect(deleteAsStranger.status).toBe(403);
    expect(generateAsStranger.status).toBe(403);
    expect(anonymous.status).toBe(401);
  });

  it('deletes a list (204), after which it is gone', async () => {
    const icp = await createIcp({});
    const created = await service.api('POST', `${ICPS}/${icp.id}/lead-lists`, { token: owner });
    const deleted = await service.api('DELETE', `${LEAD_LISTS}/${created.body.id}`, {
      token: teammate,
    });
    const read = await service.api('GET', `${LEAD_LISTS}/${created.body.id}`, { token: owner });

    expect(deleted.status).toBe(204);
    expect(read.status).toBe(404);
    expect(read.body.error.code).toBe('NOT_FOUND');
  });

  it('deleting the ICP keeps its lists, with icpId null, for those who saw them', async () => {
    const icp = await createIcp({});
    const created = await service.api('POST', `${ICPS}/${icp.id}/lead-lists`, { token: owner });
    const deleted = await service.api('DELETE', `${ICPS}/${icp.id}`, { token: owner });

    const read = await service.api('GET', `${LEAD_LISTS}/${created.body.id}`, { token: teammate });
    const asStranger = await service.api('GET', `${LEAD_LISTS}/${created.body.id}`, {
      token: stranger,
    });
    const teammateLists = await service.api('GET', LEAD_LISTS, { token: teammate });
    expect(deleted.status).toBe(204);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({
      ...created.body,
      icpId: null,
      userIds: ['owner', 'teammate'],
    });
    expect(asStranger.status).toBe(403);
    expect(teammateLists.body.map((list: { id: string }) => list.id)).toContain(created.body.id);
  });

  it('answers 404 for an unknown ICP or list, and 405 for other methods', async () => {
    const unknownIcp = await service.api(
      'POST',
      `${ICPS}/550e8400-e29b-41d4-a716-446655440000/lead-lists`,
      {
        token: owner,
      },
    );
    const unknownList = await service.api('GET', `${LEAD_LISTS}/nope`, { token: owner });
    const wrongMethod = await service.api('PUT', `${ICPS}/x/preview`, { token: owner });

    expect(unknownIcp.status).toBe(404);
    expect(unknownList.status).toBe(404);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it('refuses a preview body that is not JSON after the ICP checks', async () => {
    const icp = await createIcp({});
    const response = await service.api('POST', `${ICPS}/${icp.id}/preview`, {
      token: owner,
      body: 'limit=3',
      headers: { 'content-type': 'text/plain' },
    });

    expect(response.status).toBe(415);
  });
});

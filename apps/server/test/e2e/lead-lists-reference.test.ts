import {
  companyRecord,
  leadList,
  leadListDetail,
  MAX_LEAD_LIST_COMPANIES,
  MAX_LEAD_LIST_PEOPLE,
  MAX_LEAD_LIST_USERS,
  MAX_PROSPECTS_PER_CALL,
  personRecord,
} from '@icp/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCompanies, savePeople } from '../../src/leads/lead-records.repository.js';
import type { JsonResponse } from '../support/api-client.js';
import { startTestService, type TestService } from '../support/test-service.js';

/**
 * Every statement of the Lance reference's lead list pages (Create, List, Get, Delete, Add
 * Prospects, Get Leads by List), over HTTP, as VENDOR-APIS.md records them.
 */

const ICPS = '/api/v1/entities/icps';
const LEAD_LISTS = '/api/v1/entities/leadlists';
const ADMIN = 'admin';
const UNKNOWN_UUID = '550e8400-e29b-41d4-a716-446655440000';

const companies = [
  { id: 'c-acme', name: 'Acme GmbH', domain: 'acme.de', industry: 'Software', country: 'de' },
  { id: 'c-alpen', name: 'Alpen Finanz AG', domain: 'alpen.at', country: 'at' },
  { id: 'bullhorn-company-5', name: 'Bullhorn Client Corp', country: 'us' },
].map((company) => companyRecord.parse(company));

const people = [
  { id: 'p-1', jobTitle: 'CTO', companyId: 'c-acme', country: 'de' },
  { id: 'p-2', jobTitle: 'VP Engineering', companyId: 'c-alpen', country: 'at' },
  { id: 'p-lone', jobTitle: 'Consultant', country: 'de' },
  { id: 'bullhorn-77', jobTitle: 'Head of IT', companyId: 'bullhorn-company-5', source: 'crm' },
].map(({ id, ...fields }) =>
  personRecord.parse({ id, firstName: `First ${id}`, lastName: `Last ${id}`, ...fields }),
);

const period = { startDate: '2026-12-01T00:00:00+01:00', endDate: '2026-12-08T00:00:00Z' };

const idsOf = (items: { id: string }[]) => items.map((item) => item.id);
const personIdsOf = (items: { person: { id: string } }[]) => items.map((item) => item.person.id);

describe('lead lists as Lance publishes them', () => {
  let service: TestService;
  const token: Record<string, string> = {};
  const as = (user: string, method: string, path: string, body?: unknown): Promise<JsonResponse> =>
    service.api(method, path, { token: token[user], body });
  const createList = async (user: string, body: Record<string, unknown>) => {
    const response = await as(user, 'POST', LEAD_LISTS, {
      name: 'Hand-picked',
      icpId: null,
      ...period,
      personIds: [],
      ...body,
    });
    expect(response.status).toBe(201);
    return response.body;
  };
  const createIcp = async (user: string, userIds: string[] = []) =>
    (
      await as(user, 'POST', ICPS, {
        name: 'DACH CTOs',
        leadProviderCriteria: [
          { provider: 'baseProvider', type: 'person', filters: { job_title: ['CTO'] } },
        ],
        customFilterCriteria: [],
        userIds,
      })
    ).body;

  beforeAll(async () => {
    service = await startTestService({ ADMIN_USER_IDS: ADMIN });
    await service.db.transaction().execute(async (tx) => {
      await saveCompanies(tx, companies);
      await savePeople(tx, people);
    });
    for (const user of ['owner', 'teammate', 'stranger', ADMIN]) {
      token[user] = await service.apiKeyFor(user);
    }
  });
  afterAll(() => service.stop());

  describe('Create Lead List', () => {
    it('makes a list from personIds (201): the lead list object, type person by default', async () => {
      const response = await as('owner', 'POST', LEAD_LISTS, {
        name: '  Hand-picked  ',
        icpId: null,
        ...period,
        personIds: ['p-2', 'p-1', 'p-2'],
      });

      expect(response.status).toBe(201);
      expect(response.headers.get('location')).toBe(`${LEAD_LISTS}/${response.body.id}`);
      expect(leadListDetail.safeParse(response.body).success).toBe(true);
      expect(response.body).toMatchObject({
        icpId: null,
        name: 'Hand-picked',
        type: 'person',
        startDate: '2026-11-30T23:00:00.000Z',
        endDate: '2026-12-08T00:00:00.000Z',
        personIds: ['p-2', 'p-1'],
        companyIds: [],
        createdBy: 'owner',
        userIds: ['owner'],
        leadCount: 2,
        requestedSize: null,
        matchedCount: null,
        notApplied: [],
        crmSourcing: { status: 'not-requested', contacts: 0 },
      });
      expect(response.body.updatedAt).toBe(response.body.createdAt);
      expect(personIdsOf(response.body.people)).toEqual(['p-2', 'p-1']);
    });

    it('requires name, icpId (which may be null), startDate, endDate and personIds', async () => {
      const response = await as('owner', 'POST', LEAD_LISTS, {});

      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({
        code: 'BAD_REQUEST',
        message: 'Invalid request body',
      });
      expect(response.body.error.details).toEqual(
        expect.arrayContaining(
          ['name', 'icpId', 'startDate', 'endDate', 'personIds'].map((key) => ({
            path: [key],
            message: 'Required',
          })),
        ),
      );
      expect(response.body.error.details).not.toContainEqual(
        expect.objectContaining({ path: ['companyIds'] }),
      );
    });

    it('a 400 carries details naming each unknown id, and stores nothing', async () => {
      const before = await as('owner', 'GET', LEAD_LISTS);
      const response = await as('owner', 'POST', LEAD_LISTS, {
        name: 'Typos',
        icpId: null,
        ...period,
        personIds: ['p-1', 'p-nobody'],
        companyIds: ['c-nothing'],
      });
      const after = await as('owner', 'GET', LEAD_LISTS);

      expect(response.status).toBe(400);
      expect(response.body.error.details).toEqual([
        { path: ['personIds', 1], message: "No person with id 'p-nobody'" },
        { path: ['companyIds', 0], message: "No company with id 'c-nothing'" },
      ]);
      expect(after.body).toEqual(before.body);
    });

    it('refuses a type other than person or company, unknown keys, and an end before the start', async () => {
      const response = await as('owner', 'POST', LEAD_LISTS, {
        name: 'Bad',
        icpId: null,
        type: 'account',
        startDate: '2026-12-08T00:00:00Z',
        endDate: '2026-12-01T00:00:00Z',
        personIds: [],
        leadIds: [],
      });

      const backwards = await as('owner', 'POST', LEAD_LISTS, {
        name: 'Backwards',
        icpId: null,
        startDate: '2026-12-08T00:00:00Z',
        endDate: '2026-12-01T00:00:00Z',
        personIds: [],
      });

      expect(response.status).toBe(400);
      const paths = response.body.error.details.map((detail: { path: unknown[] }) => detail.path);
      expect(paths).toEqual(expect.arrayContaining([['type'], ['leadIds']]));
      expect(backwards.status).toBe(400);
      expect(backwards.body.error.details).toEqual([
        { path: ['endDate'], message: 'Must not be before startDate' },
      ]);
    });

    it('is bounded: at most so many personIds, companyIds and userIds', async () => {
      const response = await as('owner', 'POST', LEAD_LISTS, {
        name: 'Too long',
        icpId: null,
        ...period,
        personIds: Array.from({ length: MAX_LEAD_LIST_PEOPLE + 1 }, (_, index) => `p-${index}`),
        companyIds: Array.from({ length: MAX_LEAD_LIST_COMPANIES + 1 }, () => 'c-acme'),
        userIds: Array.from({ length: MAX_LEAD_LIST_USERS + 1 }, (_, index) => `user-${index}`),
      });

      expect(response.status).toBe(400);
      const paths = response.body.error.details.map((detail: { path: unknown[] }) => detail.path);
      expect(paths).toEqual([['personIds'], ['companyIds'], ['userIds']]);
    });

    it("with an icpId: the ICP must exist and be shared with the caller (Lance's messages)", async () => {
      const strangersIcp = await createIcp('stranger');
      const unknown = await as('owner', 'POST', LEAD_LISTS, {
        name: 'x',
        icpId: UNKNOWN_UUID,
        ...period,
        personIds: [],
      });
      const forbidden = await as('owner', 'POST', LEAD_LISTS, {
        name: 'x',
        icpId: strangersIcp.id,
        ...period,
        personIds: [],
      });

      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual({
        error: { code: 'NOT_FOUND', message: `ICP not found: ${UNKNOWN_UUID}` },
      });
      expect(forbidden.status).toBe(403);
      expect(forbidden.body).toEqual({
        error: { code: 'FORBIDDEN', message: 'You do not have access to this ICP' },
      });
    });

    it('a company list holds companyIds; personIds is still required', async () => {
      const list = await createList('owner', {
        type: 'company',
        companyIds: ['c-alpen', 'c-acme'],
      });

      expect(list).toMatchObject({
        type: 'company',
        companyIds: ['c-alpen', 'c-acme'],
        leadCount: 2,
      });
      expect(idsOf(list.companies)).toEqual(['c-alpen', 'c-acme']);
      expect(list.people).toEqual([]);
    });
  });

  describe('List Lead Lists', () => {
    it('no parameters; an array of the lists shared with the caller; an admin sees all', async () => {
      const icp = await createIcp('owner', ['teammate']);
      const ofIcp = await createList('owner', { icpId: icp.id, name: 'Of the ICP' });
      const given = await createList('owner', { userIds: ['teammate'], name: 'Given' });
      const own = await createList('owner', { name: 'Own' });
      const strangers = await createList('stranger', { name: "Stranger's" });

      const teammate = idsOf((await as('teammate', 'GET', LEAD_LISTS)).body);
      const stranger = idsOf((await as('stranger', 'GET', LEAD_LISTS)).body);
      const admin = await as(ADMIN, 'GET', LEAD_LISTS);

      expect(teammate).toEqual(expect.arrayContaining([ofIcp.id, given.id]));
      expect(teammate).not.toContain(own.id);
      expect(teammate).not.toContain(strangers.id);
      expect(stranger).toContain(strangers.id);
      expect(stranger).not.toEqual(expect.arrayContaining([ofIcp.id]));
      expect(stranger).not.toContain(own.id);
      expect(idsOf(admin.body)).toEqual(
        expect.arrayContaining([ofIcp.id, given.id, own.id, strangers.id]),
      );
      for (const list of admin.body) expect(leadList.safeParse(list).success).toBe(true);
      expect(admin.body[0]).not.toHaveProperty('people');
    });
  });

  describe('Get Lead List', () => {
    it("the list's fields plus its people, each with their company and, for CRM contacts, the CRM record", async () => {
      const created = await createList('owner', { personIds: ['bullhorn-77', 'p-1', 'p-lone'] });
      const response = await as('owner', 'GET', `${LEAD_LISTS}/${created.id.toUpperCase()}`);

      expect(response.status).toBe(200);
      expect(response.body).toEqual(created);
      const [crm, provider, lone] = response.body.people;
      expect(crm.crmRecord).toEqual({ provider: 'bullhorn', contactId: '77', companyId: '5' });
      expect(crm.company.name).toBe('Bullhorn Client Corp');
      expect(provider).toMatchObject({
        crmRecord: null,
        company: { id: 'c-acme', name: 'Acme GmbH' },
      });
      expect(lone).toMatchObject({ person: { id: 'p-lone' }, company: null });
    });

    it('members and admins only: another user gets 403, an unknown id 404', async () => {
      const created = await createList('owner', { personIds: ['p-1'] });
      const stranger = await as('stranger', 'GET', `${LEAD_LISTS}/${created.id}`);
      const admin = await as(ADMIN, 'GET', `${LEAD_LISTS}/${created.id}`);
      const unknown = await as('owner', 'GET', `${LEAD_LISTS}/${UNKNOWN_UUID}`);
      const notAnId = await as('owner', 'GET', `${LEAD_LISTS}/nope`);

      expect(stranger.status).toBe(403);
      expect(stranger.body).toEqual({
        error: { code: 'FORBIDDEN', message: 'You do not have access to this lead list' },
      });
      expect(admin.status).toBe(200);
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual({
        error: { code: 'NOT_FOUND', message: `LeadList with id '${UNKNOWN_UUID}' not found` },
      });
      expect(notAnId.body.error.message).toBe("LeadList with id 'nope' not found");
    });
  });

  describe('Get Leads by List', () => {
    it('the leads (person, company, CRM data), leaving out those whose company has no name', async () => {
      const created = await createList('owner', { personIds: ['p-lone', 'bullhorn-77', 'p-1'] });
      const response = await as('owner', 'GET', `${LEAD_LISTS}/${created.id}/leads`);

      expect(response.status).toBe(200);
      expect(personIdsOf(response.body)).toEqual(['bullhorn-77', 'p-1']);
      expect(response.body[0].crmRecord).toMatchObject({ provider: 'bullhorn' });
    });

    it('the companies of a company list', async () => {
      const created = await createList('owner', { type: 'company', companyIds: ['c-acme'] });
      const response = await as('owner', 'GET', `${LEAD_LISTS}/${created.id}/leads`);

      expect(idsOf(response.body)).toEqual(['c-acme']);
    });

    it('the same access as the list', async () => {
      const created = await createList('owner', { personIds: ['p-1'] });
      const response = await as('stranger', 'GET', `${LEAD_LISTS}/${created.id}/leads`);

      expect(response.status).toBe(403);
    });
  });

  describe('Add Prospects to Lead List', () => {
    it('stores people given as data in the lead database (lead revision stamped), then adds them', async () => {
      const created = await createList('owner', { personIds: ['p-1'] });
      const response = await as('owner', 'POST', `${LEAD_LISTS}/${created.id}/prospects`, {
        prospects: [
          { firstName: 'Ada', lastName: 'Lovelace', jobTitle: 'CTO', companyId: 'c-acme' },
          { firstName: 'Grace', lastName: 'Hopper', company: { name: 'Navy Labs', country: 'us' } },
          { firstName: 'Alan', lastName: 'Turing' },
        ],
      });

      expect(response.status).toBe(200);
      expect(response.body.personIds).toHaveLength(4);
      expect(response.body.leadCount).toBe(4);
      expect(response.body.updatedAt >= response.body.createdAt).toBe(true);
      const [, ada, grace, alan] = response.body.people;
      expect(ada).toMatchObject({
        person: { firstName: 'Ada', lastName: 'Lovelace', jobTitle: 'CTO', source: 'provider' },
        company: { id: 'c-acme' },
        crmRecord: null,
      });
      expect(grace.company).toMatchObject({ name: 'Navy Labs', country: 'us' });
      expect(alan).toMatchObject({ person: { jobTitle: '' }, company: null });

      const stored = await service.db
        .selectFrom('people')
        .select(['id', 'first_name', 'revision', 'crm_scope'])
        .where('id', 'in', response.body.personIds.slice(1))
        .execute();
      expect(stored.map((row) => row.first_name).sort()).toEqual(['Ada', 'Alan', 'Grace']);
      for (const row of stored) {
        expect(row.revision).toBeGreaterThan(0);
        expect(row.crm_scope).toBe(`leadlist:${created.id}`);
      }
      const read = await as('owner', 'GET', `${LEAD_LISTS}/${created.id}`);
      expect(read.body).toEqual(response.body);
    });

    it('firstName and lastName are required; nothing is stored when one is missing', async () => {
      const created = await createList('owner', { personIds: [] });
      const response = await as('owner', 'POST', `${LEAD_LISTS}/${created.id}/prospects`, {
        prospects: [{ firstName: 'Only' }, { lastName: 'Half', jobTitle: 'CTO' }],
      });
      const read = await as('owner', 'GET', `${LEAD_LISTS}/${created.id}`);

      expect(response.status).toBe(400);
      expect(response.body.error.details).toEqual([
        { path: ['prospects', 0, 'lastName'], message: 'Required' },
        { path: ['prospects', 1, 'firstName'], message: 'Required' },
      ]);
      expect(read.body.personIds).toEqual([]);
    });

    it('adds people of the lead database by id, once each; unknown ids are a 400 naming them', async () => {
      const created = await createList('owner', { personIds: ['p-1'] });
      const added = await as('owner', 'POST', `${LEAD_LISTS}/${created.id}/prospects`, {
        personIds: ['p-1', 'p-2', 'p-2'],
      });
      const unknown = await as('owner', 'POST', `${LEAD_LISTS}/${created.id}/prospects`, {
        personIds: ['p-lone', 'p-nobody'],
      });

      expect(added.status).toBe(200);
      expect(added.body.personIds).toEqual(['p-1', 'p-2']);
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.details).toEqual([
        { path: ['personIds', 1], message: "No person with id 'p-nobody'" },
      ]);
      expect((await as('owner', 'GET', `${LEAD_LISTS}/${created.id}`)).body.personIds).toEqual([
        'p-1',
        'p-2',
      ]);
    });

    it("another list's prospects are private to it: a user who cannot see that list cannot pick them", async () => {
      const strangers = await createList('stranger', {});
      const stored = await as('stranger', 'POST', `${LEAD_LISTS}/${strangers.id}/prospects`, {
        prospects: [{ firstName: 'Secret', lastName: 'Contact', jobTitle: 'CTO' }],
      });
      const secretId = stored.body.personIds[0];
      const mine = await createList('owner', {});
      const picked = await as('owner', 'POST', `${LEAD_LISTS}/${mine.id}/prospects`, {
        personIds: [secretId],
      });
      const created = await as('owner', 'POST', LEAD_LISTS, {
        name: 'x',
        icpId: null,
        ...period,
        personIds: [secretId],
      });
      const icp = await createIcp('owner');
      const preview = await as('owner', 'POST', `${ICPS}/${icp.id}/preview`, { limit: 100 });

      expect(picked.status).toBe(400);
      expect(picked.body.error.details[0].message).toBe(`No person with id '${secretId}'`);
      expect(created.status).toBe(400);
      expect(personIdsOf(preview.body.leads)).not.toContain(secretId);
    });

    it('is refused for company lists', async () => {
      const created = await createList('owner', { type: 'company', companyIds: ['c-acme'] });
      const response = await as('owner', 'POST', `${LEAD_LISTS}/${created.id}/prospects`, {
        personIds: ['p-1'],
      });

      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/person lead list/);
    });

    it('is bounded: at most so many prospects per call, and an empty body is refused', async () => {
      const created = await createList('owner', {});
      const tooMany = await as('owner', 'POST', `${LEAD_LISTS}/${created.id}/prospects`, {
        prospects: Array.from({ length: MAX_PROSPECTS_PER_CALL + 1 }, (_, index) => ({
          firstName: 'P',
          lastName: String(index),
        })),
      });
      const empty = await as('owner', 'POST', `${LEAD_LISTS}/${created.id}/prospects`, {});

      expect(tooMany.status).toBe(400);
      expect(tooMany.body.error.details[0].path).toEqual(['prospects']);
      expect(empty.status).toBe(400);
    });

    it('checks the list (404, 403) before the body', async () => {
      const created = await createList('owner', {});
      const stranger = await as('stranger', 'POST', `${LEAD_LISTS}/${created.id}/prospects`, {
        bad: true,
      });
      const unknown = await as('owner', 'POST', `${LEAD_LISTS}/${UNKNOWN_UUID}/prospects`, {
        bad: true,
      });

      expect(stranger.status).toBe(403);
      expect(unknown.status).toBe(404);
    });
  });

  describe('Delete Lead List', () => {
    it('204; the people and companies themselves are not deleted', async () => {
      const created = await createList('owner', { personIds: ['p-1'] });
      await as('owner', 'POST', `${LEAD_LISTS}/${created.id}/prospects`, {
        prospects: [{ firstName: 'Kept', lastName: 'Person' }],
      });
      const prospectId = (await as('owner', 'GET', `${LEAD_LISTS}/${created.id}`)).body
        .personIds[1];
      const deleted = await as('owner', 'DELETE', `${LEAD_LISTS}/${created.id}`);
      const read = await as('owner', 'GET', `${LEAD_LISTS}/${created.id}`);
      const kept = await service.db
        .selectFrom('people')
        .select('id')
        .where('id', 'in', ['p-1', prospectId])
        .execute();

      expect(deleted.status).toBe(204);
      expect(deleted.text).toBe('');
      expect(read.status).toBe(404);
      expect(kept).toHaveLength(2);
    });

    it("403 You do not have access to this lead list, 404 LeadList with id '<id>' not found", async () => {
      const created = await createList('owner', {});
      const stranger = await as('stranger', 'DELETE', `${LEAD_LISTS}/${created.id}`);
      const unknown = await as('owner', 'DELETE', `${LEAD_LISTS}/${UNKNOWN_UUID}`);

      expect(stranger.body.error.message).toBe('You do not have access to this lead list');
      expect(unknown.body.error.message).toBe(`LeadList with id '${UNKNOWN_UUID}' not found`);
      expect((await as('owner', 'GET', `${LEAD_LISTS}/${created.id}`)).status).toBe(200);
    });
  });

  describe('ICP delete', () => {
    it('lists made by hand for an ICP remain with icpId null; its members still see them, others do not', async () => {
      const icp = await createIcp('owner', ['teammate']);
      const created = await createList('teammate', { icpId: icp.id, personIds: ['p-1'] });
      expect((await as('owner', 'GET', `${LEAD_LISTS}/${created.id}`)).status).toBe(200);

      expect((await as('owner', 'DELETE', `${ICPS}/${icp.id}`)).status).toBe(204);
      const asOwner = await as('owner', 'GET', `${LEAD_LISTS}/${created.id}`);
      const asStranger = await as('stranger', 'GET', `${LEAD_LISTS}/${created.id}`);

      expect(asOwner.status).toBe(200);
      expect(asOwner.body).toMatchObject({ icpId: null, userIds: ['owner', 'teammate'] });
      expect(asOwner.body.personIds).toEqual(['p-1']);
      expect(asStranger.status).toBe(403);
    });
  });

  it('answers 405 for other methods, with Allow', async () => {
    const list = await as('owner', 'PUT', LEAD_LISTS);
    const leads = await as('owner', 'POST', `${LEAD_LISTS}/${UNKNOWN_UUID}/leads`);
    const prospects = await as('owner', 'GET', `${LEAD_LISTS}/${UNKNOWN_UUID}/prospects`);

    expect(list.status).toBe(405);
    expect(list.headers.get('allow')).toBe('GET, POST');
    expect(leads.headers.get('allow')).toBe('GET');
    expect(prospects.headers.get('allow')).toBe('POST');
  });

  it('without a token: 401 on every lead list endpoint', async () => {
    const statuses = await Promise.all(
      [
        ['GET', LEAD_LISTS],
        ['POST', LEAD_LISTS],
        ['GET', `${LEAD_LISTS}/${UNKNOWN_UUID}`],
        ['GET', `${LEAD_LISTS}/${UNKNOWN_UUID}/leads`],
        ['POST', `${LEAD_LISTS}/${UNKNOWN_UUID}/prospects`],
        ['DELETE', `${LEAD_LISTS}/${UNKNOWN_UUID}`],
      ].map(async ([method = 'GET', path = '']) => {
        const body = method === 'POST' ? {} : undefined;
        return (await service.api(method, path, { body })).status;
      }),
    );
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401]);
  });
});

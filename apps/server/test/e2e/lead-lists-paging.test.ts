import {
  type LeadList,
  leadList,
  MAX_LEAD_LIST_PAGE,
  MAX_LEAD_LIST_PAGE_NUMBER,
} from '@icp/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonResponse } from '../support/api-client.js';
import { startTestService, type TestService } from '../support/test-service.js';
import { callProcedure } from '../support/trpc-procedures.js';

/**
 * `GET /api/v1/entities/leadlists` stays an array of Lance's lead list objects, a page of them:
 * `page` and `size` (as Lance's prospect search names them), newest first, with `X-Total-Count`
 * and a `Link` to the next page; who sees which list is the same on every page.
 */

const ICPS = '/api/v1/entities/icps';
const LEAD_LISTS = '/api/v1/entities/leadlists';
const ADMIN = 'paging_admin';
const period = { startDate: '2026-12-01T00:00:00Z', endDate: '2026-12-08T00:00:00Z' };

const idsOf = (lists: { id: string }[]) => lists.map((list) => list.id);

/** Lance's order: newest first, then by id. */
const newestFirst = (lists: LeadList[]) =>
  [...lists].sort((a, b) =>
    a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? 1 : -1,
  );

describe('the list of lead lists, by pages', () => {
  let service: TestService;
  let clock = new Date('2026-12-03T08:00:00.000Z');
  const token: Record<string, string> = {};
  const made: Record<string, LeadList[]> = { owner: [], stranger: [], busy: [] };
  const as = (user: string, path: string): Promise<JsonResponse> =>
    service.api('GET', path, { token: token[user] });

  const createList = async (user: string, name: string, icpId: string | null = null) => {
    const response = await service.api('POST', LEAD_LISTS, {
      token: token[user],
      body: { name, icpId, ...period, personIds: [] },
    });
    expect(response.status, response.text).toBe(201);
    const { people: _people, companies: _companies, ...list } = response.body;
    return list as LeadList;
  };

  beforeAll(async () => {
    service = await startTestService({ ADMIN_USER_IDS: ADMIN }, { now: () => clock });
    for (const user of ['owner', 'teammate', 'stranger', 'busy', ADMIN]) {
      token[user] = await service.apiKeyFor(user);
    }
    const icp = await service.api('POST', ICPS, {
      token: token.owner,
      body: {
        name: 'Shared',
        leadProviderCriteria: [],
        customFilterCriteria: [],
        userIds: ['teammate'],
      },
    });
    expect(icp.status, icp.text).toBe(201);
    const tick = () => {
      clock = new Date(clock.getTime() + 1_000);
    };
    // Two of the owner's lists share a creation time: the id orders them.
    for (let index = 0; index < 5; index += 1) {
      if (index !== 3) tick();
      made.owner?.push(await createList('owner', `Own ${index}`));
    }
    for (let index = 0; index < 3; index += 1) {
      tick();
      made.owner?.push(await createList('owner', `Shared ${index}`, icp.body.id));
      tick();
      made.stranger?.push(await createList('stranger', `Stranger ${index}`));
    }
  });
  afterAll(() => service.stop());

  /** Every page of `size` the user gets, following each Link. */
  const allPages = async (user: string, size: number) => {
    const pages: JsonResponse[] = [];
    let path: string | undefined = `${LEAD_LISTS}?size=${size}`;
    while (path !== undefined) {
      const response = await as(user, path);
      expect(response.status, response.text).toBe(200);
      pages.push(response);
      path = /^<([^>]+)>; rel="next"$/.exec(response.headers.get('link') ?? '')?.[1];
      if (pages.length > 20) throw new Error('the pages never end');
    }
    return pages;
  };

  it('without page or size: the newest 100 in an array, the total, and no Link when that is all', async () => {
    const response = await as(ADMIN, LEAD_LISTS);

    expect(response.status).toBe(200);
    expect(Array.isArray(response.body)).toBe(true);
    const everyList = newestFirst([...(made.owner ?? []), ...(made.stranger ?? [])]);
    expect(idsOf(response.body)).toEqual(idsOf(everyList));
    expect(response.body.every((list: unknown) => leadList.safeParse(list).success)).toBe(true);
    expect(response.headers.get('x-total-count')).toBe(String(everyList.length));
    expect(response.headers.get('link')).toBeNull();
  });

  it('pages of `size`, newest first then by id, each with the total and a Link to the next', async () => {
    const pages = await allPages('owner', 3);

    const expected = newestFirst(made.owner ?? []);
    expect(pages.map((page) => page.body.length)).toEqual([3, 3, 2]);
    expect(pages.flatMap((page) => idsOf(page.body))).toEqual(idsOf(expected));
    expect(pages.map((page) => page.headers.get('x-total-count'))).toEqual(['8', '8', '8']);
    expect(pages.map((page) => page.headers.get('link'))).toEqual([
      `<${LEAD_LISTS}?page=1&size=3>; rel="next"`,
      `<${LEAD_LISTS}?page=2&size=3>; rel="next"`,
      null,
    ]);
    const past = await as('owner', `${LEAD_LISTS}?page=9&size=3`);
    expect(past.status).toBe(200);
    expect(past.body).toEqual([]);
    expect(past.headers.get('x-total-count')).toBe('8');
    expect(past.headers.get('link')).toBeNull();
  });

  it('a member sees the lists shared with them on every page, and nothing else; an admin all', async () => {
    const teammate = await allPages('teammate', 2);
    const stranger = await allPages('stranger', 1);
    const admin = await allPages(ADMIN, 4);

    const shared = (made.owner ?? []).filter((list) => list.icpId !== null);
    expect(teammate.flatMap((page) => idsOf(page.body))).toEqual(idsOf(newestFirst(shared)));
    expect(teammate[0]?.headers.get('x-total-count')).toBe('3');
    expect(stranger.flatMap((page) => idsOf(page.body))).toEqual(
      idsOf(newestFirst(made.stranger ?? [])),
    );
    expect(stranger.map((page) => page.headers.get('x-total-count'))).toEqual(['3', '3', '3']);
    const all = admin.flatMap((page) => idsOf(page.body));
    expect(new Set(all).size).toBe(11);
    expect(all).toHaveLength(11);
    expect(admin[0]?.headers.get('x-total-count')).toBe('11');
  });

  it(`a caller that sends nothing gets the newest ${MAX_LEAD_LIST_PAGE} and a Link to the rest`, async () => {
    for (let index = 0; index <= MAX_LEAD_LIST_PAGE; index += 1) {
      clock = new Date(clock.getTime() + 1_000);
      made.busy?.push(await createList('busy', `Busy ${index}`));
    }
    const expected = newestFirst(made.busy ?? []);

    const first = await as('busy', LEAD_LISTS);
    expect(idsOf(first.body)).toEqual(idsOf(expected.slice(0, MAX_LEAD_LIST_PAGE)));
    expect(first.headers.get('x-total-count')).toBe(String(MAX_LEAD_LIST_PAGE + 1));
    expect(first.headers.get('link')).toBe(
      `<${LEAD_LISTS}?page=1&size=${MAX_LEAD_LIST_PAGE}>; rel="next"`,
    );
    const rest = await as('busy', `${LEAD_LISTS}?page=1`);
    expect(idsOf(rest.body)).toEqual(idsOf(expected.slice(MAX_LEAD_LIST_PAGE)));
    expect(rest.headers.get('link')).toBeNull();
  }, 60_000);

  it('a page or size out of range, or not a whole number, is a 400 naming it', async () => {
    const cases: [string, string][] = [
      ['page=-1', 'page'],
      [`page=${MAX_LEAD_LIST_PAGE_NUMBER + 1}`, 'page'],
      ['page=first', 'page'],
      ['page=', 'page'],
      ['size=0', 'size'],
      [`size=${MAX_LEAD_LIST_PAGE + 1}`, 'size'],
      ['size=1.5', 'size'],
      ['page=0&size=ten', 'size'],
    ];
    for (const [query, name] of cases) {
      const response = await as('owner', `${LEAD_LISTS}?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.code, query).toBe('BAD_REQUEST');
      expect(response.body.error.details.map((detail: { path: unknown }) => detail.path)).toEqual([
        [name],
      ]);
      expect(response.headers.get('x-total-count')).toBeNull();
    }
    expect((await service.api('GET', `${LEAD_LISTS}?page=0`)).status).toBe(401);
  });

  it('the tRPC procedures take the same page: list answers its lists, listPage the total too', async () => {
    const expected = idsOf(newestFirst(made.owner ?? []));
    const list = await callProcedure(
      service.api,
      'leadLists.list',
      token.owner,
      '{"page":1,"size":3}',
    );
    expect(idsOf(list.body.result.data)).toEqual(expected.slice(3, 6));
    const all = await callProcedure(service.api, 'leadLists.list', token.owner);
    expect(idsOf(all.body.result.data)).toEqual(expected);
    const page = await callProcedure(
      service.api,
      'leadLists.listPage',
      token.owner,
      '{"page":2,"size":3}',
    );
    expect(page.body.result.data).toMatchObject({ page: 2, size: 3, total: 8 });
    expect(idsOf(page.body.result.data.lists)).toEqual(expected.slice(6));
    const bad = await callProcedure(service.api, 'leadLists.list', token.owner, '{"size":0}');
    expect(bad.status).toBe(400);
  });
});

import {
  type Icp,
  MAX_ICP_LIST_PAGE,
  MAX_ICPS_SHARED_WITH_USER,
  MAX_OTHER_FILTER_VALUE_BYTES,
} from '@icp/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonResponse } from '../support/api-client.js';
import { icpBody } from '../support/icp-bodies.js';
import { reportFigures } from '../support/suite-figures.js';
import { startTestService, type TestService } from '../support/test-service.js';
import { callProcedure } from '../support/trpc-procedures.js';

const ICPS = '/api/v1/entities/icps';
const VICTIM = 'user_victim';
const FLOODERS = ['user_flooder_1', 'user_flooder_2', 'user_flooder_3'];
/** ICPs near the size limit shared with the victim (the rest of the cap is filled with small ones). */
const LARGE_ICPS = 100;

/** Filters a provider might send: 15 keys of its own, each just under their size bound. */
const bulkyFilters = (keys: number, bytes = MAX_OTHER_FILTER_VALUE_BYTES - 100) =>
  Object.fromEntries(
    Array.from({ length: keys }, (_, index) => [`provider_param_${index}`, 'x'.repeat(bytes)]),
  );
const sharedWithVictim = (name: string, filters: Record<string, unknown> = {}) =>
  icpBody({
    name,
    userIds: [VICTIM],
    leadProviderCriteria: [
      { provider: 'baseProvider', filters: { job_title: ['CTO'], ...filters } },
    ],
  });

/** Runs `work` over `items`, `concurrency` at a time. */
async function inParallel<T, R>(items: T[], concurrency: number, work: (item: T) => Promise<R>) {
  const results: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index] as T);
      }
    }),
  );
  return results;
}

const idsOf = (icps: Icp[]) => icps.map((icp) => icp.id);
const inListOrder = (icps: Icp[]) =>
  [...icps].sort((a, b) =>
    a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1,
  );

describe('a hostile flood of shared ICPs', () => {
  let service: TestService;
  const keys: Record<string, string> = {};
  const figures = { requestsSent: 0, faultsInjected: 0 };
  const as = async (user: string, method: string, path: string, body?: unknown) => {
    figures.requestsSent += 1;
    return service.api(method, path, { token: keys[user], body });
  };
  const hostile = (user: string, method: string, path: string, body?: unknown) => {
    figures.faultsInjected += 1;
    return as(user, method, path, body);
  };
  const victimList = async () => {
    const started = performance.now();
    const response = await as(VICTIM, 'GET', ICPS);
    return { response, ms: performance.now() - started };
  };
  /** Follows `Link: rel="next"` from the first page of `limit`, collecting every page. */
  const allPages = async (limit: number) => {
    const pages: JsonResponse[] = [];
    let path: string | null = `${ICPS}?limit=${limit}`;
    while (path !== null) {
      const page = await as(VICTIM, 'GET', path);
      expect(page.status, page.text.slice(0, 300)).toBe(200);
      pages.push(page);
      path = /^<([^>]+)>; rel="next"$/.exec(page.headers.get('link') ?? '')?.[1] ?? null;
    }
    return pages;
  };

  beforeAll(async () => {
    service = await startTestService({ RATE_LIMIT_RPS: '0' });
    for (const user of [VICTIM, ...FLOODERS, 'user_bystander']) {
      keys[user] = await service.apiKeyFor(user);
    }
  });
  afterAll(async () => {
    reportFigures('hostile flood', figures);
    await service?.stop();
  });

  it('an ICP over the size limits is refused with a 400 naming the field, and stores nothing', async () => {
    const oneKeyTooLarge = await hostile(
      FLOODERS[0] as string,
      'POST',
      ICPS,
      sharedWithVictim('Too large a key', bulkyFilters(1, MAX_OTHER_FILTER_VALUE_BYTES)),
    );
    expect(oneKeyTooLarge.status).toBe(400);
    expect(oneKeyTooLarge.body.error.details).toEqual([
      {
        path: ['leadProviderCriteria', 0, 'filters', 'provider_param_0'],
        message: expect.stringContaining('at most 16 KiB of JSON'),
      },
    ]);
    const tooLargeInAll = await hostile(
      FLOODERS[0] as string,
      'POST',
      ICPS,
      sharedWithVictim('Too large in all', bulkyFilters(17)),
    );
    expect(tooLargeInAll.status).toBe(400);
    expect(tooLargeInAll.body.error.details).toEqual([
      { path: ['leadProviderCriteria'], message: expect.stringContaining('at most 256 KiB') },
    ]);
    expect((await victimList()).response.body).toEqual([]);
  });

  it(`${LARGE_ICPS} ICPs of ~240 KiB shared with a victim leave their list a 200 holding every one`, async () => {
    const own = await as(VICTIM, 'POST', ICPS, icpBody({ name: 'My own' }));
    expect(own.status).toBe(201);
    const flooded = await inParallel(
      Array.from({ length: LARGE_ICPS }, (_, index) => index),
      8,
      async (index) => {
        const flooder = FLOODERS[index % FLOODERS.length] as string;
        const body = sharedWithVictim(`Flood ${index}`, bulkyFilters(15));
        expect(JSON.stringify(body).length).toBeGreaterThan(230 * 1024);
        const created = await hostile(flooder, 'POST', ICPS, body);
        expect(created.status, created.text.slice(0, 300)).toBe(201);
        return created.body as Icp;
      },
    );
    const expected = inListOrder([own.body, ...flooded]);

    const { response, ms } = await victimList();
    console.log(
      `hostile flood: the victim's list of ${expected.length} ICPs (${Math.round(response.text.length / 2 ** 20)} MiB) answered ${response.status} in ${Math.round(ms)} ms`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(idsOf(response.body)).toEqual(idsOf(expected));
    expect(response.body).toEqual(expected);
    // A generous bound for a noisy machine; the list took 7 s and then failed.
    expect(ms).toBeLessThan(10_000);

    // The same list page by page, in the same order, each page linking to the next.
    const pages = await allPages(30);
    expect(pages.map((page) => page.body.length)).toEqual([30, 30, 30, 11]);
    expect(pages.flatMap((page) => idsOf(page.body))).toEqual(idsOf(expected));
    expect(pages.at(-1)?.headers.get('link')).toBeNull();
    // A cursor without a limit: everything after it.
    const cursor = new URL(
      `http://x${/<([^>]+)>/.exec(pages[0]?.headers.get('link') ?? '')?.[1]}`,
    ).searchParams.get('cursor');
    const rest = await as(VICTIM, 'GET', `${ICPS}?cursor=${cursor}`);
    expect(idsOf(rest.body)).toEqual(idsOf(expected).slice(30));
    const largest = await allPages(MAX_ICP_LIST_PAGE);
    expect(largest.map((page) => page.body.length)).toEqual([MAX_ICP_LIST_PAGE, 1]);

    // The web app's call, without input, and the same with a page.
    const trpcAll = await callProcedure(service.api, 'icp.list', keys[VICTIM]);
    expect(trpcAll.body.result.data.map((icp: Icp) => icp.id)).toEqual(idsOf(expected));
    const trpcPage = await callProcedure(service.api, 'icp.list', keys[VICTIM], '{"limit":5}');
    expect(trpcPage.body.result.data.map((icp: Icp) => icp.id)).toEqual(
      idsOf(expected).slice(0, 5),
    );
  }, 60_000);

  it('a bad page is a 400 naming the query parameter', async () => {
    const cases: [string, string][] = [
      ['limit=0', 'limit'],
      [`limit=${MAX_ICP_LIST_PAGE + 1}`, 'limit'],
      ['limit=ten', 'limit'],
      ['limit=1.5', 'limit'],
      ['limit=5&cursor=not-a-cursor', 'cursor'],
      [`cursor=${Buffer.from('["yesterday","x"]').toString('base64url')}`, 'cursor'],
    ];
    for (const [query, name] of cases) {
      const response = await as(VICTIM, 'GET', `${ICPS}?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.code).toBe('BAD_REQUEST');
      expect(response.body.error.details[0].path, query).toEqual([name]);
    }
  });

  it(`others can share at most ${MAX_ICPS_SHARED_WITH_USER} ICPs with a user: the next share is a 409 naming them`, async () => {
    const shared = async () =>
      ((await victimList()).response.body as Icp[]).filter((icp) => icp.name !== 'My own');
    const placesLeft = 5;
    const small = Array.from(
      { length: MAX_ICPS_SHARED_WITH_USER - LARGE_ICPS - placesLeft },
      (_, index) => index,
    );
    await inParallel(small, 16, async (index) => {
      const created = await hostile(
        FLOODERS[index % FLOODERS.length] as string,
        'POST',
        ICPS,
        sharedWithVictim(`Small ${index}`),
      );
      expect(created.status, created.text.slice(0, 300)).toBe(201);
    });

    // Racing creates (on PostgreSQL, over several connections) cannot all take the last places.
    const racing = await Promise.all(
      Array.from({ length: 4 * placesLeft }, (_, index) =>
        hostile(
          FLOODERS[index % FLOODERS.length] as string,
          'POST',
          ICPS,
          sharedWithVictim(`Race ${index}`),
        ),
      ),
    );
    expect(racing.filter((response) => response.status === 201)).toHaveLength(placesLeft);
    for (const refused of racing.filter((response) => response.status !== 201)) {
      expect(refused.status).toBe(409);
    }
    expect(await shared()).toHaveLength(MAX_ICPS_SHARED_WITH_USER);

    // Over the cap: a create naming the victim among others is refused whole.
    const refused = await hostile(FLOODERS[0] as string, 'POST', ICPS, {
      ...sharedWithVictim('One too many'),
      userIds: ['user_bystander', VICTIM],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CONFLICT');
    expect(refused.body.error.details).toEqual([
      {
        path: ['userIds', 1],
        message: expect.stringContaining(`${MAX_ICPS_SHARED_WITH_USER} ICPs`),
      },
    ]);
    expect((await as('user_bystander', 'GET', ICPS)).body).toEqual([]);

    // ...and so is an update adding them, which changes nothing.
    const ownOfFlooder = await as(FLOODERS[0] as string, 'POST', ICPS, icpBody({ name: 'Mine' }));
    const patched = await hostile(
      FLOODERS[0] as string,
      'PATCH',
      `${ICPS}/${ownOfFlooder.body.id}`,
      {
        userIds: [FLOODERS[0], VICTIM],
      },
    );
    expect(patched.status).toBe(409);
    expect(patched.body.error.details[0].path).toEqual(['userIds', 1]);
    const unchanged = await as(FLOODERS[0] as string, 'GET', `${ICPS}/${ownOfFlooder.body.id}`);
    expect(unchanged.body).toEqual(ownOfFlooder.body);

    // The victim's own ICPs do not count, and leaving a shared ICP frees a place.
    expect((await as(VICTIM, 'POST', ICPS, icpBody({ name: 'My own' }))).status).toBe(201);
    const [first] = await shared();
    const left = await as(VICTIM, 'PATCH', `${ICPS}/${first?.id}`, {
      userIds: (first?.userIds ?? []).filter((userId) => userId !== VICTIM),
    });
    expect(left.status).toBe(200);
    const again = await hostile(
      FLOODERS[1] as string,
      'POST',
      ICPS,
      sharedWithVictim('In the freed place'),
    );
    expect(again.status).toBe(201);

    const { response, ms } = await victimList();
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(MAX_ICPS_SHARED_WITH_USER + 2);
    console.log(
      `hostile flood: the victim's list at the cap (${response.body.length} ICPs, ${Math.round(response.text.length / 2 ** 20)} MiB) answered in ${Math.round(ms)} ms`,
    );
  }, 120_000);
});

import {
  companyRecord,
  type Icp,
  icp,
  icpCreateInput,
  icpPatchInput,
  leadListCreateInput,
  leadListDetail,
  leadListInput,
  leadListProspectsInput,
  leadPreview,
  leadPreviewInput,
  personRecord,
  recommendationFetchInput,
  recommendationFetchResult,
  recommendationIcp,
  recommendationIcpInput,
  scheduleInput,
  scheduleSetResult,
} from '@icp/schema';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { saveCompanies, savePeople } from '../../src/leads/lead-records.repository.js';
import type { JsonResponse } from '../support/api-client.js';
import { type BrokenBody, brokenBody, strangeBody } from '../support/fuzz/broken-bodies.js';
import { expectRefused, expectWellFormed, mustAccept } from '../support/fuzz/http-oracle.js';
import { leadListCreateBody, leadListProspectsBody } from '../support/fuzz/lead-list-bodies.js';
import { scheduleBody } from '../support/fuzz/schedule-bodies.js';
import {
  fetchExternalUserId,
  icpCreateBody,
  icpPatchBody,
  leadListBody,
  leadPreviewBody,
  recommendationFetchBody,
  recommendationIcpBody,
  text,
} from '../support/fuzz/valid-bodies.js';
import { reportFigures } from '../support/suite-figures.js';
import { startTestService, type TestService } from '../support/test-service.js';
import { callProcedure, PROCEDURE_PATHS } from '../support/trpc-procedures.js';

const ICPS = '/api/v1/entities/icps';
const LEAD_LISTS = '/api/v1/entities/leadlists';
const V2 = '/v2/recommendations';
/** Generated requests per property; each property sends one to three requests per run. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const OWNER = 'user_fuzz_owner';
const ADMIN = 'user_fuzz_admin';

const figures = { requests: 0, accepted: 0, refused: 0 };
const refusedHow = new Map<string, number>();

/** A generated body: valid as generated, or broken in a known way. */
const sentBody = (valid: fc.Arbitrary<unknown>): fc.Arbitrary<BrokenBody> =>
  fc.oneof(
    {
      weight: 2,
      arbitrary: valid.map((body) => ({
        how: 'valid',
        raw: JSON.stringify(body),
        alwaysRefused: false,
      })),
    },
    { weight: 2, arbitrary: brokenBody(valid) },
    { weight: 1, arbitrary: strangeBody },
  );

const withoutServerFields = ({ id, createdAt, updatedAt, ...rest }: Icp) => rest;
/**
 * The same JSON, key order included. (Not toStrictEqual: an own key named `constructor`, which
 * a provider may use among its filters, is read there as the object's type.)
 */
const expectSameJson = (actual: unknown, expected: unknown) =>
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));

/** A create body with nothing but a name. */
const plainIcp = (name: string) =>
  JSON.stringify({ name, leadProviderCriteria: [], customFilterCriteria: [], userIds: [] });

/** A value as it travels in JSON (zod may hand back objects without a prototype). */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));

describe(`fuzzing every endpoint with generated bodies (seed ${SEED})`, () => {
  let service: TestService;
  let ownerKey: string;
  let adminKey: string;
  /** The path each answer came from, so that its error body is judged by the path's rules. */
  const pathOf = new WeakMap<JsonResponse, string>();

  const send = async (
    method: string,
    path: string,
    options: { raw?: string; token?: string; headers?: Record<string, string> } = {},
  ): Promise<JsonResponse> => {
    figures.requests += 1;
    const { raw, token = ownerKey, headers } = options;
    const answer = await service.api(method, path, { token, body: raw, headers });
    expectWellFormed(answer, path);
    pathOf.set(answer, path);
    return answer;
  };

  /** Sends `sent`; the API must accept it exactly when `schema` does, and refuse it otherwise. */
  const judged = async (
    schema: z.ZodType,
    sent: BrokenBody,
    request: (raw: string) => Promise<JsonResponse>,
    answersWhenValid: (status: number) => boolean = (status) => status < 300,
  ): Promise<{ accepted: boolean; response: JsonResponse }> => {
    const accepted = !sent.alwaysRefused && mustAccept(schema, sent.raw);
    const response = await request(sent.raw);
    if (accepted) {
      figures.accepted += 1;
      expect(answersWhenValid(response.status), JSON.stringify(response.body)).toBe(true);
    } else {
      figures.refused += 1;
      refusedHow.set(sent.how, (refusedHow.get(sent.how) ?? 0) + 1);
      expectRefused(response, pathOf.get(response) ?? '');
    }
    return { accepted, response };
  };

  const check = <T extends unknown[]>(property: fc.IAsyncProperty<T>) =>
    fc.assert(property, { numRuns: RUNS, seed: SEED });

  beforeAll(async () => {
    service = await startTestService({ ADMIN_USER_IDS: ADMIN });
    ownerKey = await service.apiKeyFor(OWNER);
    adminKey = await service.apiKeyFor(ADMIN);
  });
  afterAll(async () => {
    reportFigures('fuzzer', { requestsSent: figures.requests });
    console.log(
      `fuzzer (seed ${SEED}): ${figures.accepted} valid bodies accepted (every stored one read back exactly), ` +
        `${figures.refused} refused with a 400: ${[...refusedHow]
          .map(([how, count]) => `${count} ${how}`)
          .join(', ')}`,
    );
    await service?.stop();
  });

  it('POST /icps: every valid body is stored exactly as the schema reads it; nothing else is stored', async () => {
    let stored = 0;
    await check(
      fc.asyncProperty(sentBody(icpCreateBody), async (sent) => {
        const { accepted, response } = await judged(icpCreateInput, sent, (raw) =>
          send('POST', ICPS, { raw }),
        );
        if (!accepted) return;
        stored += 1;
        const body = JSON.parse(sent.raw);
        const expected = asJson(icpCreateInput.parse(body)) as Icp;
        expect(response.status).toBe(201);
        expect(icp.safeParse(response.body).success).toBe(true);
        expect(withoutServerFields(response.body)).toEqual({
          ...expected,
          userIds: [...new Set([...expected.userIds, OWNER])],
        });
        // Provider filters are kept as sent, byte for byte, whatever keys a provider uses.
        expectSameJson(response.body.leadProviderCriteria, body.leadProviderCriteria);
        const read = await send('GET', `${ICPS}/${response.body.id}`);
        expectSameJson(read.body, response.body);
        expect(read.headers.get('etag')).toBe(response.headers.get('etag'));
      }),
    );
    const listed = await send('GET', ICPS);
    expect(listed.body).toHaveLength(stored);
  });

  it('PATCH /icps/{id}: a valid patch changes what it names and nothing else; a refused one changes nothing', async () => {
    const created = await send('POST', ICPS, {
      raw: plainIcp('Patched'),
    });
    let current: Icp = created.body;
    let etag = created.headers.get('etag');
    const path = `${ICPS}/${current.id}`;
    // An admin patches, so a patch that takes the owner out of `userIds` stops nothing.
    await check(
      fc.asyncProperty(sentBody(icpPatchBody), async (sent) => {
        const { accepted, response } = await judged(icpPatchInput, sent, (raw) =>
          send('PATCH', path, { raw, token: adminKey }),
        );
        const read = await send('GET', path, { token: adminKey });
        if (!accepted) {
          expectSameJson(read.body, current);
          expect(read.headers.get('etag')).toBe(etag);
          return;
        }
        const patch = asJson(icpPatchInput.parse(JSON.parse(sent.raw))) as Partial<Icp>;
        const { updatedAt, ...unchanged } = current;
        expect(response.status).toBe(200);
        expect({ ...response.body, updatedAt: undefined }).toEqual({
          ...unchanged,
          ...patch,
          ...(patch.userIds === undefined ? {} : { userIds: [...new Set(patch.userIds)] }),
          updatedAt: undefined,
        });
        expectSameJson(read.body, response.body);
        current = response.body;
        etag = response.headers.get('etag');
      }),
    );
  });

  it('POST /icps/{id}/preview and /lead-lists: valid bodies answer, refused ones record nothing', async () => {
    const created = await send('POST', ICPS, {
      raw: plainIcp('Previewed'),
    });
    const path = `${ICPS}/${created.body.id}`;
    await check(
      fc.asyncProperty(sentBody(leadPreviewBody), async (sent) => {
        const { accepted, response } = await judged(leadPreviewInput, sent, (raw) =>
          send('POST', `${path}/preview`, { raw }),
        );
        if (accepted) expect(leadPreview.safeParse(response.body).success).toBe(true);
      }),
    );
    let generated = 0;
    await check(
      fc.asyncProperty(sentBody(leadListBody), async (sent) => {
        const { accepted, response } = await judged(leadListInput, sent, (raw) =>
          send('POST', `${path}/lead-lists`, { raw }),
        );
        if (!accepted) return;
        generated += 1;
        expect(response.status).toBe(201);
        expect(leadListDetail.safeParse(response.body).success).toBe(true);
      }),
    );
    const lists = await send('GET', `${path}/lead-lists`);
    expect(lists.body).toHaveLength(generated);
  });

  it('POST /leadlists and /leadlists/{id}/prospects: valid bodies are stored and read back, refused ones store nothing', async () => {
    const personIds = ['fuzz-p-1', 'fuzz-p-2', 'fuzz-p-3'];
    const companyIds = ['fuzz-c-1', 'fuzz-c-2'];
    await service.db.transaction().execute(async (tx) => {
      await saveCompanies(
        tx,
        companyIds.map((id) => companyRecord.parse({ id, name: `Company ${id}` })),
      );
      await savePeople(
        tx,
        personIds.map((id) =>
          personRecord.parse({
            id,
            firstName: 'F',
            lastName: id,
            jobTitle: 'CTO',
            companyId: 'fuzz-c-1',
          }),
        ),
      );
    });
    const icp = await send('POST', ICPS, { raw: plainIcp('Lists by hand') });
    const icpIds = [null, icp.body.id as string];
    const stored = new Set<string>([...personIds, ...companyIds]);
    // The API's rule: the schema's, and every id naming a stored record.
    const createRule = leadListCreateInput.refine((body) =>
      [...body.personIds, ...body.companyIds].every((id) => stored.has(id)),
    );
    // The list answers a page; its total counts every list.
    const listCount = async () =>
      Number((await send('GET', LEAD_LISTS)).headers.get('x-total-count'));
    const before = await listCount();
    let created = 0;
    await check(
      fc.asyncProperty(
        sentBody(leadListCreateBody(personIds, companyIds, icpIds)),
        async (sent) => {
          const { accepted, response } = await judged(createRule, sent, (raw) =>
            send('POST', LEAD_LISTS, { raw }),
          );
          if (!accepted) return;
          created += 1;
          expect(response.status).toBe(201);
          const body = leadListCreateInput.parse(JSON.parse(sent.raw));
          expect(response.body).toMatchObject({
            name: body.name,
            type: body.type,
            icpId: body.icpId,
            startDate: body.startDate,
            endDate: body.endDate,
            personIds: [...new Set(body.personIds)],
            companyIds: [...new Set(body.companyIds)],
          });
          const read = await send('GET', `${LEAD_LISTS}/${response.body.id}`);
          expect(read.body).toEqual(response.body);
        },
      ),
    );
    expect(await listCount()).toBe(before + created);

    const target = await send('POST', LEAD_LISTS, {
      raw: JSON.stringify({
        name: 'Prospects',
        icpId: null,
        startDate: '2026-12-01T00:00:00Z',
        endDate: '2026-12-02T00:00:00Z',
        personIds: [],
      }),
    });
    const path = `${LEAD_LISTS}/${target.body.id}/prospects`;
    const prospectsRule = leadListProspectsInput.refine((body) =>
      (body.personIds ?? []).every((id) => stored.has(id)),
    );
    let people: string[] = [];
    await check(
      fc.asyncProperty(sentBody(leadListProspectsBody(personIds)), async (sent) => {
        const { accepted, response } = await judged(prospectsRule, sent, (raw) =>
          send('POST', path, { raw }),
        );
        const read = await send('GET', `${LEAD_LISTS}/${target.body.id}`);
        if (!accepted) {
          expect(read.body.personIds).toEqual(people);
          return;
        }
        const body = leadListProspectsInput.parse(JSON.parse(sent.raw));
        const picked = [...new Set(body.personIds ?? [])].filter((id) => !people.includes(id));
        expect(response.body.personIds).toHaveLength(
          people.length + picked.length + (body.prospects?.length ?? 0),
        );
        expect(response.body.personIds.slice(0, people.length + picked.length)).toEqual([
          ...people,
          ...picked,
        ]);
        expect(read.body).toEqual(response.body);
        people = response.body.personIds;
      }),
    );
  });

  it('PUT /icps/{id}/schedule: every valid schedule is read back as set; a refused one changes nothing', async () => {
    const created = await send('POST', ICPS, { raw: plainIcp('Scheduled') });
    const path = `${ICPS}/${created.body.id}/schedule`;
    let current: unknown = null;
    await check(
      fc.asyncProperty(sentBody(scheduleBody), async (sent) => {
        const { accepted, response } = await judged(scheduleInput, sent, (raw) =>
          send('PUT', path, { raw }),
        );
        const read = await send('GET', path);
        // What was set; its state (next delivery, deliveries) moves with the clock.
        const { nextDeliveryAt, deliveries, ...set } = read.body;
        if (accepted) {
          expect(scheduleSetResult.safeParse(response.body).success).toBe(true);
          expect(response.body).toMatchObject(scheduleInput.parse(JSON.parse(sent.raw)));
          current = set;
        }
        if (current === null) expect(read.status).toBe(404);
        else expect(set).toEqual(current);
      }),
    );
    if (current !== null) expect((await send('DELETE', path)).status).toBe(204);
  });

  it('POST /v2/recommendations/icp: every valid body is saved as the schema reads it, and read back', async () => {
    await check(
      fc.asyncProperty(sentBody(recommendationIcpBody), async (sent) => {
        const { accepted, response } = await judged(recommendationIcpInput, sent, (raw) =>
          send('POST', `${V2}/icp`, { raw }),
        );
        if (!accepted) return;
        const { id, ...saved } = recommendationIcp.parse(response.body);
        expect(asJson(saved)).toEqual(asJson(recommendationIcpInput.parse(JSON.parse(sent.raw))));
        const query =
          saved.externalUserId === undefined
            ? ''
            : `?externalUserId=${encodeURIComponent(saved.externalUserId)}`;
        const read = await send('GET', `${V2}/icp${query}`);
        const { companies = {}, people = {} } = response.body;
        expectSameJson(read.body, {
          icpFilters: [{ id, type: 'DECLARED_ICP', companies, people }],
          pagination: { hasMore: false, limit: 10, totalAmount: 1 },
        });
      }),
    );
  });

  it('POST /v2/recommendations/fetch: a page for a saved ICP, 404 for an unknown user, 400 for a bad page', async () => {
    // An account of its own, so which of its users have an ICP is known here.
    const token = await service.apiKeyFor('user_fuzz_fetcher');
    const savedFor = 'fuzz-saved-user';
    const saved = await send('POST', `${V2}/icp`, {
      token,
      raw: JSON.stringify({ externalUserId: savedFor, people: { seniorities: ['C-Level'] } }),
    });
    expect(saved.status).toBe(201);
    const users = fc.oneof(fc.constant(savedFor), fetchExternalUserId);
    await check(
      fc.asyncProperty(sentBody(recommendationFetchBody(users)), async (sent) => {
        const { accepted, response } = await judged(
          recommendationFetchInput,
          sent,
          (raw) => send('POST', `${V2}/fetch`, { raw, token }),
          (status) => status === 200 || status === 404,
        );
        if (!accepted) return;
        const { externalUserId: user, pagination } = recommendationFetchInput.parse(
          JSON.parse(sent.raw),
        );
        if (user !== savedFor) {
          expect(response.status).toBe(404);
          return;
        }
        const page = recommendationFetchResult.parse(response.body);
        expect(page.pagination).toMatchObject(pagination);
      }),
    );
  });

  it('query strings, path ids and headers: anything sent gets an answer, never a 5xx', async () => {
    const created = await send('POST', ICPS, {
      raw: plainIcp('Headers'),
    });
    const headerValue = fc.string({ unit: 'grapheme-ascii', maxLength: 300 });
    await check(
      fc.asyncProperty(
        fc.dictionary(text(12), text(30), { maxKeys: 3 }),
        fc.oneof(text(40), fc.uuid()).filter((id) => !['', '.', '..'].includes(id)),
        headerValue,
        headerValue,
        async (query, id, ifMatch, idempotencyKey) => {
          await send('GET', `${V2}/icp?${new URLSearchParams(query)}`);
          const segment = encodeURIComponent(id);
          for (const path of [`${ICPS}/${segment}`, `/api/v1/entities/leadlists/${segment}`]) {
            const response = await send('GET', path);
            expect([404, 405]).toContain(response.status);
          }
          // Unknown paths of the v1 and v2 API: a 404 in their body (judged by send).
          for (const prefix of ['/v1/people/search', '/v2/recommendations/icp']) {
            expect((await send('GET', `${prefix}/${segment}`)).status).toBe(404);
          }
          const filters = await send(
            'GET',
            `/v1/people/search/filters?${new URLSearchParams(query)}`,
          );
          expect(filters.status).toBe(200);
          const patched = await send('PATCH', `${ICPS}/${created.body.id}`, {
            raw: '{}',
            headers: { 'if-match': ifMatch },
          });
          expect([200, 400, 412]).toContain(patched.status);
          const posted = await send('POST', ICPS, {
            raw: plainIcp('With a key'),
            headers: { 'idempotency-key': idempotencyKey },
          });
          expect([201, 400]).toContain(posted.status);
        },
      ),
    );
  });

  it('every tRPC procedure: any input gets a 4xx or an answer, never a 5xx', async () => {
    expect(PROCEDURE_PATHS.length).toBeGreaterThan(10);
    await check(
      fc.asyncProperty(fc.constantFrom(...PROCEDURE_PATHS), strangeBody, async (name, sent) => {
        figures.requests += 1;
        const response = await callProcedure(service.api, name, ownerKey, sent.raw);
        expect(response.status, response.text).toBeLessThan(500);
      }),
    );
  });
});

import { type Icp, icpCreateInput, leadPreview, leadProviderCriteria } from '@icp/schema';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertIcp } from '../../src/icp/icp.repository.js';
import { storeGeneratedDataset } from '../../src/leads/dataset/store-generated.js';
import { criteriaNearTheCaps } from '../support/fuzz/valid-bodies.js';
import { icpBody } from '../support/icp-bodies.js';
import { reportFigures } from '../support/suite-figures.js';
import { startTestService, type TestService } from '../support/test-service.js';
import { callProcedure } from '../support/trpc-procedures.js';

const ICPS = '/api/v1/entities/icps';
/** Bodies near the caps are large (up to 10,000 values): a quarter of the fuzzer's runs. */
const RUNS = Math.max(10, Math.floor(Number(process.env.FUZZ_RUNS ?? 400) / 4));
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

const list = (count: number, value: (index: number) => string) =>
  Array.from({ length: count }, (_, index) => value(index));

describe(`previews of ICPs at and near the caps the schema sets (seed ${SEED})`, () => {
  let service: TestService;
  let key: string;
  let requests = 0;
  const send = async (method: string, path: string, body?: unknown) => {
    requests += 1;
    return service.api(method, path, { token: key, body });
  };
  const previewDraft = async (body: unknown) => {
    requests += 1;
    return callProcedure(service.api, 'leadLists.previewDraft', key, JSON.stringify({ body }));
  };

  beforeAll(async () => {
    service = await startTestService();
    key = await service.apiKeyFor('user_caps');
    // A small lead set: the property is about what runs at all, not how fast.
    await storeGeneratedDataset(service.db, { seed: 7, companies: 40 });
  }, 60_000);
  afterAll(async () => {
    reportFigures('previews at the caps', { requestsSent: requests });
    await service?.stop();
  });

  it('any criteria the schema accepts are stored, and preview without a 5xx, saved or as a draft', async () => {
    await fc.assert(
      fc.asyncProperty(
        criteriaNearTheCaps,
        fc.constantFrom([], [{ type: 'maxPeoplePerCompany', value: 1 }]),
        fc.integer({ min: 1, max: 100 }),
        async (criteria, customFilterCriteria, limit) => {
          const body = icpBody({ leadProviderCriteria: criteria, customFilterCriteria } as never);
          expect(icpCreateInput.safeParse(body).success).toBe(true);
          const created = await send('POST', ICPS, body);
          expect(created.status, created.text.slice(0, 500)).toBe(201);
          const preview = await send('POST', `${ICPS}/${created.body.id}/preview`, { limit });
          expect(preview.status, preview.text.slice(0, 500)).toBe(200);
          expect(leadPreview.safeParse(preview.body).success).toBe(true);
          const draft = await previewDraft({
            leadProviderCriteria: criteria,
            customFilterCriteria,
            limit,
          });
          expect(draft.status, draft.text.slice(0, 500)).toBe(200);
          await send('DELETE', `${ICPS}/${created.body.id}`);
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  }, 120_000);

  it('the cases that used to fail with a 500 are now refused with a 400 naming the field', async () => {
    const cases = [
      {
        filters: { job_title: list(994, (i) => `Engineer ${i}`) },
        path: ['leadProviderCriteria', 0, 'filters', 'job_title'],
      },
      {
        filters: { location: { city: list(33_000, (i) => `c${i}`) } },
        path: ['leadProviderCriteria', 0, 'filters', 'location', 'city'],
      },
    ];
    const stored = await send('POST', ICPS, icpBody());
    for (const { filters, path } of cases) {
      const criteria = [{ provider: 'baseProvider', filters }];
      expect(leadProviderCriteria.safeParse(criteria).success).toBe(false);
      const created = await send(
        'POST',
        ICPS,
        icpBody({ leadProviderCriteria: criteria } as never),
      );
      expect(created.status).toBe(400);
      expect(created.body.error.details.map((detail: { path: unknown }) => detail.path)).toEqual([
        path,
      ]);
      const patched = await send('PATCH', `${ICPS}/${stored.body.id}`, {
        leadProviderCriteria: criteria,
      });
      expect(patched.status).toBe(400);
      expect(patched.body.error.details[0].path).toEqual(path);
      const draft = await previewDraft({
        leadProviderCriteria: criteria,
        customFilterCriteria: [],
      });
      expect(draft.status).toBe(400);
      expect(draft.body.error.data.details[0].path).toEqual(path);
    }
    // Refused writes changed nothing.
    const read = await send('GET', `${ICPS}/${stored.body.id}`);
    expect(read.body).toEqual(stored.body);
  });

  it('an ICP saved before the caps, beyond them, previews as a 409 naming the list, not a 500', async () => {
    const now = new Date().toISOString();
    const saved: Icp = {
      id: crypto.randomUUID(),
      name: 'Saved before the caps',
      description: null,
      createdAt: now,
      updatedAt: now,
      leadProviderCriteria: [
        { provider: 'baseProvider', filters: { job_title: list(994, (i) => `Engineer ${i}`) } },
      ],
      customFilterCriteria: [],
      crmFilters: null,
      userIds: ['user_caps'],
      leadsPerList: 10,
      activeUntil: null,
    };
    await service.db.transaction().execute((tx) => insertIcp(tx, saved, 'user_caps'));
    const preview = await send('POST', `${ICPS}/${saved.id}/preview`);
    expect(preview.status, preview.text.slice(0, 300)).toBe(409);
    expect(preview.body.error.details[0].path).toEqual([
      'leadProviderCriteria',
      0,
      'filters',
      'job_title',
    ]);
  });
});

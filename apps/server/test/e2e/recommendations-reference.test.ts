import { companyRecord, personRecord } from '@icp/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCompanies, savePeople } from '../../src/leads/lead-records.repository.js';
import type { JsonResponse } from '../support/api-client.js';
import { startTestService, type TestService } from '../support/test-service.js';

/*
 * The v2 recommendations API as its published reference states it. The client's types are
 * written here from that reference, on purpose not imported from the schema package: a change of
 * ours that breaks a caller written against the reference fails here.
 */

type Range = { from: number; to: number };
type IcpCompanies = {
  employeeCount?: Range;
  industries?: string[];
  primaryLocations?: string[];
  revenue?: Range;
};
type IcpPeople = {
  countries?: string[];
  departments?: string[];
  jobTitles?: string[];
  seniorities?: string[];
};
type UpsertIcpRequest = { companies?: IcpCompanies; externalUserId?: string; people?: IcpPeople };
type SavedIcp = UpsertIcpRequest & { id: string };
type GetIcpResponse = {
  icpFilters: { id: string; type: 'DECLARED_ICP'; companies: IcpCompanies; people: IcpPeople }[];
  pagination: { hasMore: boolean; limit: number; totalAmount: number };
};
type FetchRequest = { externalUserId?: string; pagination: { from: number; to: number } };
type Location = {
  country: string | null;
  region: string | null;
  regionCode: string | null;
  locality: string | null;
  postalCode: string | null;
  streetAddress: string | null;
  latitude: number | null;
  longitude: number | null;
  primary: boolean;
};
type Person = {
  firstName: string;
  lastName: string;
  jobTitle: string | null;
  departments: string[];
  seniorities: string[];
  country: string | null;
  location: string | null;
  linkedinUrl: string | null;
  summary: string | null;
  currentJobDescription: string | null;
};
type Reason = {
  type: string;
  score: number;
  title: string;
  shortDescription: string;
  description: string;
};
type Company = {
  name: string;
  domain: string | null;
  description: string | null;
  employeeCount: number | null;
  size: string | null;
  yearFounded: number | null;
  industries: string[];
  keywords: string[];
  hqAddress: string | null;
  hqCountry: string | null;
  linkedInURL: string | null;
  logo: string | null;
  locations: Location[];
  people: Person[];
  recommendation: { id: string; generatedAt: string; reasons: Reason[] };
};
type FetchResponse = { companies: Company[]; pagination: { hasMore: boolean } };
type ErrorBody = { code: number; message: string };

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }
}

/** A client of the reference's three ICP endpoints and Get Filters. */
function recommendationsClient(baseUrl: string, apiKey: string) {
  async function call<T>(method: string, path: string, expected: number, body?: unknown) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${apiKey}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json: unknown = await response.json();
    if (response.status !== expected) throw new ApiError(response.status, json as ErrorBody);
    return json as T;
  }
  return {
    upsertIcp: (body: UpsertIcpRequest) =>
      call<SavedIcp>('POST', '/v2/recommendations/icp', 201, body),
    getIcp: (externalUserId?: string) =>
      call<GetIcpResponse>(
        'GET',
        `/v2/recommendations/icp${externalUserId === undefined ? '' : `?externalUserId=${encodeURIComponent(externalUserId)}`}`,
        200,
      ),
    fetchRecommendations: (body: FetchRequest) =>
      call<FetchResponse>('POST', '/v2/recommendations/fetch', 200, body),
    getFilters: () => call<{ seniorities: string[] }>('GET', '/v1/people/search/filters', 200),
  };
}

const REFERENCE_SENIORITIES = [
  'Board Member',
  'C-Level',
  'Director',
  'Founder',
  'Head',
  'Manager',
  'Other',
  'Owner',
  'Partner',
  'VP',
];

async function refusal(request: Promise<unknown>): Promise<ApiError> {
  const error = await request.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

const COMPANY_KEYS = [
  'name',
  'domain',
  'description',
  'employeeCount',
  'size',
  'yearFounded',
  'industries',
  'keywords',
  'hqAddress',
  'hqCountry',
  'linkedInURL',
  'logo',
  'locations',
  'people',
  'recommendation',
];
const LOCATION_KEYS = [
  'country',
  'region',
  'regionCode',
  'locality',
  'postalCode',
  'streetAddress',
  'latitude',
  'longitude',
  'primary',
];
const PERSON_KEYS = [
  'firstName',
  'lastName',
  'jobTitle',
  'departments',
  'seniorities',
  'country',
  'location',
  'linkedinUrl',
  'summary',
  'currentJobDescription',
];
const REASON_KEYS = ['type', 'score', 'title', 'shortDescription', 'description'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('a client written from the reference', () => {
  let service: TestService;
  let client: ReturnType<typeof recommendationsClient>;
  let now = new Date('2026-02-09T07:30:00.000Z');

  beforeAll(async () => {
    service = await startTestService({}, { now: () => now });
    client = recommendationsClient(service.url, await service.apiKeyFor('reference_account'));
    await service.db.transaction().execute(async (tx) => {
      await saveCompanies(tx, [
        companyRecord.parse({
          ...{ id: 'c-ref', name: 'Reference SAS', industry: 'Software', country: 'fr' },
          employeeCount: 80,
        }),
      ]);
      await savePeople(tx, [
        personRecord.parse({
          ...{ id: 'p-ref', firstName: 'Lou', lastName: 'Martin', jobTitle: 'Board Member' },
          ...{ companyId: 'c-ref', seniority: 'Board Member', country: 'fr' },
        }),
      ]);
    });
  });
  afterAll(() => service.stop());

  it('upserts, gets, then fetches', async () => {
    const request: UpsertIcpRequest = {
      companies: { industries: ['Software'], primaryLocations: ['fr'] },
      externalUserId: 'ref-user-1',
      people: { seniorities: ['Board Member'] },
    };

    const saved = await client.upsertIcp(request);
    const got = await client.getIcp('ref-user-1');
    const fetched = await client.fetchRecommendations({
      externalUserId: 'ref-user-1',
      pagination: { from: 0, to: 10 },
    });

    expect(saved).toEqual({ ...request, id: expect.any(String) });
    expect(got).toEqual({
      icpFilters: [
        {
          id: saved.id,
          type: 'DECLARED_ICP',
          companies: request.companies,
          people: request.people,
        },
      ],
      pagination: { hasMore: false, limit: 10, totalAmount: 1 },
    });
    expect(fetched.companies).toHaveLength(1);
    expect(fetched.pagination.hasMore).toBe(false);
    const [company] = fetched.companies as [Company];
    expect(Object.keys(company)).toEqual(COMPANY_KEYS);
    expect(company).toMatchObject({
      name: 'Reference SAS',
      employeeCount: 80,
      size: '51-200',
      industries: ['Software'],
      hqCountry: 'fr',
    });
    expect(Object.keys(company.locations[0] ?? {})).toEqual(LOCATION_KEYS);
    expect(company.people.map((person) => Object.keys(person))).toEqual([PERSON_KEYS]);
    expect(company.people[0]).toMatchObject({
      seniorities: ['Board Member'],
      jobTitle: 'Board Member',
    });
    expect(company.recommendation.id).toMatch(UUID);
    expect(company.recommendation.generatedAt).toBe(now.toISOString());
    const industry = company.recommendation.reasons.find(
      (reason) => reason.type === 'INDUSTRY_MATCH',
    );
    expect(Object.keys(industry ?? {})).toEqual(REASON_KEYS);
    expect(industry?.score).toBe(100);
  });

  it('without pagination, the fetch is refused with a 400', async () => {
    const error = await refusal(
      client.fetchRecommendations({ externalUserId: 'ref-user-1' } as FetchRequest),
    );

    expect(error.status).toBe(400);
    expect(error.body).toMatchObject({ code: 400, message: expect.any(String) });
  });

  it('upserts, gets, then fetches over three days: stable within a day, never repeated, then over', async () => {
    await service.db.transaction().execute(async (tx) => {
      await saveCompanies(
        tx,
        Array.from({ length: 230 }, (_, index) =>
          companyRecord.parse({
            id: `c-walk-${String(index).padStart(3, '0')}`,
            name: `Walk ${index} GmbH`,
            industry: 'Finance',
            country: 'de',
          }),
        ),
      );
      await savePeople(
        tx,
        Array.from({ length: 230 }, (_, index) =>
          personRecord.parse({
            id: `p-walk-${index}`,
            firstName: 'Jo',
            lastName: `Walker ${index}`,
            jobTitle: 'Chief Financial Officer',
            seniority: 'C-Level',
            companyId: `c-walk-${String(index).padStart(3, '0')}`,
          }),
        ),
      );
    });
    const saved = await client.upsertIcp({
      companies: { industries: ['Finance'], primaryLocations: ['W-EMEA'] },
      externalUserId: 'ref-walker',
      people: { seniorities: ['C-Level'] },
    });
    expect((await client.getIcp('ref-walker')).icpFilters[0]?.id).toBe(saved.id);

    /** Every company of the day, a page of `size` at a time while hasMore says so. */
    const day = async (size: number) => {
      const names: string[] = [];
      for (let from = 0; ; from += size) {
        const page = await client.fetchRecommendations({
          externalUserId: 'ref-walker',
          pagination: { from, to: from + size },
        });
        names.push(...page.companies.map((company) => company.name));
        if (!page.pagination.hasMore) return names;
      }
    };
    const seen: string[] = [];
    const perDay: number[] = [];
    for (const date of ['2026-02-10', '2026-02-11', '2026-02-12']) {
      now = new Date(`${date}T06:00:00.000Z`);
      const morning = await day(25);
      now = new Date(`${date}T21:00:00.000Z`);
      expect(await day(40)).toEqual(morning);
      expect(morning.filter((name) => seen.includes(name))).toEqual([]);
      seen.push(...morning);
      perDay.push(morning.length);
    }
    now = new Date('2026-02-13T06:00:00.000Z');
    const over = await client.fetchRecommendations({
      externalUserId: 'ref-walker',
      pagination: { from: 0, to: 10 },
    });

    expect(perDay).toEqual([100, 100, 30]);
    expect(new Set(seen).size).toBe(230);
    expect(over.companies).toEqual([]);
    expect(over.pagination.hasMore).toBe(false);
  });

  it('gets an empty list, not an error, for a user without an ICP', async () => {
    expect(await client.getIcp('ref-nobody')).toEqual({
      icpFilters: [],
      pagination: { hasMore: false, limit: 10, totalAmount: 0 },
    });
  });

  it('has every seniority of the reference accepted and listed by Get Filters', async () => {
    const filters = await client.getFilters();
    const saved = await client.upsertIcp({
      externalUserId: 'ref-seniorities',
      people: { seniorities: REFERENCE_SENIORITIES },
    });

    expect(filters.seniorities).toEqual(expect.arrayContaining(REFERENCE_SENIORITIES));
    expect(saved.people?.seniorities).toEqual(REFERENCE_SENIORITIES);
  });

  it('the v1 ICP seniority filter reads the same levels (any case), and finds the same people', async () => {
    const token = await service.apiKeyFor('reference_account');
    const created = await service.api('POST', '/api/v1/entities/icps', {
      token,
      body: {
        name: 'Boards',
        leadProviderCriteria: [
          { provider: 'baseProvider', type: 'person', filters: { seniority: ['board member'] } },
        ],
        customFilterCriteria: [],
        userIds: [],
      },
    });
    const preview = await service.api('POST', `/api/v1/entities/icps/${created.body.id}/preview`, {
      token,
    });

    expect(preview.status).toBe(200);
    expect(preview.body.leads.map((lead: { person: { id: string } }) => lead.person.id)).toEqual([
      'p-ref',
    ]);
  });

  it('reads a refusal as {code, message}: a filter value not in Get Filters is a 400', async () => {
    const error = await refusal(client.upsertIcp({ people: { seniorities: ['Grand Vizier'] } }));

    expect(error.status).toBe(400);
    expect(error.body).toMatchObject({ code: 400, message: expect.any(String) });
  });

  it('fetches with an externalUserId of 255 characters (404: none saved), not 256 (400)', async () => {
    const page = { from: 0, to: 10 };
    const longest = await refusal(
      client.fetchRecommendations({ externalUserId: 'z'.repeat(255), pagination: page }),
    );
    const tooLong = await refusal(
      client.fetchRecommendations({ externalUserId: 'z'.repeat(256), pagination: page }),
    );

    expect(longest.body).toMatchObject({ code: 404 });
    expect(tooLong.body).toMatchObject({ code: 400 });
  });

  it('is told 401 {code, message} with a key that is not valid', async () => {
    const stranger = recommendationsClient(service.url, 'icp_not-a-key');
    for (const request of [
      () => stranger.upsertIcp({}),
      () => stranger.getIcp(),
      () => stranger.fetchRecommendations({ pagination: { from: 0, to: 10 } }),
      () => stranger.getFilters(),
    ]) {
      const error = await refusal(request());
      expect(error.status).toBe(401);
      expect(error.body).toEqual({ code: 401, message: 'User not authenticated' });
    }
  });
});

describe('the reference on rate limits', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({ RATE_LIMIT_RPS: '0.5', RATE_LIMIT_BURST: '3' });
  });
  afterAll(() => service.stop());

  it('over the limit: 429 {"code": 429, "message": "Rate limit exceeded"}, with Retry-After', async () => {
    const token = await service.apiKeyFor('reference_busy');
    const statuses: number[] = [];
    let limited: JsonResponse | undefined;
    for (let index = 0; index < 4; index += 1) {
      const response = await service.api('GET', '/v2/recommendations/icp', { token });
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }

    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(limited?.body).toEqual({ code: 429, message: 'Rate limit exceeded' });
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('the other paths keep their envelope for the same 429', async () => {
    const token = await service.apiKeyFor('envelope_busy');
    const statuses: number[] = [];
    let limited: JsonResponse | undefined;
    for (let index = 0; index < 4; index += 1) {
      const response = await service.api('GET', '/api/v1/entities/icps', { token });
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }

    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(limited?.body.error.code).toBe('TOO_MANY_REQUESTS');
  });
});

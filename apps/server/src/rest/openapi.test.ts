import {
  countryCodes,
  externalUserId,
  icpCreateInput,
  icpPatchInput,
  locationCode,
  MAX_COMPANY_SIZE_BANDS,
  MAX_FILTER_LIST_VALUES,
  MAX_FILTER_RANGES,
  MAX_FILTER_VALUE_LENGTH,
  MAX_ICP_JOB_TITLES,
  MAX_ICP_LIST_PAGE,
  MAX_ICP_USERS,
  MAX_LEAD_LIST_PAGE,
  MAX_LEAD_LIST_PAGE_NUMBER,
  MAX_RECOMMENDATION_PAGE,
  recommendationPeople,
  worldRegionCodes,
} from '@icp/schema';
import { describe, expect, it } from 'vitest';
import { userIdsOnCreate, userIdsOnUpdate } from '../icp/icp.user-ids.js';
import { createOpenApiDocument, OPENAPI_PATH } from './openapi.js';

// biome-ignore lint/suspicious/noExplicitAny: the document is read as the JSON it is served as
type Json = any;

const document: Json = JSON.parse(JSON.stringify(createOpenApiDocument()));
const schemas: Record<string, Json> = document.components.schemas;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

const operations = Object.entries<Json>(document.paths).flatMap(([path, item]) =>
  METHODS.filter((method) => item[method]).map((method) => ({ path, method, ...item[method] })),
);

/** Every schema object inside `value`, with its JSON pointer. */
function* schemaObjects(value: Json, pointer: string): Generator<[string, Json]> {
  if (value === null || typeof value !== 'object') return;
  if (typeof value.type === 'string' || '$ref' in value || 'anyOf' in value) {
    yield [pointer, value];
  }
  for (const [key, child] of Object.entries(value)) {
    yield* schemaObjects(child, `${pointer}/${key}`);
  }
}

/** The components a part of the document refers to, directly or through other components. */
function referencedComponents(roots: Json[]): Set<string> {
  const found = new Set<string>();
  const visit = (value: Json) => {
    if (value === null || typeof value !== 'object') return;
    if (typeof value.$ref === 'string' && value.$ref.startsWith('#/components/schemas/')) {
      const name = value.$ref.slice('#/components/schemas/'.length);
      if (!found.has(name)) {
        found.add(name);
        visit(schemas[name]);
      }
    }
    for (const child of Object.values(value)) visit(child);
  };
  for (const root of roots) visit(root);
  return found;
}

const requestParts = operations.flatMap((operation) => [
  operation.requestBody ?? null,
  operation.parameters ?? null,
]);
const responseParts = operations.map((operation) => operation.responses);
const inputComponents = referencedComponents(requestParts);
const outputComponents = referencedComponents(responseParts);

describe('input and output schemas', () => {
  it('a request schema has no `default`, so that generated clients keep its field optional', () => {
    const withDefault = [
      ...requestParts.flatMap((part, index) => [...schemaObjects(part, `request ${index}`)]),
      ...[...inputComponents].flatMap((name) => [...schemaObjects(schemas[name], name)]),
    ].filter(([, schema]) => 'default' in schema);

    expect(withDefault.map(([pointer]) => pointer)).toEqual([]);
  });

  it('a field the server fills in is optional in the request and required in the response', () => {
    expect(inputComponents).toContain('IcpCreate');
    expect(outputComponents).not.toContain('IcpCreate');
    const filled = ['description', 'crmFilters', 'leadsPerList', 'activeUntil'];
    for (const field of filled) {
      expect(schemas.IcpCreate.required).not.toContain(field);
      expect(schemas.Icp.required).toContain(field);
    }
    for (const field of ['description', 'crmFilters', 'leadsPerList']) {
      expect(schemas.IcpCreate.properties[field].description).toMatch(/Default: /);
    }
    expect(schemas.RecommendationFetchInput.required).toContain('pagination');
  });

  it('custom filters and CRM conditions: values with defaults are optional in, required out', () => {
    const numeric = (name: string) =>
      schemas[name].oneOf.filter((variant: Json) => variant.properties.value?.type === 'integer');
    expect(numeric('CustomFilterCriterion')).toHaveLength(3);
    for (const variant of numeric('CustomFilterCriterion')) {
      expect(variant.required).not.toContain('value');
    }
    for (const variant of numeric('CustomFilterCriterionOutput')) {
      expect(variant.required).toContain('value');
    }
    const conditions = (name: string) => schemas[name].properties.filters.items.oneOf;
    for (const condition of conditions('CrmFilters')) {
      expect(condition.required).not.toContain('exclude');
    }
    for (const condition of conditions('CrmFiltersOutput')) {
      expect(condition.required).toContain('exclude');
    }
  });
});

describe('the document states the limits the server applies', () => {
  it('userIds: at most MAX_ICP_USERS, as the server counts them (distinct, the creator included)', () => {
    expect(schemas.IcpCreate.properties.userIds.maxItems).toBe(MAX_ICP_USERS);
    expect(schemas.IcpPatch.properties.userIds.maxItems).toBe(MAX_ICP_USERS);

    const others = (count: number) => Array.from({ length: count }, (_, index) => `user_${index}`);
    expect(userIdsOnCreate(others(MAX_ICP_USERS - 1), 'creator')).toHaveLength(MAX_ICP_USERS);
    expect(() => userIdsOnCreate(others(MAX_ICP_USERS), 'creator')).toThrow();
    expect(userIdsOnUpdate(others(MAX_ICP_USERS))).toHaveLength(MAX_ICP_USERS);
    expect(() => userIdsOnUpdate(others(MAX_ICP_USERS + 1))).toThrow();
  });

  it.each([
    ['IcpCreate name', schemas.IcpCreate.properties.name, icpCreateInput.shape.name],
    ['IcpPatch name', schemas.IcpPatch.properties.name, icpPatchInput.shape.name],
    [
      'RecommendationIcpInput externalUserId',
      schemas.RecommendationIcpInput.properties.externalUserId,
      externalUserId,
    ],
    [
      'v2 people.jobTitles',
      schemas.RecommendationIcpInput.properties.people.properties.jobTitles.items,
      recommendationPeople.shape.jobTitles.unwrap().element,
    ],
  ])(
    '%s: its pattern refuses exactly the blank values the server refuses',
    (_, documented, zod) => {
      const pattern = new RegExp(documented.pattern, 'u');
      for (const value of ['', ' ', '\t\n', '\u00a0\u2003', 'CTO', ' Sales ', 'x']) {
        expect(pattern.test(value), JSON.stringify(value)).toBe(zod.safeParse(value).success);
      }
    },
  );

  it('v2 location codes are the catalog: every code listed, each accepted, nothing else', () => {
    const codes = [...countryCodes, ...worldRegionCodes];
    expect(schemas.LocationCode.enum).toEqual(codes);
    for (const code of codes) expect(locationCode.parse(code)).toBe(code);
    for (const code of ['xx', 'W-MARS', 'Germany']) {
      expect(locationCode.safeParse(code).success).toBe(false);
    }
    const { companies, people } = schemas.RecommendationIcpInput.properties;
    for (const list of [companies.properties.primaryLocations, people.properties.countries]) {
      expect(list.items).toEqual({ $ref: '#/components/schemas/LocationCode' });
      expect(list.maxItems).toBe(MAX_FILTER_LIST_VALUES);
    }
  });

  it('provider filter lists: the values and characters of the README table', () => {
    const filters = schemas.LeadProviderCriterion.properties.filters.properties;
    expect(filters.job_title.maxItems).toBe(MAX_ICP_JOB_TITLES);
    for (const list of [
      filters.job_title,
      filters.skills,
      filters.seniority,
      filters.location.properties.country,
      filters.location.properties.city,
      filters.company.properties.keywords,
    ]) {
      expect(list.items.maxLength).toBe(MAX_FILTER_VALUE_LENGTH);
    }
    for (const list of [filters.skills, filters.location.properties.city]) {
      expect(list.maxItems).toBe(MAX_FILTER_LIST_VALUES);
    }
    expect(filters.company_size.description).toContain(String(MAX_COMPANY_SIZE_BANDS));
    const people = schemas.RecommendationIcpInput.properties.people.properties;
    expect(people.jobTitles.maxItems).toBe(MAX_ICP_JOB_TITLES);
  });

  it('the newer v2 filters and their provider keys: lists, ranges and catalog values', () => {
    const { companies, people } = schemas.RecommendationIcpInput.properties;
    for (const list of [
      companies.properties.includeDomains,
      companies.properties.excludeDomains,
      companies.properties.excludeIndustries,
      people.properties.exactJobTitles,
      people.properties.excludeDepartments,
    ]) {
      expect(list.maxItems).toBe(MAX_FILTER_LIST_VALUES);
    }
    expect(companies.properties.excludeIndustries.items).toEqual({
      $ref: '#/components/schemas/Industry',
    });
    expect(people.properties.excludeDepartments.items).toEqual({
      $ref: '#/components/schemas/Department',
    });
    expect(people.properties.exactJobTitles.items.maxLength).toBe(MAX_FILTER_VALUE_LENGTH);
    for (const ranges of [companies.properties.employeeCounts, companies.properties.revenues]) {
      expect(ranges.maxItems).toBe(MAX_FILTER_RANGES);
    }
    expect(companies.properties.yearFounded.properties.to.maximum).toBe(9_999);
    const company = schemas.LeadProviderCriterion.properties.filters.properties.company.properties;
    for (const ranges of [company.employee_sizes, company.revenues]) {
      expect(ranges.maxItems).toBe(MAX_FILTER_RANGES);
    }
    for (const list of [company.domain, company.exclude_domain, company.exclude_industry]) {
      expect(list.maxItems).toBe(MAX_FILTER_LIST_VALUES);
    }
    expect(schemas.FilterCatalog.properties.filters.items).toEqual({
      $ref: '#/components/schemas/RecommendationFilterField',
    });
  });

  it('paging: the list limit and the v2 page size', () => {
    const limit = operations
      .find((operation) => operation.operationId === 'listIcps')
      .parameters.find((parameter: Json) => parameter.name === 'limit');
    expect(limit.schema).toMatchObject({ minimum: 1, maximum: MAX_ICP_LIST_PAGE });
    const fetch = operations.find((operation) => operation.operationId === 'fetchRecommendations');
    expect(fetch.description).toContain(`at most ${MAX_RECOMMENDATION_PAGE}`);
  });

  it('paging: the lead lists page and size, the total and the Link', () => {
    const listLeadLists = operations.find((operation) => operation.operationId === 'listLeadLists');
    const parameter = (name: string) =>
      listLeadLists.parameters.find((candidate: Json) => candidate.name === name);
    expect(parameter('page')).toMatchObject({ in: 'query' });
    expect(parameter('page').required).not.toBe(true);
    expect(parameter('page').schema).toMatchObject({
      minimum: 0,
      maximum: MAX_LEAD_LIST_PAGE_NUMBER,
    });
    expect(parameter('size')).toMatchObject({ in: 'query' });
    expect(parameter('size').required).not.toBe(true);
    expect(parameter('size').schema).toMatchObject({ minimum: 1, maximum: MAX_LEAD_LIST_PAGE });
    expect(parameter('size').schema.description).toContain(`Default: ${MAX_LEAD_LIST_PAGE}.`);
    const headers = listLeadLists.responses['200'].headers;
    expect(Object.keys(headers)).toEqual(
      expect.arrayContaining(['X-Total-Count', 'Link', 'X-Request-Id']),
    );
    expect(listLeadLists.responses['200'].content['application/json'].schema.type).toBe('array');
    expect(listLeadLists.responses['400']).toBeDefined();
  });

  it('every integer, request or response, has its real bounds (none is any safe integer)', () => {
    const integers = [...schemaObjects(document, '#')].filter(([, schema]) => {
      return schema.type === 'integer';
    });
    expect(integers.length).toBeGreaterThan(20);
    const unbounded = integers.filter(([, schema]) => !(schema.minimum >= 0));
    expect(unbounded.map(([pointer]) => pointer)).toEqual([]);
    expect(schemas.Icp.properties.leadsPerList).toMatchObject({ minimum: 1, maximum: 10_000 });
    expect(JSON.stringify(schemas.LeadList.properties.requestedSize)).toContain('"minimum":1');
  });
});

describe('what every response carries', () => {
  it('X-Request-Id on every response, and Retry-After on every 429', () => {
    const responses = operations.flatMap((operation) =>
      Object.entries<Json>(operation.responses).map(([status, response]) => ({
        name: `${operation.method} ${operation.path} ${status}`,
        status,
        response,
      })),
    );
    for (const { name, status, response } of responses) {
      expect(response.headers?.['X-Request-Id'], name).toEqual({
        $ref: '#/components/headers/RequestId',
      });
      if (status === '429') {
        expect(response.headers['Retry-After'], name).toEqual({
          $ref: '#/components/headers/RetryAfter',
        });
      }
    }
    expect(responses.filter(({ status }) => status === '429').length).toBeGreaterThan(5);
  });

  it('errors of the v1 and v2 paths in their body ({code, message}), of the others in the envelope', () => {
    for (const operation of operations) {
      const vendor = /^\/v[12]\//.test(operation.path);
      for (const [status, response] of Object.entries<Json>(operation.responses)) {
        if (Number(status) < 400 && status !== '4XX') continue;
        expect(response.content['application/json'].schema, `${operation.path} ${status}`).toEqual({
          $ref: `#/components/schemas/${vendor ? 'RecommendationError' : 'Error'}`,
        });
      }
    }
    expect(schemas.RecommendationError.required).toEqual(['code', 'message']);
  });

  it('the v2 ICP: created with 201, read as a list of DECLARED_ICP filters; Get Filters at /v1', () => {
    const icp = document.paths['/v2/recommendations/icp'];
    expect(Object.keys(icp.post.responses)).toContain('201');
    expect(Object.keys(icp.post.responses)).not.toContain('200');
    expect(icp.get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/RecommendationIcpList',
    });
    expect(Object.keys(icp.get.responses)).not.toContain('404');
    expect(schemas.RecommendationIcpFilter.properties.type).toMatchObject({
      const: 'DECLARED_ICP',
    });
    expect(schemas.RecommendationIcpList.properties.pagination.required).toEqual([
      'hasMore',
      'limit',
      'totalAmount',
    ]);
    expect(document.paths['/v1/people/search/filters'].get.operationId).toBe('getFilters');
    expect(document.paths['/v2/recommendations/filters'].get.deprecated).toBe(true);
  });

  it('describes itself, open to callers without a token', () => {
    expect(document.paths[OPENAPI_PATH].get).toMatchObject({
      operationId: 'getOpenApiDocument',
      security: [],
    });
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(document.info.license).toMatchObject({ name: expect.any(String) });
  });
});

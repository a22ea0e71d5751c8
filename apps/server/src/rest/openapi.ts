import {
  errorEnvelope,
  filterCatalogResponse,
  icp,
  icpCreateInput,
  icpList,
  icpListQuery,
  icpPatchInput,
  idempotencyKey,
  ifMatch,
  leadList,
  leadListCreateInput,
  leadListDetail,
  leadListInput,
  leadListLeads,
  leadListPageQuery,
  leadListProspectsInput,
  leadPreview,
  leadPreviewInput,
  MAX_ICP_LIST_PAGE,
  MAX_ICPS_SHARED_WITH_USER,
  MAX_LEAD_LIST_PAGE,
  recommendationError,
  recommendationFetchInput,
  recommendationFetchResult,
  recommendationIcp,
  recommendationIcpInput,
  recommendationIcpList,
  recommendationIcpQuery,
  schedule,
  scheduleInput,
  scheduleSetResult,
} from '@icp/schema';
import { z } from 'zod';
import {
  createDocument,
  type oas31,
  type ZodOpenApiOverrideContext,
  type ZodOpenApiResponsesObject,
} from 'zod-openapi';
import { ICPS_PATH } from './icps.routes.js';
import { LEAD_LISTS_PATH } from './lead-lists.routes.js';
import { PEOPLE_SEARCH_PATH } from './people-search.routes.js';
import { RECOMMENDATIONS_PATH } from './recommendations.routes.js';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const errorResponses = (statuses: Record<string, string>): ZodOpenApiResponsesObject =>
  Object.fromEntries(
    Object.entries(statuses).map(([status, description]) => [
      status,
      { description, ...json(errorEnvelope) },
    ]),
  );

/** The same, in the body of the v1 and v2 recommendations API (`{code, message}`). */
const recommendationErrorResponses = (
  statuses: Record<string, string>,
): ZodOpenApiResponsesObject =>
  Object.fromEntries(
    Object.entries(statuses).map(([status, description]) => [
      status,
      { description, ...json(recommendationError) },
    ]),
  );

const common = {
  '401': 'User is not authenticated. Ensure a valid session exists.',
  '429': 'Too many requests; retry after the time in Retry-After.',
  '500': 'An unexpected server error occurred.',
  '503': 'The database cannot be reached; retry shortly.',
};
const oneIcp = {
  ...common,
  '403': 'User does not have access to this ICP.',
  '404': 'No ICP exists with the specified ID.',
};
const withBody = {
  '400': 'Invalid request body. Check the details field for specific validation errors.',
  '413': 'The request body is larger than the limit.',
  '415': 'The body is not sent as application/json.',
};
const etagHeader = {
  ETag: { description: 'Strong entity tag of the ICP', schema: { type: 'string' as const } },
};
const listQuery = icpListQuery.extend({
  limit: icpListQuery.shape.limit.meta({
    description: `At most this many ICPs (1-${MAX_ICP_LIST_PAGE}); without it, all of them.`,
  }),
  cursor: icpListQuery.shape.cursor.meta({
    description: 'Where the page starts: the cursor of the Link of the previous page (opaque).',
  }),
});
const sharingCap = `A user in userIds (named in details) already has ${MAX_ICPS_SHARED_WITH_USER} ICPs shared with them by others.`;
const idPath = z.object({ id: z.string().meta({ description: 'The ICP id (a UUID)' }) });
const ifMatchHeaders = z.object({ 'if-match': ifMatch.optional() });
const leadListsQuery = leadListPageQuery.extend({
  page: leadListPageQuery.shape.page.meta({ description: 'Which page, from 0.' }),
  size: leadListPageQuery.shape.size.meta({
    description: `Lists per page (1-${MAX_LEAD_LIST_PAGE}).`,
  }),
});
const listIdPath = z.object({ id: z.string().meta({ description: 'The lead list id (a UUID)' }) });
const recommendationCommon = {
  ...common,
  '429':
    'Rate limit exceeded ("message": "Rate limit exceeded"); retry after the time in Retry-After.',
};
const getFilters = (operationId: string, summary: string) => ({
  operationId,
  summary,
  description:
    'Every filter of the v2 ICP, old and new, with what it takes, and every value it accepts.',
  responses: {
    '200': { description: 'The filter catalog.', ...json(filterCatalogResponse) },
    ...recommendationErrorResponses(recommendationCommon),
  },
});
const oneList = {
  ...common,
  '403':
    'You do not have access to this lead list (its ICP is not shared with you, or, without an ICP, you are not in its userIds).',
  '404': "No lead list exists with the specified ID: LeadList with id '<id>' not found.",
};

export const OPENAPI_PATH = '/api/v1/openapi.json';

/** Answers any request may get before a route reads it (see the HTTP server). */
const unreadable = {
  '4XX':
    'The request could not be read: 400 not HTTP, 408 sent too slowly, 431 headers over 16 KiB.',
};

/**
 * Request schemas state their defaults in words: client generators (openapi-typescript) make a
 * property with a `default` required, which holds of responses only, where the server fills it.
 */
function describeDefaultsOfInputs({ jsonSchema, io }: ZodOpenApiOverrideContext): void {
  if (io !== 'input' || !('default' in jsonSchema)) return;
  const note = `Default: ${JSON.stringify(jsonSchema.default)}.`;
  jsonSchema.description = jsonSchema.description ? `${jsonSchema.description} ${note}` : note;
  delete jsonSchema.default;
}

type Document = ReturnType<typeof createDocument>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Every response carries `X-Request-Id`; a 429 also says when to retry. */
function withResponseHeaders(document: Document): Document {
  const operations = Object.values(document.paths ?? {}).flatMap((item: oas31.PathItemObject) =>
    METHODS.flatMap((method) => item[method] ?? []),
  );
  for (const operation of operations) {
    for (const [status, response] of Object.entries<oas31.ResponseObject>(
      operation.responses ?? {},
    )) {
      response.headers = {
        ...response.headers,
        'X-Request-Id': { $ref: '#/components/headers/RequestId' },
        ...(status === '429' ? { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } : {}),
      };
    }
  }
  return document;
}

/** The OpenAPI 3.1 document of the REST API, generated from the schema package. */
export function createOpenApiDocument(): Document {
  const document = createDocument(
    {
      openapi: '3.1.0',
      info: {
        title: 'ICP service',
        version: '1.0.0',
        description: 'Ideal Customer Profiles: who to target, and how leads are found for them.',
        license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
      },
      servers: [{ url: '/', description: 'The server that serves this document.' }],
      components: {
        headers: {
          RequestId: {
            description:
              'The id of this request in the server log: the one a proxy sent, when short and plain, or a new one.',
            schema: { type: 'string' },
          },
          RetryAfter: {
            description: 'Seconds to wait before the next request.',
            schema: { type: 'integer', minimum: 1 },
          },
        },
        securitySchemes: {
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            description: 'A JWT (user id in `sub`) or an API key (`icp_...`).',
          },
        },
      },
      security: [{ bearerAuth: [] }],
      paths: {
        [ICPS_PATH]: {
          get: {
            operationId: 'listIcps',
            summary: 'List ICPs',
            description: `ICPs whose userIds hold the authenticated user, oldest first (createdAt, then id). Without limit, all of them: the user's own, and at most ${MAX_ICPS_SHARED_WITH_USER} others shared with them. With limit, a page of at most limit ICPs, and a Link header to the next page while there is one.`,
            requestParams: { query: listQuery },
            responses: {
              '200': {
                description: 'The ICPs the user has access to (a bare array, sent as it is read).',
                headers: {
                  Link: {
                    description:
                      'With limit, while more ICPs follow: `<...?limit=n&cursor=c>; rel="next"`, the next page.',
                    schema: { type: 'string' as const },
                  },
                },
                ...json(icpList),
              },
              ...errorResponses({ ...common, '400': 'limit or cursor is not valid.' }),
            },
          },
          post: {
            operationId: 'createIcp',
            summary: 'Create ICP',
            description: 'Creates an ICP; the authenticated user is added to its userIds.',
            requestParams: { header: z.object({ 'idempotency-key': idempotencyKey.optional() }) },
            requestBody: { required: true, ...json(icpCreateInput) },
            responses: {
              '201': { description: 'The created ICP.', headers: etagHeader, ...json(icp) },
              ...errorResponses({
                ...withBody,
                ...common,
                '409': `The Idempotency-Key was used with a different body, or: ${sharingCap}`,
              }),
            },
          },
        },
        [`${ICPS_PATH}/{id}`]: {
          get: {
            operationId: 'getIcp',
            summary: 'Get ICP',
            requestParams: { path: idPath },
            responses: {
              '200': { description: 'The ICP.', headers: etagHeader, ...json(icp) },
              ...errorResponses(oneIcp),
            },
          },
          patch: {
            operationId: 'updateIcp',
            summary: 'Update ICP',
            description:
              'Partial update: keys left out stay unchanged, null clears nullable keys, arrays are replaced whole.',
            requestParams: { path: idPath, header: ifMatchHeaders },
            requestBody: { required: true, ...json(icpPatchInput) },
            responses: {
              '200': { description: 'The updated ICP.', headers: etagHeader, ...json(icp) },
              ...errorResponses({
                ...withBody,
                ...oneIcp,
                '409': sharingCap,
                '412': 'If-Match does not match the current ETag.',
              }),
            },
          },
          delete: {
            operationId: 'deleteIcp',
            summary: 'Delete ICP',
            requestParams: { path: idPath, header: ifMatchHeaders },
            responses: {
              '204': { description: 'Deleted.' },
              ...errorResponses({ ...oneIcp, '412': 'If-Match does not match the current ETag.' }),
            },
          },
        },
        [`${ICPS_PATH}/{id}/preview`]: {
          post: {
            operationId: 'previewIcpLeads',
            summary: 'Preview leads',
            description:
              'How many people match the ICP now, and a first page of leads with the reasons each matched; nothing is recorded. The body may be left out.',
            requestParams: { path: idPath },
            requestBody: { required: false, ...json(leadPreviewInput) },
            responses: {
              '200': { description: 'The match count and first leads.', ...json(leadPreview) },
              ...errorResponses({ ...withBody, ...oneIcp }),
            },
          },
        },
        [`${ICPS_PATH}/{id}/lead-lists`]: {
          post: {
            operationId: 'generateLeadList',
            summary: 'Generate a lead list',
            description:
              'Generates and records a list of leadsPerList leads (or `size`) honouring every filter that can be applied; filters that could not be are listed in notApplied. The body may be left out.',
            requestParams: { path: idPath },
            requestBody: { required: false, ...json(leadListInput) },
            responses: {
              '201': {
                description: 'The generated list, named after the ICP and the UTC day it covers.',
                ...json(leadListDetail),
              },
              ...errorResponses({
                ...withBody,
                ...oneIcp,
                '409': 'The ICP has expired (activeUntil is in the past).',
              }),
            },
          },
          get: {
            operationId: 'listLeadListsOfIcp',
            summary: 'Lead lists of an ICP',
            requestParams: { path: idPath },
            responses: {
              '200': { description: 'Its lists, newest first.', ...json(z.array(leadList)) },
              ...errorResponses(oneIcp),
            },
          },
        },
        [`${ICPS_PATH}/{id}/schedule`]: {
          put: {
            operationId: 'setIcpSchedule',
            summary: 'Set the delivery schedule',
            description:
              "Creates or replaces the ICP's schedule: one lead list of leadsPerList leads per period (every day, week from Monday, or month from the 1st, starting at `at` in `timezone`), until activeUntil. Periods are counted from this call. A webhookUrl gets each delivered list as a signed Standard Webhooks request; its signing secret is answered once, by the PUT that made it (a new or changed URL).",
            requestParams: { path: idPath },
            requestBody: { required: true, ...json(scheduleInput) },
            responses: {
              '200': { description: 'Replaced.', ...json(scheduleSetResult) },
              '201': { description: 'Created.', ...json(scheduleSetResult) },
              ...errorResponses({ ...withBody, ...oneIcp }),
            },
          },
          get: {
            operationId: 'getIcpSchedule',
            summary: 'Get the delivery schedule',
            description:
              'The schedule, when the next list is due, whether it ended (activeUntil passed), and the periods delivered, newest first.',
            requestParams: { path: idPath },
            responses: {
              '200': { description: 'The schedule and its state.', ...json(schedule) },
              ...errorResponses({ ...oneIcp, '404': 'No such ICP, or it has no schedule.' }),
            },
          },
          delete: {
            operationId: 'deleteIcpSchedule',
            summary: 'Stop the delivery schedule',
            description: 'No more deliveries; the lists delivered stay.',
            requestParams: { path: idPath },
            responses: {
              '204': { description: 'Deleted.' },
              ...errorResponses({ ...oneIcp, '404': 'No such ICP, or it has no schedule.' }),
            },
          },
        },
        [LEAD_LISTS_PATH]: {
          post: {
            operationId: 'createLeadList',
            summary: 'Create a lead list',
            description:
              'Makes a list by hand from people (personIds) and companies (companyIds) of the lead database. With an icpId, the ICP must be shared with the caller; without one, the list is seen by its creator and its userIds.',
            requestBody: { required: true, ...json(leadListCreateInput) },
            responses: {
              '201': {
                description: 'The list with its people and companies.',
                ...json(leadListDetail),
              },
              ...errorResponses({
                ...common,
                ...withBody,
                '400': 'Invalid request body; details name each unknown person or company id.',
                '403': 'You do not have access to this ICP.',
                '404': 'ICP not found: <uuid>.',
              }),
            },
          },
          get: {
            operationId: 'listLeadLists',
            summary: 'List lead lists',
            description: `The lists the authenticated user may see, newest first (createdAt, then id): those of the ICPs shared with them and those without an ICP whose userIds hold them; an admin sees every list. Lance publishes no parameters; page and size are ours, so that the answer stays bounded: without them, the newest ${MAX_LEAD_LIST_PAGE} and a Link header to the rest.`,
            requestParams: { query: leadListsQuery },
            responses: {
              '200': {
                description: 'A page of the lists, without their people (a bare array).',
                headers: {
                  'X-Total-Count': {
                    description: 'How many lists the user may see, on every page.',
                    schema: { type: 'integer' as const, minimum: 0 },
                  },
                  Link: {
                    description:
                      'While more lists follow: `<...?page=n&size=m>; rel="next"`, the next page.',
                    schema: { type: 'string' as const },
                  },
                },
                ...json(z.array(leadList)),
              },
              ...errorResponses({
                ...common,
                '400': 'page or size is not valid (details name it).',
              }),
            },
          },
        },
        [`${LEAD_LISTS_PATH}/{id}`]: {
          get: {
            operationId: 'getLeadList',
            summary: 'Get a lead list',
            requestParams: { path: listIdPath },
            responses: {
              '200': {
                description:
                  'The list with its people (each with their company and, for CRM contacts, the CRM record) and its companies.',
                ...json(leadListDetail),
              },
              ...errorResponses(oneList),
            },
          },
          delete: {
            operationId: 'deleteLeadList',
            summary: 'Delete a lead list',
            description: 'The people and companies themselves stay in the lead database.',
            requestParams: { path: listIdPath },
            responses: { '204': { description: 'Deleted.' }, ...errorResponses(oneList) },
          },
        },
        [`${LEAD_LISTS_PATH}/{id}/leads`]: {
          get: {
            operationId: 'getLeadsOfLeadList',
            summary: 'Get leads by list',
            description:
              'The people of a person list whose company has a name, or the companies of a company list.',
            requestParams: { path: listIdPath },
            responses: {
              '200': { description: 'The leads, in list order.', ...json(leadListLeads) },
              ...errorResponses(oneList),
            },
          },
        },
        [`${LEAD_LISTS_PATH}/{id}/prospects`]: {
          post: {
            operationId: 'addProspectsToLeadList',
            summary: 'Add prospects to a lead list',
            description:
              'Stores people given as data (prospects) in the lead database and adds them, or adds people of the lead database by id (personIds); people already in the list are not added again. Person lists only.',
            requestParams: { path: listIdPath },
            requestBody: { required: true, ...json(leadListProspectsInput) },
            responses: {
              '200': { description: 'The list as it is now.', ...json(leadListDetail) },
              ...errorResponses({
                ...withBody,
                ...oneList,
                '400':
                  'Invalid request body (details name unknown ids), a company list, or a list that would hold more people than allowed.',
              }),
            },
          },
        },
        [`${RECOMMENDATIONS_PATH}/icp`]: {
          post: {
            operationId: 'upsertRecommendationIcp',
            summary: 'Create or update ICP (v2)',
            description:
              'Creates the ICP of an externalUserId of the calling account, or replaces it (its id stays the same). Without externalUserId, the ICP of the account itself. Values are checked against GET /v1/people/search/filters.',
            requestBody: { required: true, ...json(recommendationIcpInput) },
            responses: {
              '201': { description: 'The saved ICP.', ...json(recommendationIcp) },
              ...recommendationErrorResponses({ ...withBody, ...recommendationCommon }),
            },
          },
          get: {
            operationId: 'getRecommendationIcp',
            summary: 'Get ICP (v2)',
            description:
              'The ICP saved for the externalUserId (or for the account) as a list of one; an empty list when none is saved.',
            requestParams: { query: recommendationIcpQuery },
            responses: {
              '200': { description: 'The saved ICP, if any.', ...json(recommendationIcpList) },
              ...recommendationErrorResponses({
                ...recommendationCommon,
                '400': 'An unknown query parameter.',
              }),
            },
          },
        },
        [`${RECOMMENDATIONS_PATH}/fetch`]: {
          post: {
            operationId: 'fetchRecommendations',
            summary: 'Fetch recommendations (v2)',
            description:
              "A page of today's recommendations for the saved ICP (pagination.from inclusive, pagination.to exclusive, 0-based, at most 100; required). They are generated once per UTC day, on the day's first fetch: at most 100 companies never recommended to this ICP before, best fit first, each with up to 10 matching people and its scored reasons. The same range gives the same companies all day; hasMore says whether the day holds more; when none are left the page is empty.",
            requestBody: { required: true, ...json(recommendationFetchInput) },
            responses: {
              '200': {
                description: 'The page of recommendations.',
                ...json(recommendationFetchResult),
              },
              ...recommendationErrorResponses({
                ...withBody,
                ...recommendationCommon,
                '403':
                  'The daily quota of recommended companies (unique companies fetched per user and UTC day) is used up: the page is refused whole; the message says the quota and when it resets, Retry-After the seconds until then.',
                '404': 'No ICP is saved for that external user (or for the account).',
              }),
            },
          },
        },
        [`${PEOPLE_SEARCH_PATH}/filters`]: {
          get: getFilters('getFilters', 'Get filters'),
        },
        [`${RECOMMENDATIONS_PATH}/filters`]: {
          get: {
            ...getFilters('getRecommendationFilters', 'Get filters (alias)'),
            description: 'The same as GET /v1/people/search/filters.',
            deprecated: true,
          },
        },
        '/healthz': {
          get: {
            operationId: 'health',
            summary: 'Health',
            security: [],
            responses: {
              '200': { description: 'Ready.', ...json(z.object({ status: z.literal('ok') })) },
              ...errorResponses({
                ...unreadable,
                '503': 'The database cannot be reached or is not migrated.',
              }),
            },
          },
        },
        [OPENAPI_PATH]: {
          get: {
            operationId: 'getOpenApiDocument',
            summary: 'This document',
            description: 'The OpenAPI 3.1 document of the REST API.',
            security: [],
            responses: {
              '200': {
                description: 'This document.',
                ...json(z.looseObject({ openapi: z.literal('3.1.0') })),
              },
              ...errorResponses(unreadable),
            },
          },
        },
      },
    },
    { override: describeDefaultsOfInputs },
  );
  return withResponseHeaders(document);
}

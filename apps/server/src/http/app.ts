import { MAX_BATCH_CALLS } from '@icp/schema';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Db } from '../db/connect.js';
import { asAppError } from '../errors.js';
import { checkHealth } from '../health/check-health.js';
import { type Logger, silentLogger } from '../logging/logger.js';
import { requestIdOf } from '../logging/request-id.js';
import { errorResponse, noRoute } from '../rest/error-response.js';
import { ICPS_PATH, icpRoutes } from '../rest/icps.routes.js';
import { ENTITIES_PATH, leadListsRoutes } from '../rest/lead-lists.routes.js';
import { methodNotAllowed } from '../rest/method-not-allowed.js';
import { createOpenApiDocument, OPENAPI_PATH } from '../rest/openapi.js';
import { PEOPLE_SEARCH_PATH, peopleSearchRoutes } from '../rest/people-search.routes.js';
import { RECOMMENDATIONS_PATH, recommendationsRoutes } from '../rest/recommendations.routes.js';
import { schedulesRoutes } from '../rest/schedules.routes.js';
import { appRouter } from '../trpc/app-router.js';
import type { CreateContext } from './context-factory.js';
import { nodeRequest } from './node-request.js';
import { payloadTooLarge } from './request-body.js';
import { requestHeader } from './request-header.js';
import { utf8TrpcRequest } from './trpc-request.js';
import { webApp } from './web-app.js';

export const TRPC_PATH = '/trpc';

/**
 * The whole HTTP surface: the REST adapter, the tRPC endpoint, health, the OpenAPI document and
 * the web app.
 */
export function createApp(deps: {
  db: Db;
  createContext: CreateContext;
  bodyLimitBytes: number;
  /** The built web app to serve beside the API; none in API-only tests. */
  webDistDir?: string;
  lifecycle?: { draining: boolean };
  /** Where unexpected errors, and each request unless `logRequests` is false, are logged. */
  logger?: Logger;
  /** One line per request: method, path, status, time, request id; never secrets. */
  logRequests?: boolean;
}) {
  const logger = deps.logger ?? silentLogger;
  const logRequests = deps.logRequests ?? true;
  const app = new Hono<{ Variables: { requestId: string } }>();
  const openApiJson = JSON.stringify(createOpenApiDocument());
  // A 500 answers with nothing about its cause, so the log line is where it can be found.
  const logUnexpected = (requestId: string, error: unknown, procedure?: string) =>
    logger.error(
      {
        requestId,
        ...(procedure !== undefined && { procedure }),
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      },
      'unexpected error',
    );

  const limitTrpcBody = bodyLimit({
    maxSize: deps.bodyLimitBytes,
    onError: () => {
      throw payloadTooLarge(deps.bodyLimitBytes);
    },
  });
  // One middleware for every request (each layer costs on the hot path):
  app.use('*', async (c, next) => {
    const started = performance.now();
    const requestId = requestIdOf(requestHeader(c, 'x-request-id'));
    c.set('requestId', requestId);
    // Headers are set before the handler runs, since one added to a finished response makes
    // Hono rebuild it. API answers are per user: never cached.
    c.header('X-Request-Id', requestId);
    const path = c.req.path;
    // The path only: a query string may carry a caller's identifiers.
    const logRequest = (status: number) => {
      if (!logRequests) return;
      logger.info(
        {
          requestId,
          method: c.req.method,
          path,
          status,
          ms: Math.round((performance.now() - started) * 10) / 10,
        },
        'request',
      );
    };
    if (path.startsWith('/api/') || path.startsWith('/v1/') || path.startsWith('/v2/')) {
      c.header('Cache-Control', 'no-store');
    }
    // A body declared larger than the limit is refused before anything else. REST routes also
    // count what they read (readRequestText); the tRPC handler reads through Hono's limit.
    if (Number(requestHeader(c, 'content-length') ?? 0) > deps.bodyLimitBytes) {
      logRequest(413);
      throw payloadTooLarge(deps.bodyLimitBytes);
    }
    await (path.startsWith(TRPC_PATH) ? limitTrpcBody(c, next) : next());
    // Once shutdown begins, each response closes its connection, so clients move on at once.
    if (deps.lifecycle?.draining) c.header('Connection', 'close');
    logRequest(c.res.status);
  });

  app.route(ICPS_PATH, icpRoutes(deps.createContext, deps.bodyLimitBytes));
  app.route(ENTITIES_PATH, leadListsRoutes(deps.createContext, deps.bodyLimitBytes));
  app.route(ENTITIES_PATH, schedulesRoutes(deps.createContext, deps.bodyLimitBytes));
  app.route(RECOMMENDATIONS_PATH, recommendationsRoutes(deps.createContext, deps.bodyLimitBytes));
  app.route(PEOPLE_SEARCH_PATH, peopleSearchRoutes(deps.createContext));
  // The API's own prefixes: a path no route serves there is a JSON 404, never the web app.
  for (const prefix of ['/v1', '/v2']) app.all(`${prefix}/*`, noRoute);

  app.get(OPENAPI_PATH, (c) => {
    c.header('Content-Type', 'application/json; charset=UTF-8');
    return c.body(openApiJson);
  });
  app.all(OPENAPI_PATH, methodNotAllowed(['GET']));

  app.get('/healthz', async (c) => c.json(await checkHealth(deps.db)));
  app.all('/healthz', methodNotAllowed(['GET']));

  app.all(`${TRPC_PATH}/*`, async (c) =>
    fetchRequestHandler({
      endpoint: TRPC_PATH,
      req: await utf8TrpcRequest(c),
      router: appRouter,
      // Each call of a batch takes its own rate-limit token; a batch over the cap is refused
      // whole (400) before any of its calls runs, or any token is taken.
      maxBatchSize: MAX_BATCH_CALLS,
      createContext: ({ info }) =>
        deps.createContext(requestHeader(c, 'authorization'), {
          calls: info.calls.length,
          clientAddress: nodeRequest(c)?.socket.remoteAddress,
        }),
      onError: ({ error, path }) => {
        if (asAppError(error).appCode === 'INTERNAL_ERROR') {
          logUnexpected(c.get('requestId'), error.cause ?? error, path);
        }
      },
      // Errors that tell the client when to retry (429) carry that header here too. The response
      // is tRPC's own, so the request id set on Hono's context is added here.
      responseMeta: ({ errors }) => {
        const headers = Object.assign({}, ...errors.map((error) => asAppError(error).headers));
        return { headers: { ...headers, 'X-Request-Id': c.get('requestId') } };
      },
    }),
  );

  if (deps.webDistDir !== undefined) app.get('*', webApp(deps.webDistDir));

  app.notFound(noRoute);
  app.onError((error, c) => {
    if (asAppError(error).appCode === 'INTERNAL_ERROR') logUnexpected(c.get('requestId'), error);
    return errorResponse(c, error);
  });
  return app;
}

import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import { checkHealth } from '../health/check-health.js';
import { errorResponse } from '../rest/error-response.js';
import { ICPS_PATH, icpRoutes } from '../rest/icps.routes.js';
import { methodNotAllowed } from '../rest/method-not-allowed.js';
import { createOpenApiDocument } from '../rest/openapi.js';
import { appRouter } from '../trpc/app-router.js';
import type { CreateContext } from './context-factory.js';

export const TRPC_PATH = '/trpc';

/** The whole HTTP surface: the REST adapter, the tRPC endpoint, health and the OpenAPI document. */
export function createApp(deps: {
  db: Db;
  createContext: CreateContext;
  bodyLimitBytes: number;
  lifecycle?: { draining: boolean };
}) {
  const app = new Hono();
  const openApiJson = JSON.stringify(createOpenApiDocument());

  // Once shutdown begins, each response closes its connection, so clients move on at once.
  app.use('*', async (c, next) => {
    await next();
    if (deps.lifecycle?.draining) c.header('Connection', 'close');
  });
  const limitBody = bodyLimit({
    maxSize: deps.bodyLimitBytes,
    onError: () => {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `Request body is larger than ${deps.bodyLimitBytes} bytes`,
      );
    },
  });
  // Only requests that carry a body pay for the limit's stream wrapping.
  app.use('*', (c, next) =>
    c.req.header('content-length') === undefined && c.req.header('transfer-encoding') === undefined
      ? next()
      : limitBody(c, next),
  );
  // Set before the handler runs: headers added to a finished response make Hono rebuild it.
  app.use('/api/*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    await next();
  });

  app.route(ICPS_PATH, icpRoutes(deps.createContext));

  app.get('/api/v1/openapi.json', (c) => {
    c.header('Content-Type', 'application/json; charset=UTF-8');
    return c.body(openApiJson);
  });
  app.all('/api/v1/openapi.json', methodNotAllowed(['GET']));

  app.get('/healthz', async (c) => c.json(await checkHealth(deps.db)));
  app.all('/healthz', methodNotAllowed(['GET']));

  app.all(`${TRPC_PATH}/*`, (c) =>
    fetchRequestHandler({
      endpoint: TRPC_PATH,
      req: c.req.raw,
      router: appRouter,
      createContext: () => deps.createContext(c.req.header('authorization')),
    }),
  );

  app.notFound((c) =>
    errorResponse(c, new AppError('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`)),
  );
  app.onError((error, c) => errorResponse(c, error));
  return app;
}

import { Hono, type Context as HonoContext } from 'hono';
import type { CreateContext } from '../http/context-factory.js';
import { decodeJsonBody } from './json-body.js';
import { methodNotAllowed } from './method-not-allowed.js';
import { signedIn } from './signed-in.js';

export const RECOMMENDATIONS_PATH = '/v2/recommendations';

/** Every value the v2 ICP's filters accept, from the schema package's catalog. */
export function filtersHandler(createContext: CreateContext) {
  const { caller: signedInCaller } = signedIn(createContext);
  return async (c: HonoContext) =>
    c.json(await (await signedInCaller(c)).recommendations.filters());
}

/** The v2 recommendations endpoints (seed 004), each one procedure call. */
export function recommendationsRoutes(createContext: CreateContext, bodyLimitBytes: number): Hono {
  const routes = new Hono();

  const { caller: signedInCaller } = signedIn(createContext);
  // Bodies and query strings reach the procedures unchecked: validating them is their job.
  const jsonBody = async (c: HonoContext) => {
    const decoded = await decodeJsonBody(c, bodyLimitBytes);
    if (!decoded.ok) throw decoded.error;
    return decoded.value;
  };
  const queryOf = (c: HonoContext) => Object.fromEntries(new URL(c.req.url).searchParams);

  routes.post('/icp', async (c) => {
    const caller = await signedInCaller(c);
    const body = (await jsonBody(c)) as Parameters<
      typeof caller.recommendations.upsertIcp
    >[0]['body'];
    return c.json(await caller.recommendations.upsertIcp({ body }), 201);
  });
  routes.get('/icp', async (c) => {
    const caller = await signedInCaller(c);
    return c.json(await caller.recommendations.icp(queryOf(c)));
  });
  routes.all('/icp', methodNotAllowed(['GET', 'POST']));

  routes.post('/fetch', async (c) => {
    const caller = await signedInCaller(c);
    const body = (await jsonBody(c)) as Parameters<typeof caller.recommendations.fetch>[0]['body'];
    return c.json(await caller.recommendations.fetch({ body }));
  });
  routes.all('/fetch', methodNotAllowed(['POST']));

  // An alias of GET /v1/people/search/filters, where the filter catalog was first served.
  routes.get('/filters', filtersHandler(createContext));
  routes.all('/filters', methodNotAllowed(['GET']));

  return routes;
}

import type { Icp } from '@icp/schema';
import { Hono, type Context as HonoContext } from 'hono';
import type { CreateContext } from '../http/context-factory.js';
import { requestHeader } from '../http/request-header.js';
import { icpJson } from '../icp/icp-json.js';
import { createCaller } from '../trpc/app-router.js';
import { icpListResponse, listQueryOf } from './icp-list-response.js';
import { decodeJsonBody } from './json-body.js';
import { methodNotAllowed } from './method-not-allowed.js';
import { signedIn } from './signed-in.js';

export const ICPS_PATH = '/api/v1/entities/icps';

function withIcp(c: HonoContext, result: { icp: Icp; etag: string }, status: 200 | 201 = 200) {
  c.header('ETag', result.etag);
  c.header('Content-Type', 'application/json');
  return c.body(icpJson(result.icp), status);
}

/**
 * The documented ICP endpoints: each translates HTTP to one procedure call. Authentication is
 * checked before the body is read, so a caller without a token always learns that first; a body
 * that cannot be decoded is reported by the procedure, after its ICP checks.
 */
export function icpRoutes(createContext: CreateContext, bodyLimitBytes: number): Hono {
  const routes = new Hono();

  const { context: signedInContext, caller: signedInCaller } = signedIn(createContext);
  const ifMatchOf = (c: HonoContext) => requestHeader(c, 'if-match');
  // Bodies reach the procedures as unchecked JSON (hence the casts below): validating them is the
  // procedures' job, so both transports answer the same 400s.

  routes.get('/', async (c) => {
    const ctx = await signedInContext(c);
    // The rest of a long list belongs to the same request, whose rate-limit token is spent once.
    return icpListResponse(
      c,
      listQueryOf(c),
      (query) => createCaller(ctx).icp.list(query),
      (query) => createCaller({ ...ctx, callTokens: undefined }).icp.list(query),
    );
  });

  routes.post('/', async (c) => {
    const caller = await signedInCaller(c);
    const decoded = await decodeJsonBody(c, bodyLimitBytes);
    if (!decoded.ok) throw decoded.error;
    const result = await caller.icp.create({
      body: decoded.value,
      idempotencyKey: requestHeader(c, 'idempotency-key'),
    } as Parameters<typeof caller.icp.create>[0]);
    c.header('Location', `${ICPS_PATH}/${result.icp.id}`);
    if (result.replayed) c.header('Idempotent-Replayed', 'true');
    return withIcp(c, result, 201);
  });
  routes.all('/', methodNotAllowed(['GET', 'POST']));

  routes.get('/:id', async (c) =>
    withIcp(c, await (await signedInCaller(c)).icp.byId({ id: c.req.param('id') })),
  );

  routes.patch('/:id', async (c) => {
    const ctx = await signedInContext(c);
    const decoded = await decodeJsonBody(c, bodyLimitBytes);
    const caller = createCaller(decoded.ok ? ctx : { ...ctx, undecodableBody: decoded.error });
    const body = decoded.ok ? decoded.value : {};
    const input = { id: c.req.param('id'), ifMatch: ifMatchOf(c), body };
    return withIcp(c, await caller.icp.update(input as Parameters<typeof caller.icp.update>[0]));
  });

  routes.delete('/:id', async (c) => {
    await (await signedInCaller(c)).icp.delete({ id: c.req.param('id'), ifMatch: ifMatchOf(c) });
    return c.body(null, 204);
  });
  routes.all('/:id', methodNotAllowed(['GET', 'PATCH', 'DELETE']));

  return routes;
}

import { Hono } from 'hono';
import type { CreateContext } from '../http/context-factory.js';
import { declaresBody } from '../http/request-body.js';
import { createCaller } from '../trpc/app-router.js';
import { decodeJsonBody } from './json-body.js';
import { methodNotAllowed } from './method-not-allowed.js';
import { signedIn } from './signed-in.js';

/**
 * `PUT|GET|DELETE /icps/{id}/schedule`: PUT answers 201 when it created the schedule and 200
 * when it replaced one, DELETE 204. A body that cannot be decoded is reported after the ICP
 * checks, by the procedure.
 */
export function schedulesRoutes(createContext: CreateContext, bodyLimitBytes: number): Hono {
  const routes = new Hono();
  const { context: signedInContext, caller: signedInCaller } = signedIn(createContext);

  routes.put('/icps/:id/schedule', async (c) => {
    const ctx = await signedInContext(c);
    let caller = createCaller(ctx);
    let body: unknown;
    if (declaresBody(c)) {
      const decoded = await decodeJsonBody(c, bodyLimitBytes);
      if (decoded.ok) body = decoded.value;
      else caller = createCaller({ ...ctx, undecodableBody: decoded.error });
    }
    // The body reaches the procedure unchecked: validating it is its job (hence the cast).
    const input = { id: c.req.param('id'), body } as Parameters<typeof caller.schedules.set>[0];
    const { created, schedule } = await caller.schedules.set(input);
    return c.json(schedule, created ? 201 : 200);
  });
  routes.get('/icps/:id/schedule', async (c) =>
    c.json(await (await signedInCaller(c)).schedules.get({ id: c.req.param('id') })),
  );
  routes.delete('/icps/:id/schedule', async (c) => {
    await (await signedInCaller(c)).schedules.delete({ id: c.req.param('id') });
    return c.body(null, 204);
  });
  routes.all('/icps/:id/schedule', methodNotAllowed(['GET', 'PUT', 'DELETE']));

  return routes;
}

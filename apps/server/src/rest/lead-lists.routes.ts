import { Hono, type Context as HonoContext } from 'hono';
import type { CreateContext } from '../http/context-factory.js';
import { declaresBody } from '../http/request-body.js';
import { createCaller } from '../trpc/app-router.js';
import { decodeJsonBody } from './json-body.js';
import { leadListPageQueryOf, nextLeadListPageLink } from './lead-list-page.js';
import { methodNotAllowed } from './method-not-allowed.js';
import { signedIn } from './signed-in.js';

export const ENTITIES_PATH = '/api/v1/entities';
export const LEAD_LISTS_PATH = `${ENTITIES_PATH}/leadlists`;

/**
 * Previews and lead lists: `POST /icps/{id}/preview`, `POST|GET /icps/{id}/lead-lists`, and
 * Lance's `POST|GET /leadlists`, `GET|DELETE /leadlists/{id}`, `GET /leadlists/{id}/leads`,
 * `POST /leadlists/{id}/prospects`. Access is the procedures' (see lead-list-access.ts).
 */
export function leadListsRoutes(createContext: CreateContext, bodyLimitBytes: number): Hono {
  const routes = new Hono();

  const { context: signedInContext, caller: signedInCaller } = signedIn(createContext);
  /** A caller and the optional body; one that cannot be decoded is reported after the ICP checks. */
  const callerWithOptionalBody = async (c: HonoContext) => {
    const ctx = await signedInContext(c);
    if (!declaresBody(c)) return { caller: createCaller(ctx), body: undefined };
    const decoded = await decodeJsonBody(c, bodyLimitBytes);
    return decoded.ok
      ? { caller: createCaller(ctx), body: decoded.value }
      : { caller: createCaller({ ...ctx, undecodableBody: decoded.error }), body: undefined };
  };
  // Bodies reach the procedures unchecked: validating them is their job (hence the casts).

  routes.post('/icps/:id/preview', async (c) => {
    const { caller, body } = await callerWithOptionalBody(c);
    const input = { id: c.req.param('id'), body };
    return c.json(
      await caller.leadLists.preview(input as Parameters<typeof caller.leadLists.preview>[0]),
    );
  });
  routes.all('/icps/:id/preview', methodNotAllowed(['POST']));

  routes.post('/icps/:id/lead-lists', async (c) => {
    const { caller, body } = await callerWithOptionalBody(c);
    const input = { id: c.req.param('id'), body };
    const list = await caller.leadLists.generate(
      input as Parameters<typeof caller.leadLists.generate>[0],
    );
    c.header('Location', `${LEAD_LISTS_PATH}/${list.id}`);
    return c.json(list, 201);
  });
  routes.get('/icps/:id/lead-lists', async (c) =>
    c.json(await (await signedInCaller(c)).leadLists.ofIcp({ id: c.req.param('id') })),
  );
  routes.all('/icps/:id/lead-lists', methodNotAllowed(['GET', 'POST']));

  routes.post('/leadlists', async (c) => {
    const caller = await signedInCaller(c);
    const decoded = await decodeJsonBody(c, bodyLimitBytes);
    if (!decoded.ok) throw decoded.error;
    const list = await caller.leadLists.create({
      body: decoded.value,
    } as Parameters<typeof caller.leadLists.create>[0]);
    c.header('Location', `${LEAD_LISTS_PATH}/${list.id}`);
    return c.json(list, 201);
  });
  routes.get('/leadlists', async (c) => {
    const caller = await signedInCaller(c);
    const page = await caller.leadLists.listPage(
      leadListPageQueryOf(c) as Parameters<typeof caller.leadLists.listPage>[0],
    );
    c.header('X-Total-Count', String(page.total));
    const next = nextLeadListPageLink(c, page);
    if (next !== undefined) c.header('Link', next);
    return c.json(page.lists);
  });
  routes.all('/leadlists', methodNotAllowed(['GET', 'POST']));

  routes.get('/leadlists/:id', async (c) =>
    c.json(await (await signedInCaller(c)).leadLists.byId({ id: c.req.param('id') })),
  );
  routes.delete('/leadlists/:id', async (c) => {
    await (await signedInCaller(c)).leadLists.delete({ id: c.req.param('id') });
    return c.body(null, 204);
  });
  routes.all('/leadlists/:id', methodNotAllowed(['GET', 'DELETE']));

  routes.get('/leadlists/:id/leads', async (c) =>
    c.json(await (await signedInCaller(c)).leadLists.leads({ id: c.req.param('id') })),
  );
  routes.all('/leadlists/:id/leads', methodNotAllowed(['GET']));

  routes.post('/leadlists/:id/prospects', async (c) => {
    const { caller, body } = await callerWithOptionalBody(c);
    const input = { id: c.req.param('id'), body };
    return c.json(
      await caller.leadLists.addProspects(
        input as Parameters<typeof caller.leadLists.addProspects>[0],
      ),
    );
  });
  routes.all('/leadlists/:id/prospects', methodNotAllowed(['POST']));

  return routes;
}

import {
  icpCreateInput,
  icpPatchInput,
  idempotencyKey,
  ifMatch,
  normalizeIcpId,
} from '@icp/schema';
import { z } from 'zod';
import { icpForbidden, icpNotFound, staleIfMatch } from '../errors.js';
import { protectedProcedure, router } from '../trpc/trpc.js';
import { canAccessIcp } from './icp.access.js';
import { etagOf, ifMatchAccepts } from './icp.etag.js';
import { findIcpById, listIcpsOfUser } from './icp.repository.js';
import { createIcp, deleteIcp, updateIcp } from './icp.service.js';
import { fingerprintOf } from './request-fingerprint.js';

const icpTarget = { id: z.string(), ifMatch: ifMatch.optional() };

/**
 * Finds the ICP a request names and checks access, before the body is looked at: the documented
 * order is 401, 404, 403, 412, and only then 400.
 */
const accessibleIcpProcedure = protectedProcedure.use(async ({ ctx, getRawInput, next }) => {
  const raw = (await getRawInput()) as { id?: unknown; ifMatch?: unknown } | undefined;
  const id = normalizeIcpId(raw?.id);
  const icp = id === null ? undefined : await findIcpById(ctx.db, id);
  if (icp === undefined) throw icpNotFound();
  if (!canAccessIcp(ctx.user, icp)) throw icpForbidden();
  const etag = etagOf(icp);
  if (typeof raw?.ifMatch === 'string' && !ifMatchAccepts(raw.ifMatch, etag)) throw staleIfMatch();
  if (ctx.undecodableBody !== undefined) throw ctx.undecodableBody;
  return next({ ctx: { checked: { icp, etag } } });
});

/**
 * `Idempotency-Key` replays compare the body as sent, before defaults fill it in; it is
 * fingerprinted only once validation has bounded its size and depth.
 */
const createProcedure = protectedProcedure.use(async ({ getRawInput, next }) => {
  const fingerprintRequestBody = async () => {
    const raw = (await getRawInput()) as { body?: unknown } | undefined;
    return fingerprintOf(raw?.body);
  };
  return next({ ctx: { fingerprintRequestBody } });
});

export const icpRouter = router({
  list: protectedProcedure.query(({ ctx }) => listIcpsOfUser(ctx.db, ctx.user.id)),

  byId: accessibleIcpProcedure.input(z.object({ id: z.string() })).query(({ ctx }) => ctx.checked),

  create: createProcedure
    .input(z.object({ body: icpCreateInput, idempotencyKey: idempotencyKey.optional() }))
    .mutation(async ({ ctx, input }) =>
      createIcp(
        ctx.db,
        ctx.user,
        input.body,
        ctx.now(),
        input.idempotencyKey === undefined
          ? undefined
          : { key: input.idempotencyKey, requestHash: await ctx.fingerprintRequestBody() },
      ),
    ),

  update: accessibleIcpProcedure
    .input(z.object({ ...icpTarget, body: icpPatchInput }))
    .mutation(({ ctx, input }) =>
      updateIcp(ctx.db, ctx.user, ctx.checked, input.body, ctx.now(), input.ifMatch),
    ),

  delete: accessibleIcpProcedure.input(z.object(icpTarget)).mutation(async ({ ctx, input }) => {
    await deleteIcp(ctx.db, ctx.user, ctx.checked, input.ifMatch);
    return { id: ctx.checked.icp.id };
  }),
});

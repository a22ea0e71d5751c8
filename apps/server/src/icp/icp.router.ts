import {
  icpCreateInput,
  icpPatchInput,
  idempotencyKey,
  ifMatch,
  normalizeIcpId,
} from '@icp/schema';
import { z } from 'zod';
import { icpForbidden, icpNotFound, staleIfMatch } from '../errors.js';
import type { Context } from '../trpc/context.js';
import { syncInput } from '../trpc/sync-input.js';
import { protectedProcedure, publicProcedure, router, signedInUser } from '../trpc/trpc.js';
import { canAccessIcp } from './icp.access.js';
import { etagOf, ifMatchAccepts } from './icp.etag.js';
import { findIcpById, listIcpsOfUser } from './icp.repository.js';
import { createIcp, deleteIcp, updateIcp } from './icp.service.js';
import { fingerprintOf } from './request-fingerprint.js';

const icpTarget = { id: z.string(), ifMatch: ifMatch.optional() };

/**
 * The checks on a request naming one ICP, in the documented order: 401, 404, 403, 412, and only
 * then anything about the body.
 */
async function checkIcpTarget(
  ctx: Context,
  target: { id?: unknown; ifMatch?: unknown } | undefined,
) {
  const user = signedInUser(ctx);
  const id = normalizeIcpId(target?.id);
  const icp = id === null ? undefined : await findIcpById(ctx.db, id);
  if (icp === undefined) throw icpNotFound();
  if (!canAccessIcp(user, icp)) throw icpForbidden();
  const etag = etagOf(icp);
  if (typeof target?.ifMatch === 'string' && !ifMatchAccepts(target.ifMatch, etag)) {
    throw staleIfMatch();
  }
  if (ctx.undecodableBody !== undefined) throw ctx.undecodableBody;
  return { user, checked: { icp, etag } };
}

/** Runs the ICP checks before the input (the body) is validated. */
const accessibleIcpProcedure = publicProcedure.use(async ({ ctx, getRawInput, next }) =>
  next({ ctx: await checkIcpTarget(ctx, (await getRawInput()) as { id?: unknown } | undefined) }),
);

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

  // No body to validate, so no middleware layer needed: the hottest read stays lean.
  byId: publicProcedure
    .input(syncInput(z.object({ id: z.string() })))
    .query(async ({ ctx, input }) => (await checkIcpTarget(ctx, input)).checked),

  create: createProcedure
    .input(syncInput(z.object({ body: icpCreateInput, idempotencyKey: idempotencyKey.optional() })))
    .mutation(async ({ ctx, input }) =>
      createIcp(
        ctx.transact,
        ctx.user,
        input.body,
        ctx.now(),
        input.idempotencyKey === undefined
          ? undefined
          : { key: input.idempotencyKey, requestHash: await ctx.fingerprintRequestBody() },
      ),
    ),

  update: accessibleIcpProcedure
    .input(syncInput(z.object({ ...icpTarget, body: icpPatchInput })))
    .mutation(({ ctx, input }) =>
      updateIcp(ctx.transact, ctx.user, ctx.checked, input.body, ctx.now(), input.ifMatch),
    ),

  delete: accessibleIcpProcedure
    .input(syncInput(z.object(icpTarget)))
    .mutation(async ({ ctx, input }) => {
      await deleteIcp(ctx.transact, ctx.user, ctx.checked, input.ifMatch);
      return { id: ctx.checked.icp.id };
    }),
});

import { icpCreateInput, icpListQuery, icpPatchInput, idempotencyKey, ifMatch } from '@icp/schema';
import { z } from 'zod';
import { syncInput } from '../trpc/sync-input.js';
import { protectedProcedure, publicProcedure, router } from '../trpc/trpc.js';
import { listIcpsOfUser } from './icp.repository.js';
import { createIcp, deleteIcp, updateIcp } from './icp.service.js';
import { listPositionOf } from './icp-list-cursor.js';
import { accessibleIcpProcedure, checkIcpTarget } from './icp-target.js';
import { fingerprintOf } from './request-fingerprint.js';

const icpTarget = { id: z.string(), ifMatch: ifMatch.optional() };

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
  /** The caller's ICPs in list order: all of them, or a page (`limit`, `cursor`). */
  list: protectedProcedure.input(syncInput(icpListQuery.optional())).query(({ ctx, input }) =>
    listIcpsOfUser(ctx.db, ctx.user.id, {
      limit: input?.limit,
      after: input?.cursor === undefined ? undefined : listPositionOf(input.cursor),
    }),
  ),

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

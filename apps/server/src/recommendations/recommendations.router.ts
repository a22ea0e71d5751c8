import { filterCatalog, recommendationIcpInput, recommendationIcpQuery } from '@icp/schema';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { syncInput } from '../trpc/sync-input.js';
import { protectedProcedure, router } from '../trpc/trpc.js';
import { findRecommendationIcp, upsertRecommendationIcp } from './recommendation-icp.repository.js';

/** The v2 recommendations API: one ICP per external user of the calling account. */
export const recommendationsRouter = router({
  upsertIcp: protectedProcedure
    .input(syncInput(z.object({ body: recommendationIcpInput })))
    .mutation(({ ctx, input }) =>
      ctx.transact((tx) => upsertRecommendationIcp(tx, ctx.user.id, input.body, ctx.now())),
    ),

  icp: protectedProcedure.input(syncInput(recommendationIcpQuery)).query(async ({ ctx, input }) => {
    const icp = await findRecommendationIcp(ctx.db, ctx.user.id, input.externalUserId);
    if (icp === undefined) {
      throw new AppError(
        'NOT_FOUND',
        input.externalUserId === undefined
          ? 'No ICP has been saved for this account yet'
          : `No ICP has been saved for external user ${JSON.stringify(input.externalUserId)}`,
      );
    }
    return icp;
  }),

  filters: protectedProcedure.query(() => filterCatalog),
});

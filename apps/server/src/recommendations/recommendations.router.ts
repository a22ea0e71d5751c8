import {
  filterCatalog,
  recommendationFetchInput,
  recommendationIcpInput,
  recommendationIcpQuery,
} from '@icp/schema';
import { z } from 'zod';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import { leadSearch } from '../leads/lead-search-limits.js';
import { syncInput } from '../trpc/sync-input.js';
import { protectedProcedure, router } from '../trpc/trpc.js';
import { fetchRecommendations } from './recommendation-fetch.service.js';
import { findRecommendationIcp, upsertRecommendationIcp } from './recommendation-icp.repository.js';
import { recommendationIcpListOf } from './recommendation-icp-list.js';

async function savedIcp(db: Db, accountId: string, externalUserId: string | undefined) {
  const icp = await findRecommendationIcp(db, accountId, externalUserId);
  if (icp === undefined) {
    throw new AppError(
      'NOT_FOUND',
      externalUserId === undefined
        ? 'No ICP has been saved for this account yet'
        : `No ICP has been saved for external user ${JSON.stringify(externalUserId)}`,
    );
  }
  return icp;
}

/** The v2 recommendations API: one ICP per external user of the calling account. */
export const recommendationsRouter = router({
  upsertIcp: protectedProcedure
    .input(syncInput(z.object({ body: recommendationIcpInput })))
    .mutation(({ ctx, input }) =>
      ctx.transact((tx) => upsertRecommendationIcp(tx, ctx.user.id, input.body, ctx.now())),
    ),

  /** The saved ICP as a list of one, or an empty list when none is saved. */
  icp: protectedProcedure
    .input(syncInput(recommendationIcpQuery))
    .query(async ({ ctx, input }) =>
      recommendationIcpListOf(
        await findRecommendationIcp(ctx.db, ctx.user.id, input.externalUserId),
      ),
    ),

  /** A page of the day's companies recommended for the saved ICP, generated on its first fetch. */
  fetch: protectedProcedure
    .input(syncInput(z.object({ body: recommendationFetchInput })))
    .mutation(async ({ ctx, input }) => {
      const icp = await savedIcp(ctx.db, ctx.user.id, input.body.externalUserId);
      const deps = {
        db: ctx.db,
        transact: ctx.transact,
        search: <T>(work: (db: Db) => Promise<T>) => leadSearch(ctx, ctx.user.id, work),
        userId: ctx.user.id,
        companiesPerDay: ctx.recommendedCompaniesPerDay ?? 0,
      };
      return fetchRecommendations(deps, icp, input.body.pagination, ctx.now());
    }),

  filters: protectedProcedure.query(() => filterCatalog),
});

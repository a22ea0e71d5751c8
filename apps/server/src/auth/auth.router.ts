import { userId } from '@icp/schema';
import { z } from 'zod';
import { AppError, tooManyRequests } from '../errors.js';
import { addressBucket } from '../rate-limit/rate-limiter.js';
import { syncInput } from '../trpc/sync-input.js';
import { publicProcedure, router } from '../trpc/trpc.js';

export const authRouter = router({
  /** How to sign in here, and who is signed in (null when nobody is). */
  session: publicProcedure.query(({ ctx }) => ({
    mode: ctx.authMode.kind,
    user: ctx.user === null ? null : { id: ctx.user.id, isAdmin: ctx.user.isAdmin },
  })),

  /**
   * Local mode only: a token for any user id, signed with the server's own key. Nobody is signed
   * in yet, so the rate limit is the calling address's: one client cannot lock others out.
   */
  localSignIn: publicProcedure
    .input(syncInput(z.object({ userId: userId.trim() })))
    .mutation(async ({ ctx, input }) => {
      if (ctx.authMode.kind !== 'local') {
        throw new AppError('FORBIDDEN', 'Local sign-in is only available in local mode');
      }
      const grant = await ctx.rateLimiter?.take(addressBucket(ctx.clientAddress ?? 'unknown'), 1);
      if (grant !== undefined && grant.granted === 0)
        throw tooManyRequests(grant.retryAfterSeconds);
      return { userId: input.userId, token: await ctx.authMode.signToken(input.userId) };
    }),
});

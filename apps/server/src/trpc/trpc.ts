import { initTRPC } from '@trpc/server';
import type { AuthUser } from '../auth/auth-user.js';
import { asAppError, tooManyRequests, unauthenticated } from '../errors.js';
import type { Context } from './context.js';

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const appError = asAppError(error);
    return {
      ...shape,
      message: appError.message,
      data: {
        ...shape.data,
        stack: undefined,
        httpStatus: appError.httpStatus,
        appCode: appError.appCode,
        details: appError.details,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

/**
 * The signed-in caller, or UNAUTHORIZED; each call spends one of the tokens its request took
 * from the user's rate-limit bucket (TOO_MANY_REQUESTS with Retry-After when none is left).
 */
export function signedInUser(ctx: Context): AuthUser {
  if (ctx.user === null) throw unauthenticated();
  const decision = ctx.callTokens?.spend();
  if (decision !== undefined && !decision.allowed) {
    throw tooManyRequests(decision.retryAfterSeconds);
  }
  return ctx.user;
}

/** A procedure for signed-in users only; narrows `ctx.user` to non-null. */
export const protectedProcedure = t.procedure.use(({ ctx, next }) =>
  next({ ctx: { user: signedInUser(ctx) } }),
);

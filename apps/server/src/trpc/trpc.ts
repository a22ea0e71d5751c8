import { initTRPC } from '@trpc/server';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError, asAppError, unauthenticated } from '../errors.js';
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
 * The signed-in caller, or UNAUTHORIZED; each call takes a token from the caller's rate-limit
 * bucket (TOO_MANY_REQUESTS with Retry-After when it is empty).
 */
export function signedInUser(ctx: Context): AuthUser {
  if (ctx.user === null) throw unauthenticated();
  const decision = ctx.rateLimit ?? ctx.rateLimiter?.take(`${ctx.user.via}:${ctx.user.id}`);
  if (decision !== undefined && !decision.allowed) {
    throw new AppError(
      'TOO_MANY_REQUESTS',
      'Too many requests; slow down and retry later',
      undefined,
      {
        'Retry-After': String(decision.retryAfterSeconds),
      },
    );
  }
  return ctx.user;
}

/** A procedure for signed-in users only; narrows `ctx.user` to non-null. */
export const protectedProcedure = t.procedure.use(({ ctx, next }) =>
  next({ ctx: { user: signedInUser(ctx) } }),
);

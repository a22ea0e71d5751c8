import { initTRPC } from '@trpc/server';
import { asAppError, unauthenticated } from '../errors.js';
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
export const middleware = t.middleware;

/** A procedure for signed-in users only; narrows `ctx.user` to non-null. */
export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (ctx.user === null) throw unauthenticated();
  return next({ ctx: { ...ctx, user: ctx.user } });
});

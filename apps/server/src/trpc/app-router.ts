import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { authRouter } from '../auth/auth.router.js';
import { icpRouter } from '../icp/icp.router.js';
import { leadListsRouter } from '../lead-lists/lead-lists.router.js';
import { recommendationsRouter } from '../recommendations/recommendations.router.js';
import { schedulesRouter } from '../schedules/schedules.router.js';
import { createCallerFactory, router } from './trpc.js';

export const appRouter = router({
  auth: authRouter,
  icp: icpRouter,
  leadLists: leadListsRouter,
  recommendations: recommendationsRouter,
  schedules: schedulesRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export const createCaller = createCallerFactory(appRouter);

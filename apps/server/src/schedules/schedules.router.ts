import { scheduleInput } from '@icp/schema';
import { z } from 'zod';
import { accessibleIcpProcedure } from '../icp/icp-target.js';
import { syncInput } from '../trpc/sync-input.js';
import { router } from '../trpc/trpc.js';
import { findSchedule } from './schedule.repository.js';
import {
  removeSchedule,
  scheduleNotFound,
  scheduleStateOf,
  setSchedule,
} from './schedule.service.js';

const icpTarget = z.object({ id: z.string() });

/** An ICP's delivery schedule; access is the ICP's (401, 404, 403 before the body). */
export const schedulesRouter = router({
  /** Creates or replaces it; `created` tells which. */
  set: accessibleIcpProcedure
    .input(syncInput(icpTarget.extend({ body: scheduleInput })))
    .mutation(({ ctx, input }) =>
      setSchedule(ctx, ctx.user, ctx.checked.icp, input.body, ctx.now()),
    ),

  /** The schedule and its state: the next delivery, whether it ended, the periods delivered. */
  get: accessibleIcpProcedure.input(syncInput(icpTarget)).query(async ({ ctx }) => {
    const row = await findSchedule(ctx.db, ctx.checked.icp.id);
    if (row === undefined) throw scheduleNotFound();
    return scheduleStateOf(ctx.db, row, ctx.checked.icp, ctx.now());
  }),

  /** Stops it: no more deliveries; the lists delivered stay. */
  delete: accessibleIcpProcedure.input(syncInput(icpTarget)).mutation(async ({ ctx }) => {
    if (!(await removeSchedule(ctx, ctx.checked.icp.id))) throw scheduleNotFound();
    return { icpId: ctx.checked.icp.id };
  }),
});

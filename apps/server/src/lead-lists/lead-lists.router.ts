import {
  leadDraftPreviewInput,
  leadListInput,
  leadPreviewInput,
  normalizeIcpId,
} from '@icp/schema';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { canAccessIcp } from '../icp/icp.access.js';
import { findIcpById } from '../icp/icp.repository.js';
import { accessibleIcpProcedure, checkIcpTarget } from '../icp/icp-target.js';
import { leadSearch } from '../leads/lead-search-limits.js';
import type { Context } from '../trpc/context.js';
import { syncInput } from '../trpc/sync-input.js';
import { protectedProcedure, publicProcedure, router, signedInUser } from '../trpc/trpc.js';
import { previewDraft } from './draft-preview.js';
import {
  deleteLeadList,
  findLeadList,
  listLeadListsOfIcp,
  listLeadListsOfUser,
} from './lead-list.repository.js';
import { generateLeadList, previewLeads } from './lead-list.service.js';

const leadListNotFound = () => new AppError('NOT_FOUND', 'No lead list exists with this id');

/** A lead list the caller may see: access follows the ICP it was generated for. */
async function checkLeadListTarget(ctx: Context, id: string) {
  const user = signedInUser(ctx);
  // Ids are UUIDs (any case), like ICP ids: anything else names no list, without asking.
  const listId = normalizeIcpId(id);
  const list = listId === null ? undefined : await findLeadList(ctx.db, listId);
  if (list === undefined) throw leadListNotFound();
  const icp = await findIcpById(ctx.db, list.icpId);
  if (icp === undefined) throw leadListNotFound();
  if (!canAccessIcp(user, icp)) {
    throw new AppError('FORBIDDEN', 'User does not have access to the ICP of this lead list');
  }
  return list;
}

const icpTarget = z.object({ id: z.string() });

export const leadListsRouter = router({
  /**
   * How many people an ICP matches now, and its first leads; nothing is recorded. The ICP checks
   * (401, 404, 403) run before the body is looked at, as for the ICP endpoints.
   */
  preview: accessibleIcpProcedure
    .input(syncInput(icpTarget.extend({ body: leadPreviewInput.prefault({}) })))
    .mutation(({ ctx, input }) =>
      leadSearch(ctx, ctx.user.id, (db) =>
        previewLeads(
          { ...ctx, db },
          ctx.checked.icp,
          input.body.limit,
          ctx.now(),
          ctx.checked.icp.id,
        ),
      ),
    ),

  /** The same for criteria being edited, before they are saved (see draft-preview.ts). */
  previewDraft: protectedProcedure
    .input(syncInput(z.object({ body: leadDraftPreviewInput })))
    .mutation(async ({ ctx, input }) => {
      const { icpId, crmFilters = null, ...draft } = input.body;
      const edited = icpId === undefined ? undefined : await checkIcpTarget(ctx, { id: icpId });
      return leadSearch(ctx, ctx.user.id, (db) =>
        previewDraft(
          { ...ctx, db },
          { ...draft, crmFilters, icpId: edited?.checked.icp.id },
          ctx.now(),
        ),
      );
    }),

  generate: accessibleIcpProcedure
    .input(syncInput(icpTarget.extend({ body: leadListInput.prefault({}) })))
    .mutation(({ ctx, input }) => {
      const size = input.body.size ?? ctx.checked.icp.leadsPerList;
      return leadSearch(ctx, ctx.user.id, (db) =>
        generateLeadList({ ...ctx, db }, ctx.user, ctx.checked.icp, size, ctx.now()),
      );
    }),

  /** Lists of every ICP shared with the caller, newest first. */
  list: protectedProcedure.query(({ ctx }) => listLeadListsOfUser(ctx.db, ctx.user.id)),

  ofIcp: publicProcedure.input(syncInput(icpTarget)).query(async ({ ctx, input }) => {
    const { checked } = await checkIcpTarget(ctx, input);
    return listLeadListsOfIcp(ctx.db, checked.icp.id);
  }),

  byId: publicProcedure
    .input(syncInput(z.object({ id: z.string() })))
    .query(({ ctx, input }) => checkLeadListTarget(ctx, input.id)),

  delete: publicProcedure
    .input(syncInput(z.object({ id: z.string() })))
    .mutation(async ({ ctx, input }) => {
      const list = await checkLeadListTarget(ctx, input.id);
      await ctx.transact((tx) => deleteLeadList(tx, list.id));
      return { id: list.id };
    }),
});

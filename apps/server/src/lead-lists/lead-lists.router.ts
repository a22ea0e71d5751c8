import {
  leadDraftPreviewInput,
  leadListCreateInput,
  leadListInput,
  leadListPageQuery,
  leadListProspectsInput,
  leadPreviewInput,
} from '@icp/schema';
import { z } from 'zod';
import { accessibleIcpProcedure, checkIcpTarget } from '../icp/icp-target.js';
import { leadSearch } from '../leads/lead-search-limits.js';
import { syncInput } from '../trpc/sync-input.js';
import { protectedProcedure, publicProcedure, router } from '../trpc/trpc.js';
import { previewDraft } from './draft-preview.js';
import { addProspects, createLeadList, leadsOfList } from './hand-made-lists.js';
import {
  deleteLeadList,
  leadListDetailOf,
  listLeadListsOfIcp,
  listLeadListsVisibleTo,
} from './lead-list.repository.js';
import { generateLeadList, previewLeads } from './lead-list.service.js';
import { leadListProcedure } from './lead-list-access.js';

const icpTarget = z.object({ id: z.string() });
const listTarget = z.object({ id: z.string() });
const listPage = syncInput(leadListPageQuery.prefault({}));

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

  /** A list made by hand from people and companies of the lead database (Lance's Create). */
  create: protectedProcedure
    .input(syncInput(z.object({ body: leadListCreateInput })))
    .mutation(({ ctx, input }) => createLeadList(ctx, ctx.user, input.body, ctx.now())),

  /**
   * A page of the lists the caller may see, newest first (the newest 100 unless told); an admin
   * sees all.
   */
  list: protectedProcedure
    .input(listPage)
    .query(async ({ ctx, input }) => (await listLeadListsVisibleTo(ctx.db, ctx.user, input)).lists),

  /** The same page, and how many lists the caller may see in all. */
  listPage: protectedProcedure
    .input(listPage)
    .query(({ ctx, input }) => listLeadListsVisibleTo(ctx.db, ctx.user, input)),

  ofIcp: publicProcedure.input(syncInput(icpTarget)).query(async ({ ctx, input }) => {
    const { checked } = await checkIcpTarget(ctx, input);
    return listLeadListsOfIcp(ctx.db, checked.icp.id);
  }),

  /** The list with its people (each with company and CRM record) and its companies. */
  byId: leadListProcedure
    .input(syncInput(listTarget))
    .query(({ ctx }) => leadListDetailOf(ctx.db, ctx.list)),

  /** Its leads: people whose company has a name, or a company list's companies. */
  leads: leadListProcedure
    .input(syncInput(listTarget))
    .query(({ ctx }) => leadsOfList(ctx.db, ctx.list)),

  /** Adds people given as data (stored first) or picked by id; person lists only. */
  addProspects: leadListProcedure
    .input(syncInput(listTarget.extend({ body: leadListProspectsInput })))
    .mutation(({ ctx, input }) => addProspects(ctx, ctx.user, ctx.list, input.body, ctx.now())),

  /** Deletes the list; its people and companies stay in the lead database. */
  delete: leadListProcedure.input(syncInput(listTarget)).mutation(async ({ ctx }) => {
    await ctx.transact((tx) => deleteLeadList(tx, ctx.list.id));
    return { id: ctx.list.id };
  }),
});

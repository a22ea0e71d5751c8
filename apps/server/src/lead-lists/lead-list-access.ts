import { type LeadList, normalizeIcpId } from '@icp/schema';
import { z } from 'zod';
import type { AuthUser } from '../auth/auth-user.js';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import { canAccessIcp } from '../icp/icp.access.js';
import { findIcpById } from '../icp/icp.repository.js';
import type { Context } from '../trpc/context.js';
import { syncInput } from '../trpc/sync-input.js';
import { publicProcedure, signedInUser } from '../trpc/trpc.js';
import { findLeadList } from './lead-list.repository.js';

// Lance's messages, word for word.
export const leadListNotFound = (id: string) =>
  new AppError('NOT_FOUND', `LeadList with id '${id}' not found`);
export const leadListForbidden = () =>
  new AppError('FORBIDDEN', 'You do not have access to this lead list');
export const listIcpNotFound = (id: string) => new AppError('NOT_FOUND', `ICP not found: ${id}`);
export const listIcpForbidden = () =>
  new AppError('FORBIDDEN', 'You do not have access to this ICP');

/**
 * The lead list access rule, the only one: admins see every list; a list with an ICP is seen by
 * that ICP's members, one without by its viewers (`userIds`: its creator, the users it was given,
 * and the members its ICP had when the ICP was deleted). Seeing a list is reading, adding to and
 * deleting it.
 */
export async function canSeeLeadList(db: Db, user: AuthUser, list: LeadList): Promise<boolean> {
  if (user.isAdmin) return true;
  if (list.icpId !== null) {
    const icp = await findIcpById(db, list.icpId);
    // An ICP deleted since the list was read: the list already has the ICP's members as viewers.
    if (icp !== undefined) return canAccessIcp(user, icp);
  }
  return list.userIds.includes(user.id);
}

const listIdInput = syncInput(z.object({ id: z.string() }));

/**
 * The checks on a request naming one lead list, in the documented order: 401, 404, 403, and only
 * then anything about the body. Ids are UUIDs of any case; anything else names no list.
 */
export async function checkLeadListTarget(ctx: Context, target: { id?: unknown } | undefined) {
  const user = signedInUser(ctx);
  // An id no database can store (a NUL) is a 400 naming it, as input checks say.
  listIdInput.parse({ id: target?.id });
  const given = typeof target?.id === 'string' ? target.id : '';
  const id = normalizeIcpId(given);
  const list = id === null ? undefined : await findLeadList(ctx.db, id);
  if (list === undefined) throw leadListNotFound(given);
  if (!(await canSeeLeadList(ctx.db, user, list))) throw leadListForbidden();
  if (ctx.undecodableBody !== undefined) throw ctx.undecodableBody;
  return { user, list };
}

/** Runs the lead list checks before the input (the body) is validated. */
export const leadListProcedure = publicProcedure.use(async ({ ctx, getRawInput, next }) =>
  next({
    ctx: await checkLeadListTarget(ctx, (await getRawInput()) as { id?: unknown } | undefined),
  }),
);

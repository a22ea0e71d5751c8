import { normalizeIcpId } from '@icp/schema';
import { icpForbidden, icpNotFound, staleIfMatch } from '../errors.js';
import type { Context } from '../trpc/context.js';
import { publicProcedure, signedInUser } from '../trpc/trpc.js';
import { canAccessIcp } from './icp.access.js';
import { etagOf, ifMatchAccepts } from './icp.etag.js';
import { findIcpById } from './icp.repository.js';

/**
 * The checks on a request naming one ICP, in the documented order: 401, 404, 403, 412, and only
 * then anything about the body.
 */
export async function checkIcpTarget(
  ctx: Context,
  target: { id?: unknown; ifMatch?: unknown } | undefined,
) {
  const user = signedInUser(ctx);
  const id = normalizeIcpId(target?.id);
  const icp = id === null ? undefined : await findIcpById(ctx.db, id);
  if (icp === undefined) throw icpNotFound();
  if (!canAccessIcp(user, icp)) throw icpForbidden();
  const etag = etagOf(icp);
  if (typeof target?.ifMatch === 'string' && !ifMatchAccepts(target.ifMatch, etag)) {
    throw staleIfMatch();
  }
  if (ctx.undecodableBody !== undefined) throw ctx.undecodableBody;
  return { user, checked: { icp, etag } };
}

/** Runs the ICP checks before the input (the body) is validated. */
export const accessibleIcpProcedure = publicProcedure.use(async ({ ctx, getRawInput, next }) =>
  next({ ctx: await checkIcpTarget(ctx, (await getRawInput()) as { id?: unknown } | undefined) }),
);

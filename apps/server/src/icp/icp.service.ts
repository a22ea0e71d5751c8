import { randomUUID } from 'node:crypto';
import { type Icp, type IcpCreate, type IcpPatch, icpSizeIssue } from '@icp/schema';
import type { AuthUser } from '../auth/auth-user.js';
import type { Db } from '../db/connect.js';
import type { Transact } from '../db/transact.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { AppError, icpForbidden, icpNotFound, invalidBody, staleIfMatch } from '../errors.js';
import { keepListsOfDeletedIcp } from '../lead-lists/lead-list.repository.js';
import { canAccessIcp } from './icp.access.js';
import { etagOf } from './icp.etag.js';
import { applyIcpPatch } from './icp.patch.js';
import { deleteIcpById, findIcpForUpdate, insertIcp, replaceIcp } from './icp.repository.js';
import { userIdsOnCreate } from './icp.user-ids.js';
import { icpJson } from './icp-json.js';
import { checkSharesWithin, sharesWithOthers } from './icp-shares.js';
import { findRememberedCreate, rememberCreate } from './idempotency.repository.js';

export interface IcpWithEtag {
  icp: Icp;
  etag: string;
}

export interface Idempotency {
  key: string;
  requestHash: string;
}

/** Creates an ICP; with an idempotency key, a repeated request returns the first response. */
export async function createIcp(
  transact: Transact,
  user: AuthUser,
  body: IcpCreate,
  now: Date,
  idempotency?: Idempotency,
): Promise<IcpWithEtag & { replayed: boolean }> {
  const timestamp = now.toISOString();
  const icp: Icp = {
    id: randomUUID(),
    name: body.name,
    description: body.description,
    createdAt: timestamp,
    updatedAt: timestamp,
    leadProviderCriteria: body.leadProviderCriteria,
    customFilterCriteria: body.customFilterCriteria,
    crmFilters: body.crmFilters,
    userIds: userIdsOnCreate(body.userIds, user.id),
    leadsPerList: body.leadsPerList,
    activeUntil: body.activeUntil,
  };

  // Without a key to remember or shares to count, the create is the ICP's insert alone.
  if (idempotency === undefined && !sharesWithOthers(user.id, icp.userIds)) {
    await transact.atomic((db) => insertIcp(db, icp, user.id));
    return { icp, etag: etagOf(icp), replayed: false };
  }
  const attempt = () =>
    transact(async (tx) => {
      if (idempotency !== undefined) {
        const remembered = await findRememberedCreate(tx, user.id, idempotency.key, now);
        if (remembered !== undefined) {
          if (remembered.requestHash !== idempotency.requestHash) {
            throw new AppError(
              'CONFLICT',
              'This Idempotency-Key was already used with a different request body',
            );
          }
          const first = JSON.parse(remembered.responseBody) as Icp;
          return { icp: first, etag: etagOf(first), replayed: true };
        }
      }
      await checkSharesWithin(tx, user.id, icp.userIds, body.userIds);
      await insertIcp(tx, icp, user.id);
      if (idempotency !== undefined) {
        await rememberCreate(
          tx,
          { userId: user.id, ...idempotency, icpId: icp.id, responseBody: icpJson(icp) },
          now,
        );
      }
      return { icp, etag: etagOf(icp), replayed: false };
    });
  try {
    return await attempt();
  } catch (error) {
    // Two requests with one key racing (on two replicas, say): the loser's transaction rolled
    // back whole, so it retries once and answers as a replay (or 409) of the winner's create.
    if (idempotency === undefined || !isUniqueViolation(error)) throw error;
    return attempt();
  }
}

/**
 * Re-reads the ICP inside the write transaction, so a change that landed after the caller's
 * checks (another request, another replica) is never overwritten unseen.
 */
async function lockedCurrent(tx: Db, user: AuthUser, checked: IcpWithEtag, ifMatch?: string) {
  const current = await findIcpForUpdate(tx, checked.icp.id);
  if (current === undefined) throw icpNotFound();
  if (!canAccessIcp(user, current)) throw icpForbidden();
  if (ifMatch !== undefined && etagOf(current) !== checked.etag) throw staleIfMatch();
  return current;
}

export async function updateIcp(
  transact: Transact,
  user: AuthUser,
  checked: IcpWithEtag,
  patch: IcpPatch,
  now: Date,
  ifMatch?: string,
): Promise<IcpWithEtag> {
  return transact(async (tx) => {
    const current = await lockedCurrent(tx, user, checked, ifMatch);
    const next = applyIcpPatch(current, patch, now);
    if (next === current) return { icp: next, etag: etagOf(next) };
    const { id, createdAt, updatedAt, ...stored } = next;
    const oversize = icpSizeIssue(stored);
    if (oversize !== null) throw invalidBody([oversize]);
    const added = next.userIds.filter((userId) => !current.userIds.includes(userId));
    await checkSharesWithin(tx, user.id, added, patch.userIds ?? []);
    await replaceIcp(tx, current, next, user.id);
    return { icp: next, etag: etagOf(next) };
  });
}

export async function deleteIcp(
  transact: Transact,
  user: AuthUser,
  checked: IcpWithEtag,
  ifMatch?: string,
): Promise<void> {
  await transact(async (tx) => {
    const current = await lockedCurrent(tx, user, checked, ifMatch);
    // Its lead lists stay (their ICP becomes null); those who saw them through it still do.
    await keepListsOfDeletedIcp(tx, current.id, current.userIds);
    await deleteIcpById(tx, checked.icp.id);
  });
}

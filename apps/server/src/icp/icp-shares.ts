import { MAX_ICPS_SHARED_WITH_USER } from '@icp/schema';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import { countIcpsSharedWith, lockSharesWith } from './icp.repository.js';

/** Whether adding `userIds` shares with anyone but the actor: what `checkSharesWithin` counts. */
export function sharesWithOthers(actorId: string, userIds: readonly string[]): boolean {
  return userIds.some((userId) => userId !== actorId);
}

/**
 * Refuses (409, naming each user in `userIds` as sent) to add users that others have already
 * shared the most ICPs with: anyone could otherwise fill another user's list without end. The
 * actor adding themselves is no share. Call inside the write transaction that adds them, so the
 * count cannot change before the write.
 */
export async function checkSharesWithin(
  tx: Db,
  actorId: string,
  added: readonly string[],
  sentUserIds: readonly string[],
): Promise<void> {
  const sharedWith = added.filter((userId) => userId !== actorId);
  if (sharedWith.length === 0) return;
  await lockSharesWith(tx, sharedWith);
  const counts = await countIcpsSharedWith(tx, sharedWith);
  const full = sharedWith.filter(
    (userId) => (counts.get(userId) ?? 0) >= MAX_ICPS_SHARED_WITH_USER,
  );
  if (full.length === 0) return;
  throw new AppError(
    'CONFLICT',
    `Others have already shared ${MAX_ICPS_SHARED_WITH_USER} ICPs with some of these users, the most a user can be added to`,
    full.map((userId) => ({
      path: ['userIds', sentUserIds.indexOf(userId)],
      message: `Others have already shared ${MAX_ICPS_SHARED_WITH_USER} ICPs with this user; they must leave one before another can be shared with them`,
    })),
  );
}

import { MAX_ICP_USERS } from '@icp/schema';
import { invalidBody } from '../errors.js';

/** Removes duplicates, keeping the first occurrence of each id in the order given. */
function distinct(userIds: readonly string[]): string[] {
  return [...new Set(userIds)];
}

function assertWithinLimit(userIds: readonly string[]): void {
  if (userIds.length > MAX_ICP_USERS) {
    throw invalidBody([
      { path: ['userIds'], message: `An ICP can be shared with at most ${MAX_ICP_USERS} users` },
    ]);
  }
}

/** `userIds` of a new ICP: as given, without duplicates, the creator appended when absent. */
export function userIdsOnCreate(requested: readonly string[], creatorId: string): string[] {
  const userIds = distinct([...requested, creatorId]);
  assertWithinLimit(userIds);
  return userIds;
}

/** `userIds` sent in an update replace the list as given, so a member can leave an ICP. */
export function userIdsOnUpdate(requested: readonly string[]): string[] {
  const userIds = distinct(requested);
  assertWithinLimit(userIds);
  return userIds;
}

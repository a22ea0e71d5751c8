import type { Icp, IcpPatch } from '@icp/schema';
import { userIdsOnUpdate } from './icp.user-ids.js';

/**
 * The ICP after a partial update: keys left out stay, `null` clears, arrays are replaced whole.
 * Returns `current` itself when nothing would change, so `updatedAt` does not move.
 */
export function applyIcpPatch(current: Icp, patch: IcpPatch, now: Date): Icp {
  const changes: Partial<Icp> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) Object.assign(changes, { [key]: value });
  }
  if (patch.userIds !== undefined) changes.userIds = userIdsOnUpdate(patch.userIds);

  const next: Icp = { ...current, ...changes };
  if (JSON.stringify(next) === JSON.stringify(current)) return current;
  return { ...next, updatedAt: now.toISOString() };
}

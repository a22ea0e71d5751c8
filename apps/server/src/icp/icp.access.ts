import type { Icp } from '@icp/schema';
import type { AuthUser } from '../auth/auth-user.js';

/**
 * The ICP access rule, the only one: members (ids in `userIds`) and configured admins may read,
 * update and delete an ICP. Listing is by membership alone (see `listIcpsOfUser`).
 */
export function canAccessIcp(user: AuthUser, icp: Pick<Icp, 'userIds'>): boolean {
  return user.isAdmin || icp.userIds.includes(user.id);
}

import { type Icp, isIcpActive } from '@icp/schema';
import type { BadgeTone } from '../ui/Badge';

export type IcpStatusKind = 'active' | 'expired' | 'no-expiry';

/** Whether an ICP still produces leads, as a badge shows it. */
export interface IcpStatus {
  kind: IcpStatusKind;
  label: 'Active' | 'Expired' | 'No expiry';
  tone: BadgeTone;
  /** Whether it still produces leads (`isIcpActive`): true for "Active" and "No expiry". */
  active: boolean;
}

/**
 * "Active" until `activeUntil` (that very instant already counts as expired), "Expired" after it,
 * "No expiry" when there is no end date.
 */
export function icpStatus(icp: Pick<Icp, 'activeUntil'>, now: Date = new Date()): IcpStatus {
  if (icp.activeUntil === null) {
    return { kind: 'no-expiry', label: 'No expiry', tone: 'info', active: true };
  }
  return isIcpActive(icp, now)
    ? { kind: 'active', label: 'Active', tone: 'success', active: true }
    : { kind: 'expired', label: 'Expired', tone: 'warning', active: false };
}

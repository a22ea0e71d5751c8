import { createHash } from 'node:crypto';

/** Namespace of recommendation ids (a fixed random UUID). */
const NAMESPACE = Buffer.from('6f1d2c3a9b8e4f7da1c25e0b3d4f6a71', 'hex');

/**
 * The id of the recommendation of `companyId` to the ICP `icpId` on `day`: a name-based UUID
 * (version 5, RFC 9562), so the same company, ICP and day always get the same id.
 */
export function recommendationId(icpId: string, day: string, companyId: string): string {
  const name = JSON.stringify([icpId, day, companyId]);
  const hash = createHash('sha1').update(NAMESPACE).update(name).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

import { createHash } from 'node:crypto';
import type { Icp } from '@icp/schema';

/** A strong entity tag: a digest of the ICP exactly as it is returned. */
export function etagOf(icp: Icp): string {
  return `"${createHash('sha256').update(JSON.stringify(icp)).digest('base64url').slice(0, 32)}"`;
}

/** Whether an `If-Match` header value (a list of tags, or `*`) matches the current tag. */
export function ifMatchAccepts(ifMatch: string, currentEtag: string): boolean {
  const trimmed = ifMatch.trim();
  if (trimmed === '*') return true;
  return trimmed
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === currentEtag);
}

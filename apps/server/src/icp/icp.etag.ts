import { hash } from 'node:crypto';
import type { Icp } from '@icp/schema';

const serialized = new WeakMap<Icp, string>();

/** The ICP as JSON text, serialized once however often it is asked for (tag, response body). */
export function icpJson(icp: Icp): string {
  let json = serialized.get(icp);
  if (json === undefined) {
    json = JSON.stringify(icp);
    serialized.set(icp, json);
  }
  return json;
}

/** A strong entity tag: a digest of the ICP exactly as it is returned. */
export function etagOf(icp: Icp): string {
  return `"${hash('sha256', icpJson(icp), 'base64url').slice(0, 32)}"`;
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

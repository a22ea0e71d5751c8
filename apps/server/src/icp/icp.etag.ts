import { hash } from 'node:crypto';
import type { Icp } from '@icp/schema';
import { icpJson } from './icp-json.js';

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

import type { Icp } from '@icp/schema';
import { storedIcpJson } from './icp-from-row.js';

const serialized = new WeakMap<Icp, string>();

/**
 * The ICP as JSON text, serialized once however often it is asked for (tag, response body); an
 * ICP just read from its row is not serialized at all (see icp-from-row.ts).
 */
export function icpJson(icp: Icp): string {
  const stored = storedIcpJson(icp);
  if (stored !== undefined) return stored;
  let json = serialized.get(icp);
  if (json === undefined) {
    json = JSON.stringify(icp);
    serialized.set(icp, json);
  }
  return json;
}

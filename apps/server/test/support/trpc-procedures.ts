import type { AnyTRPCProcedure } from '@trpc/server';
import { TRPC_PATH } from '../../src/http/app.js';
import { appRouter } from '../../src/trpc/app-router.js';
import type { ApiClient } from './api-client.js';

/** The procedures of a router, by path, walking its nested record (procedures are functions). */
function proceduresOf(record: object, prefix = ''): Map<string, AnyTRPCProcedure> {
  const procedures = new Map<string, AnyTRPCProcedure>();
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'function') {
      procedures.set(`${prefix}${key}`, value as AnyTRPCProcedure);
    } else {
      for (const entry of proceduresOf(value, `${prefix}${key}.`)) procedures.set(...entry);
    }
  }
  return procedures;
}

const PROCEDURES = proceduresOf(appRouter._def.record);

/** Every procedure of the app router, by path (`icp.byId`), as the running code has it. */
export const PROCEDURE_PATHS: readonly string[] = [...PROCEDURES.keys()];

/**
 * Calls a procedure over tRPC's HTTP endpoint: a query as GET with its input in the query
 * string, a mutation as POST with its input as the body. `input` is JSON text, sent as is.
 */
export function callProcedure(
  api: ApiClient,
  procedure: string,
  token: string | undefined,
  input?: string,
) {
  const path = `${TRPC_PATH}/${procedure}`;
  if (PROCEDURES.get(procedure)?._def.type === 'query') {
    const query = input === undefined ? '' : `?input=${encodeURIComponent(input)}`;
    return api('GET', `${path}${query}`, { token });
  }
  return api('POST', path, { token, ...(input === undefined ? {} : { body: input }) });
}

import type { AnyTRPCProcedure } from '@trpc/server';
import { TRPC_PATH } from '../../src/http/app.js';
import { appRouter, type RouterInputs } from '../../src/trpc/app-router.js';
import type { ApiClient, ApiResponse } from './api-client.js';
import type { Actor } from './cross-user-actors.js';

// biome-ignore lint/suspicious/noExplicitAny: the matrix reads response JSON of every shape
export type Json = any;
export type ApiAnswer = ApiResponse<Json>;

/** A procedure's path as the tRPC endpoint knows it: `icp.byId`. */
export type ProcedurePath = {
  [Router in keyof RouterInputs & string]: `${Router}.${keyof RouterInputs[Router] & string}`;
}[keyof RouterInputs & string];

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

/** Every procedure of the app router, as the running code has it. */
export const PROCEDURE_PATHS: readonly string[] = [...PROCEDURES.keys()];

/**
 * Sends requests as the matrix's actors, over REST or over tRPC's HTTP endpoint (queries as GET
 * with the input in the query string, mutations as POST), and counts them.
 */
export function matrixClient(api: ApiClient, tokens: Record<Actor, string | undefined>) {
  let requestsSent = 0;

  const rest = (actor: Actor, method: string, path: string, body?: unknown) => {
    requestsSent += 1;
    return api(method, path, { token: tokens[actor], ...(body === undefined ? {} : { body }) });
  };

  const trpc = (actor: Actor, procedure: ProcedurePath, input?: unknown) => {
    requestsSent += 1;
    const path = `${TRPC_PATH}/${procedure}`;
    const token = tokens[actor];
    if (PROCEDURES.get(procedure)?._def.type === 'query') {
      const query =
        input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      return api('GET', `${path}${query}`, { token });
    }
    return api('POST', path, { token, ...(input === undefined ? {} : { body: input }) });
  };

  return { rest, trpc, requestsSent: () => requestsSent };
}

export type MatrixClient = ReturnType<typeof matrixClient>;

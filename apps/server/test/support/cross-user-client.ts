import type { RouterInputs } from '../../src/trpc/app-router.js';
import type { ApiClient, JsonResponse } from './api-client.js';
import type { Actor } from './cross-user-actors.js';
import { callProcedure } from './trpc-procedures.js';

// biome-ignore lint/suspicious/noExplicitAny: the matrix reads response JSON of every shape
export type Json = any;
export type ApiAnswer = JsonResponse;

/** A procedure's path as the tRPC endpoint knows it: `icp.byId`. */
export type ProcedurePath = {
  [Router in keyof RouterInputs & string]: `${Router}.${keyof RouterInputs[Router] & string}`;
}[keyof RouterInputs & string];

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
    const json = input === undefined ? undefined : JSON.stringify(input);
    return callProcedure(api, procedure, tokens[actor], json);
  };

  return { rest, trpc, requestsSent: () => requestsSent };
}

export type MatrixClient = ReturnType<typeof matrixClient>;

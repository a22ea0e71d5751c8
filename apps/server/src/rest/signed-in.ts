import type { Context as HonoContext } from 'hono';
import { unauthenticated } from '../errors.js';
import type { CreateContext } from '../http/context-factory.js';
import { requestHeader } from '../http/request-header.js';
import { createCaller } from '../trpc/app-router.js';

/**
 * The procedure context, and a caller, of a request whose bearer token authenticates; 401
 * otherwise. Routes check this before reading the body, so a caller without a token always
 * learns that first.
 */
export function signedIn(createContext: CreateContext) {
  const context = async (c: HonoContext) => {
    const ctx = await createContext(requestHeader(c, 'authorization'));
    if (ctx.user === null) throw unauthenticated();
    return ctx;
  };
  return { context, caller: async (c: HonoContext) => createCaller(await context(c)) };
}

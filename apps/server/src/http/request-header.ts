import type { Context as HonoContext } from 'hono';
import { nodeRequest } from './node-request.js';

/**
 * A request header, read from Node's own parsed headers when served by the Node adapter: asking
 * Hono instead builds a WHATWG `Headers` of every header, which costs more than the lookup.
 */
export function requestHeader(c: HonoContext, name: Lowercase<string>): string | undefined {
  const incoming = nodeRequest(c);
  if (incoming === undefined) return c.req.header(name);
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

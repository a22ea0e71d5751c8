import type { IncomingMessage } from 'node:http';
import type { Context as HonoContext } from 'hono';

/** Node's own request object when served by the Node adapter (`c.env.incoming`), else undefined. */
export function nodeRequest(c: HonoContext): IncomingMessage | undefined {
  return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
}

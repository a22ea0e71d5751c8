import type { Context as HonoContext } from 'hono';
import { AppError } from '../errors.js';

/** A handler for a known path called with a method it does not serve. */
export function methodNotAllowed(allowed: readonly string[]) {
  return (c: HonoContext): never => {
    c.header('Allow', allowed.join(', '));
    throw new AppError(
      'METHOD_NOT_ALLOWED',
      `Method ${c.req.method} is not allowed here; use ${allowed.join(', ')}`,
    );
  };
}

import type { ErrorEnvelope } from '@icp/schema';
import type { Context as HonoContext } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type AppError, asAppError } from '../errors.js';
import { bodyWasRead, declaresBody } from '../http/request-body.js';

export function envelopeOf(error: AppError): ErrorEnvelope {
  return {
    error: {
      code: error.appCode,
      message: error.message,
      ...(error.details !== undefined && { details: error.details }),
    },
  };
}

/**
 * Whether the request sent a body this response refuses without reading (413, 401, ...). Such a
 * connection cannot carry another request cleanly, so it is closed instead of kept alive.
 */
function bodyLeftUnread(c: HonoContext): boolean {
  return declaresBody(c) && !bodyWasRead(c);
}

/** Any thrown value as the documented error envelope, with its status. */
export function errorResponse(c: HonoContext, thrown: unknown): Response {
  const error = asAppError(thrown);
  if (error.appCode === 'UNAUTHORIZED') c.header('WWW-Authenticate', 'Bearer');
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  if (bodyLeftUnread(c)) c.header('Connection', 'close');
  c.header('Cache-Control', 'no-store');
  return c.json(envelopeOf(error), error.httpStatus as ContentfulStatusCode);
}

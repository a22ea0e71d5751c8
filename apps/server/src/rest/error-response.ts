import type { ErrorEnvelope } from '@icp/schema';
import type { Context as HonoContext } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type AppError, asAppError } from '../errors.js';

export function envelopeOf(error: AppError): ErrorEnvelope {
  return {
    error: {
      code: error.appCode,
      message: error.message,
      ...(error.details !== undefined && { details: error.details }),
    },
  };
}

/** Any thrown value as the documented error envelope, with its status. */
export function errorResponse(c: HonoContext, thrown: unknown): Response {
  const error = asAppError(thrown);
  if (error.appCode === 'INTERNAL_ERROR') console.error(thrown);
  if (error.appCode === 'UNAUTHORIZED') c.header('WWW-Authenticate', 'Bearer');
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  c.header('Cache-Control', 'no-store');
  return c.json(envelopeOf(error), error.httpStatus as ContentfulStatusCode);
}

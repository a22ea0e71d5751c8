import {
  type ErrorEnvelope,
  RATE_LIMIT_MESSAGE,
  type RecommendationError,
  usesRecommendationErrors,
} from '@icp/schema';
import type { Context as HonoContext } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, asAppError } from '../errors.js';
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

/** The error in the v1/v2 recommendations API's body: its status as `code`; a 429 in its words. */
export function recommendationErrorOf(error: AppError): RecommendationError {
  const code = error.httpStatus;
  return {
    code,
    message: code === 429 ? RATE_LIMIT_MESSAGE : error.message,
    ...(error.details !== undefined && { details: error.details }),
  };
}

/**
 * Whether the request sent a body this response refuses without reading (413, 401, ...). Such a
 * connection cannot carry another request cleanly, so it is closed instead of kept alive.
 */
function bodyLeftUnread(c: HonoContext): boolean {
  return declaresBody(c) && !bodyWasRead(c);
}

/**
 * Any thrown value as an error response with its status: in the recommendations API's body on
 * its paths (`/v1`, `/v2`), in the documented envelope everywhere else.
 */
export function errorResponse(c: HonoContext, thrown: unknown): Response {
  const error = asAppError(thrown);
  if (error.appCode === 'UNAUTHORIZED') c.header('WWW-Authenticate', 'Bearer');
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  if (bodyLeftUnread(c)) c.header('Connection', 'close');
  c.header('Cache-Control', 'no-store');
  const body = usesRecommendationErrors(c.req.path)
    ? recommendationErrorOf(error)
    : envelopeOf(error);
  return c.json(body, error.httpStatus as ContentfulStatusCode);
}

/** The answer to a path no route serves. */
export function noRoute(c: HonoContext): Response {
  return errorResponse(c, new AppError('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`));
}

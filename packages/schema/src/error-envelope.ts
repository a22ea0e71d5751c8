import { z } from 'zod';

/** Every error code the API answers with; each maps to one HTTP status. */
export const errorCodes = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'REQUEST_TIMEOUT',
  'REQUEST_HEADER_FIELDS_TOO_LARGE',
  'TOO_MANY_REQUESTS',
  'INTERNAL_ERROR',
  'SERVICE_UNAVAILABLE',
] as const;

export const errorCode = z.enum(errorCodes);

/** HTTP status of each error code: the one table both transports follow. */
export const httpStatusOfErrorCode = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  REQUEST_TIMEOUT: 408,
  REQUEST_HEADER_FIELDS_TOO_LARGE: 431,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const satisfies Record<ErrorCode, number>;

/** One problem with a request body; `path` is relative to the body. */
export const errorDetail = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});

/** The body of every error response, on every route. */
export const errorEnvelope = z
  .object({
    error: z.object({
      code: errorCode,
      message: z.string(),
      details: z.array(errorDetail).optional(),
    }),
  })
  .meta({ id: 'Error' });

export type ErrorCode = z.infer<typeof errorCode>;
export type ErrorDetail = z.infer<typeof errorDetail>;
export type ErrorEnvelope = z.infer<typeof errorEnvelope>;

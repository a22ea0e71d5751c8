import {
  type ErrorCode,
  type ErrorDetail,
  httpStatusOfErrorCode,
  issuesToDetails,
} from '@icp/schema';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';

type TrpcCode = TRPCError['code'];

/** The tRPC code of each API error code (its HTTP status comes from the schema package). */
const trpcCodeOf = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_SUPPORTED',
  CONFLICT: 'CONFLICT',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  REQUEST_TIMEOUT: 'TIMEOUT',
  // Answered by the HTTP server itself (see client-errors.ts), before any procedure runs.
  REQUEST_HEADER_FIELDS_TOO_LARGE: 'BAD_REQUEST',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  INTERNAL_ERROR: 'INTERNAL_SERVER_ERROR',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
} as const satisfies Record<ErrorCode, TrpcCode>;

/** The one error type of the service: thrown anywhere, shown to clients in the envelope. */
export class AppError extends TRPCError {
  readonly appCode: ErrorCode;
  readonly details: ErrorDetail[] | undefined;
  /** HTTP headers the error response carries, such as `Retry-After`. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    code: ErrorCode,
    message: string,
    details?: ErrorDetail[],
    headers: Record<string, string> = {},
  ) {
    super({ code: trpcCodeOf[code], message });
    this.name = 'AppError';
    this.appCode = code;
    this.details = details;
    this.headers = headers;
  }

  get httpStatus(): number {
    return httpStatusOfErrorCode[this.appCode];
  }
}

export const unauthenticated = () => new AppError('UNAUTHORIZED', 'User not authenticated');
export const icpNotFound = () => new AppError('NOT_FOUND', 'ICP not found');
export const icpForbidden = () =>
  new AppError('FORBIDDEN', 'User does not have access to this ICP');
export const staleIfMatch = () =>
  new AppError('PRECONDITION_FAILED', 'The ICP has changed since it was read (If-Match failed)');
export const invalidBody = (details: ErrorDetail[]) =>
  new AppError('BAD_REQUEST', 'Invalid request body', details);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError('TOO_MANY_REQUESTS', 'Too many requests; slow down and retry later', undefined, {
    'Retry-After': String(retryAfterSeconds),
  });

function isZodError(value: unknown): value is { issues: z.core.$ZodIssue[] } {
  return value instanceof z.ZodError || value instanceof z.core.$ZodError;
}

const BUSY_DATABASE_CODES = new Set([
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_IOERR',
  'SQLITE_FULL',
]);

/**
 * PostgreSQL out of reach: the connection refused, reset or timed out, SQLSTATE class 08
 * (connection exception), 57P01-57P03 (shut down, crash, starting) and 53300 (too many clients).
 */
const UNREACHABLE_DATABASE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

function isDatabaseUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (BUSY_DATABASE_CODES.has(code.split('_').slice(0, 2).join('_'))) return true;
    if (UNREACHABLE_DATABASE_CODES.has(code) || code.startsWith('08')) return true;
  }
  // node-postgres reports a connection lost mid-query without a code.
  return typeof message === 'string' && /^Connection terminated/.test(message);
}

/** PostgreSQL cancelled the statement (SQLSTATE 57014): its statement timeout passed. */
export function isStatementTimeout(error: unknown): boolean {
  const cause = error instanceof TRPCError && error.cause !== undefined ? error.cause : error;
  return (cause as { code?: unknown } | null)?.code === '57014';
}

const appCodeOfTrpcCode: Partial<Record<TrpcCode, ErrorCode>> = {
  PARSE_ERROR: 'BAD_REQUEST',
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_SUPPORTED: 'METHOD_NOT_ALLOWED',
  CONFLICT: 'CONFLICT',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
};

/**
 * Any thrown value as the AppError a client sees. Input validation failures become 400 with
 * details relative to the request body; anything unexpected becomes a 500 that reveals nothing.
 */
export function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const cause = error instanceof TRPCError ? error.cause : error;
  if (cause instanceof AppError) return cause;
  if (isZodError(cause)) {
    const underBody = cause.issues.every((issue) => issue.path[0] === 'body');
    return new AppError(
      'BAD_REQUEST',
      underBody ? 'Invalid request body' : 'Invalid request',
      issuesToDetails(cause.issues, ['body']),
    );
  }
  if (isStatementTimeout(cause)) {
    return new AppError(
      'SERVICE_UNAVAILABLE',
      'The database took too long to answer (statement timeout); try again shortly',
    );
  }
  if (isDatabaseUnavailable(cause)) {
    return new AppError('SERVICE_UNAVAILABLE', 'The database is unavailable; try again shortly');
  }
  if (error instanceof TRPCError) {
    const code = appCodeOfTrpcCode[error.code];
    if (code !== undefined) return new AppError(code, error.message);
  }
  return new AppError('INTERNAL_ERROR', 'An unexpected server error occurred');
}

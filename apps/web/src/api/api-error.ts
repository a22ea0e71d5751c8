import type { ErrorCode, ErrorDetail } from '@icp/schema';
import { TRPCClientError } from '@trpc/client';

/** What the app needs of a failed call: the API's error code, its message and field details. */
export interface ApiError {
  code: ErrorCode | 'NETWORK_ERROR';
  message: string;
  details: ErrorDetail[];
}

interface ServerErrorData {
  appCode?: ErrorCode;
  details?: ErrorDetail[];
}

/** Reads the server's error shape (see the tRPC error formatter) out of anything a call threw. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as ServerErrorData;
    if (data.appCode !== undefined) {
      return { code: data.appCode, message: error.message, details: data.details ?? [] };
    }
  }
  return {
    code: 'NETWORK_ERROR',
    message: 'The server could not be reached. Check your connection and try again.',
    details: [],
  };
}

/** Field errors keyed by their dot path (`customFilterCriteria.0.regex`). */
export type FieldErrors = Record<string, string[]>;

export const pathKey = (path: readonly (string | number)[]): string => path.join('.');

export function fieldErrorsOf(details: readonly ErrorDetail[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const detail of details) {
    const key = pathKey(detail.path);
    errors[key] = [...(errors[key] ?? []), detail.message];
  }
  return errors;
}

import {
  errorEnvelope,
  httpStatusOfErrorCode,
  recommendationError,
  usesRecommendationErrors,
} from '@icp/schema';
import { expect } from 'vitest';
import type { z } from 'zod';
import type { JsonResponse } from '../api-client.js';

/** Text or keys no database can store as sent; the API refuses them whatever the schema says. */
export function holdsUnstorableText(value: unknown): boolean {
  // With the `u` flag a surrogate pair is one code point, so only a lone half matches.
  const unstorable = (text: string) => text.includes('\u0000') || /\p{Cs}/u.test(text);
  if (typeof value === 'string') return unstorable(value);
  if (Array.isArray(value)) return value.some(holdsUnstorableText);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(
      ([key, item]) => key === '__proto__' || unstorable(key) || holdsUnstorableText(item),
    );
  }
  return false;
}

/** Whether the API must accept `raw` as a body that `schema` describes. */
export function mustAccept(schema: z.ZodType, raw: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return false;
  }
  return !holdsUnstorableText(parsed) && schema.safeParse(parsed).success;
}

/**
 * Every answer: never a 5xx; every error in the body of its path (the v1/v2 API's `{code, message}`,
 * the documented envelope elsewhere), its code matching its status.
 */
export function expectWellFormed(response: JsonResponse, path: string): void {
  expect(response.status, JSON.stringify(response.body)).toBeLessThan(500);
  if (response.status < 400) return;
  if (usesRecommendationErrors(new URL(path, 'http://localhost').pathname)) {
    expect(
      recommendationError.safeParse(response.body).success,
      JSON.stringify(response.body),
    ).toBe(true);
    expect(response.body.code).toBe(response.status);
    return;
  }
  expect(errorEnvelope.safeParse(response.body).success, JSON.stringify(response.body)).toBe(true);
  expect(
    httpStatusOfErrorCode[response.body.error.code as keyof typeof httpStatusOfErrorCode],
  ).toBe(response.status);
}

/** A refused body: 400 `BAD_REQUEST`, with details when it was JSON the schema could read. */
export function expectRefused(response: JsonResponse, path: string): void {
  expectWellFormed(response, path);
  expect(response.status, JSON.stringify(response.body)).toBe(400);
  const error = response.body.error ?? response.body;
  if (response.body.error !== undefined) expect(error.code).toBe('BAD_REQUEST');
  expect(error.details?.length ?? 0).toBeGreaterThan(0);
}

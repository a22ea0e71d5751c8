import { z } from 'zod';
import { errorDetail } from '../error-envelope.js';

/** Path prefixes whose errors use the v2 recommendations API's body instead of the envelope. */
export const RECOMMENDATION_API_PREFIXES = ['/v1', '/v2'] as const;

/** Whether errors of `path` use `recommendationError` (the paths of the v1 and v2 API). */
export function usesRecommendationErrors(path: string): boolean {
  return RECOMMENDATION_API_PREFIXES.some(
    (prefix) => path === prefix || path.startsWith(`${prefix}/`),
  );
}

/** What a 429 on those paths says, word for word. */
export const RATE_LIMIT_MESSAGE = 'Rate limit exceeded';

/**
 * The error body of the recommendations API: its HTTP status as a number and a message; a
 * refused body adds the problems found.
 */
export const recommendationError = z
  .strictObject({
    code: z.number().int().min(400).max(599).describe('The HTTP status of the response.'),
    message: z.string(),
    details: z.array(errorDetail).optional(),
  })
  .meta({ id: 'RecommendationError' });

export type RecommendationError = z.infer<typeof recommendationError>;

import { z } from 'zod';
import { leadCompany, leadPerson } from '../leads/lead.js';
import { externalUserIdOf } from './recommendation-icp.js';

/** Longest `externalUserId` a fetch accepts (one longer than an ICP's finds no ICP: 404). */
export const MAX_FETCH_EXTERNAL_USER_ID = 255;

const externalUserId = externalUserIdOf(MAX_FETCH_EXTERNAL_USER_ID);

/** Most companies one fetch returns. */
export const MAX_RECOMMENDATION_PAGE = 100;

/** Which matching companies to return: from `from` (0-based, inclusive) to `to` (exclusive). */
export const recommendationPagination = z
  .strictObject({
    from: z.number().int().min(0),
    to: z.number().int().min(1),
  })
  .refine((page) => page.to > page.from, { message: 'to must be greater than from', path: ['to'] })
  .refine((page) => page.to - page.from <= MAX_RECOMMENDATION_PAGE, {
    message: `A page holds at most ${MAX_RECOMMENDATION_PAGE} companies`,
    path: ['to'],
  });

/** Body of `POST /v2/recommendations/fetch`. */
export const recommendationFetchInput = z
  .strictObject({
    externalUserId: externalUserId.optional(),
    pagination: recommendationPagination.prefault({ from: 0, to: 10 }),
  })
  .meta({ id: 'RecommendationFetchInput' });

/** A matching person at a recommended company, and why they matched. */
export const recommendedPerson = z.strictObject({
  person: leadPerson,
  reasons: z.array(z.string()),
});

/** What `POST /v2/recommendations/fetch` returns: matching companies with their people. */
export const recommendationFetchResult = z
  .strictObject({
    externalUserId: externalUserId.optional(),
    pagination: z.strictObject({
      from: z.number().int().min(0),
      to: z.number().int().min(0),
      /** Companies matching the ICP in all. */
      total: z.number().int().min(0),
    }),
    companies: z.array(
      z.strictObject({ company: leadCompany, people: z.array(recommendedPerson) }),
    ),
  })
  .meta({ id: 'RecommendationFetchResult' });

export type RecommendationFetchInput = z.input<typeof recommendationFetchInput>;
export type RecommendationFetchResult = z.output<typeof recommendationFetchResult>;

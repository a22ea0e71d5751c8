import { z } from 'zod';

/**
 * The kinds of reason a company is recommended for: one per kind of ICP filter it meets. The
 * exclusions (`excludeDomains`, `excludeIndustries`, `excludeDepartments`) give none: they say
 * why other companies were left out, not why this one is in.
 */
export const recommendationReasonTypes = [
  'INDUSTRY_MATCH',
  'JOB_TITLE_MATCH',
  'SENIORITY_MATCH',
  'DEPARTMENT_MATCH',
  'LOCATION_MATCH',
  'EMPLOYEE_COUNT_MATCH',
  'REVENUE_MATCH',
  'YEAR_FOUNDED_MATCH',
  'DOMAIN_MATCH',
] as const;

export const recommendationReasonType = z
  .enum(recommendationReasonTypes)
  .meta({ id: 'RecommendationReasonType' });

/** Lowest and highest score of a reason. */
export const MIN_REASON_SCORE = 0;
export const MAX_REASON_SCORE = 100;

/** Why a company is recommended: one ICP filter it meets, how well (0-100), said for a person. */
export const recommendationReason = z
  .strictObject({
    type: recommendationReasonType,
    score: z.number().int().min(MIN_REASON_SCORE).max(MAX_REASON_SCORE),
    title: z.string(),
    shortDescription: z.string(),
    description: z.string(),
  })
  .meta({ id: 'RecommendationReason' });

export type RecommendationReasonType = z.infer<typeof recommendationReasonType>;
export type RecommendationReason = z.infer<typeof recommendationReason>;

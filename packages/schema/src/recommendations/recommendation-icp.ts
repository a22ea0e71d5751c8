import { z } from 'zod';
import { department, industry, locationCode, seniority } from '../catalog/index.js';

/** The caller's own identifier of one of their users; at most 250 characters. */
export const externalUserId = z.string().trim().min(1).max(250);

/** An inclusive range of whole numbers; `from` may not exceed `to`. */
const range = z
  .strictObject({
    from: z.number().int().min(0),
    to: z.number().int().min(0),
  })
  .refine((value) => value.from <= value.to, {
    message: 'from must be less than or equal to to',
    path: ['from'],
  });

const list = <T extends z.ZodType>(item: T) => z.array(item).max(1_000);

/** The companies an ICP targets (v2 recommendations API). */
export const recommendationCompanies = z.strictObject({
  employeeCount: range.optional(),
  industries: list(industry).optional(),
  primaryLocations: list(locationCode).optional(),
  /** Annual revenue in US dollars. */
  revenue: range.optional(),
});

/** The people an ICP targets (v2 recommendations API). */
export const recommendationPeople = z.strictObject({
  countries: list(locationCode).optional(),
  departments: list(department).optional(),
  jobTitles: list(z.string().trim().min(1).max(200)).optional(),
  seniorities: list(seniority).optional(),
});

/** Body of `POST /v2/recommendations/icp`: values are checked against the filter catalog. */
export const recommendationIcpInput = z
  .strictObject({
    companies: recommendationCompanies.optional(),
    externalUserId: externalUserId.optional(),
    people: recommendationPeople.optional(),
  })
  .meta({ id: 'RecommendationIcpInput' });

/** A saved v2 ICP: what was sent (normalized), with its id. */
export const recommendationIcp = z
  .strictObject({
    companies: recommendationCompanies.optional(),
    externalUserId: externalUserId.optional(),
    id: z.uuid(),
    people: recommendationPeople.optional(),
  })
  .meta({ id: 'RecommendationIcp' });

/** Query of `GET /v2/recommendations/icp`. */
export const recommendationIcpQuery = z.strictObject({
  externalUserId: externalUserId.optional(),
});

export type RecommendationIcpInput = z.input<typeof recommendationIcpInput>;
export type RecommendationIcpBody = z.output<typeof recommendationIcpInput>;
export type RecommendationIcp = z.output<typeof recommendationIcp>;

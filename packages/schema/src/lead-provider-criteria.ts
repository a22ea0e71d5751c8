import { z } from 'zod';

const stringList = z.array(z.string());

/** How deep provider filters may nest: ample for any provider, and safe to walk and store. */
export const MAX_FILTER_DEPTH = 16;

/** Whether a JSON value nests deeper than `limit` objects or arrays; never recurses past it. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (limit === 0) return true;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.some((child) => nestsDeeperThan(child, limit - 1));
}
const nonNegativeInteger = z.number().int().min(0);

/**
 * Filters of the built-in `baseProvider`. The documented keys are type-checked; any other key
 * (legacy `job_titles`, `company_size`, or a provider's newer parameters) passes through untouched.
 */
export const baseProviderFilters = z
  .looseObject({
    job_title: stringList.optional(),
    location: z
      .looseObject({
        country: stringList.optional(),
        state: stringList.optional(),
        city: stringList.optional(),
      })
      .optional(),
    company: z
      .looseObject({
        employee_size: z
          .looseObject({
            min: nonNegativeInteger.optional(),
            max: nonNegativeInteger.optional(),
          })
          .refine(
            (size) => size.min === undefined || size.max === undefined || size.min <= size.max,
            {
              message: 'min must be less than or equal to max',
              path: ['min'],
            },
          )
          .optional(),
        industry: stringList.optional(),
        keywords: stringList.optional(),
      })
      .optional(),
    skills: stringList.optional(),
    seniority: stringList.optional(),
  })
  .refine((filters) => !nestsDeeperThan(filters, MAX_FILTER_DEPTH), {
    message: `Filters may nest at most ${MAX_FILTER_DEPTH} levels deep`,
  });

/** One lead provider search. Without `type` it is a person search (legacy form), kept as sent. */
export const leadProviderCriterion = z
  .strictObject({
    provider: z.literal('baseProvider'),
    type: z.enum(['person', 'company']).optional(),
    filters: baseProviderFilters,
  })
  .meta({ id: 'LeadProviderCriterion' });

export const leadProviderCriteria = z.array(leadProviderCriterion).max(100);

export type BaseProviderFilters = z.infer<typeof baseProviderFilters>;
export type LeadProviderCriterion = z.infer<typeof leadProviderCriterion>;

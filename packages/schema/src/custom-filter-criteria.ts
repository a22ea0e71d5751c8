import { z } from 'zod';

const prompt = z.string().min(1).max(10_000);
const providerName = z.string().min(1).max(200);
const searchStrings = z.array(z.string().max(1_000)).max(1_000);

/** A dot path into a lead, such as `firstName` or `company.headcount`. */
export const fieldPath = z
  .string()
  .max(200)
  .regex(/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/, 'Must be a dot path such as "company.name"');

/** Why `pattern` does not compile as `new RegExp(pattern)`, or null when it does. */
export function regexCompileError(pattern: string): string | null {
  try {
    new RegExp(pattern);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Longest `regex` of one `matchFieldWithRegex` filter. */
export const MAX_REGEX_LENGTH = 500;
/** Most `matchFieldWithRegex` filters one ICP may hold. */
export const MAX_REGEX_FILTERS = 10;
/** Most characters the `regex`es of one ICP's filters may hold together. */
export const MAX_TOTAL_REGEX_LENGTH = 2_000;

export const regexPattern = z
  .string()
  .max(MAX_REGEX_LENGTH)
  .superRefine((pattern, ctx) => {
    const problem = regexCompileError(pattern);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  });

export const websiteFilter = z.strictObject({
  type: z.literal('website'),
  provider: providerName,
  prompt,
});

export const webscrapingFilter = z.strictObject({
  type: z.literal('webscraping'),
  provider: providerName,
  extractionPrompt: prompt,
  pageFindingPrompt: prompt.optional(),
  includeSearchStrings: searchStrings.optional(),
  excludeSearchStrings: searchStrings.optional(),
});

export const aiFilter = z.strictObject({
  type: z.literal('ai'),
  entityType: z.enum(['company', 'person']),
  prompt,
});

export const maxPeoplePerCompanyFilter = z.strictObject({
  type: z.literal('maxPeoplePerCompany'),
  value: z.number().int().min(1).default(1),
});

export const maxPercentFromCrmFilter = z.strictObject({
  type: z.literal('maxPercentFromCRM'),
  value: z.number().int().min(0).max(100).default(100),
});

export const minDaysUntilReuseFilter = z.strictObject({
  type: z.literal('minDaysUntilReuse'),
  value: z.number().int().min(0).default(365),
});

export const matchFieldWithRegexFilter = z.strictObject({
  type: z.literal('matchFieldWithRegex'),
  field: fieldPath,
  regex: regexPattern,
});

const customFilterVariants = [
  websiteFilter,
  webscrapingFilter,
  aiFilter,
  maxPeoplePerCompanyFilter,
  maxPercentFromCrmFilter,
  minDaysUntilReuseFilter,
  matchFieldWithRegexFilter,
] as const;

/** Every custom filter type, in documented order. */
export const customFilterTypes = customFilterVariants.map((variant) => variant.shape.type.value);

/** A filter applied after the lead provider search, told apart by `type`. */
export const customFilterCriterion = z
  .discriminatedUnion('type', customFilterVariants, {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? `Unknown custom filter type; expected one of ${customFilterTypes.join(', ')}`
        : undefined,
  })
  .meta({ id: 'CustomFilterCriterion' });

/**
 * Every pattern of an ICP is compiled and run within one time budget per request, so the number
 * of patterns and their total length are capped: what is accepted can always run.
 */
export const customFilterCriteria = z
  .array(customFilterCriterion)
  .max(100)
  .superRefine((filters, ctx) => {
    let count = 0;
    let length = 0;
    for (const [index, filter] of filters.entries()) {
      if (filter.type !== 'matchFieldWithRegex') continue;
      count += 1;
      length += filter.regex.length;
      if (count === MAX_REGEX_FILTERS + 1) {
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: `At most ${MAX_REGEX_FILTERS} matchFieldWithRegex filters per ICP`,
        });
      }
      if (
        length > MAX_TOTAL_REGEX_LENGTH &&
        length - filter.regex.length <= MAX_TOTAL_REGEX_LENGTH
      ) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'regex'],
          message: `The matchFieldWithRegex filters of an ICP may hold at most ${MAX_TOTAL_REGEX_LENGTH.toLocaleString('en-US')} regex characters in all; this one brings them to ${length.toLocaleString('en-US')}`,
        });
      }
    }
  })
  .meta({
    description: `At most ${MAX_REGEX_FILTERS} of them of type matchFieldWithRegex, whose regexes hold at most ${MAX_TOTAL_REGEX_LENGTH.toLocaleString('en-US')} characters in all.`,
  });

export type CustomFilterCriterion = z.infer<typeof customFilterCriterion>;
export type CustomFilterCriterionInput = z.input<typeof customFilterCriterion>;
export type CustomFilterType = CustomFilterCriterion['type'];

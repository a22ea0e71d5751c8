import { z } from 'zod';

const conditionPath = z.string().min(1).max(200);
const conditionValue = z.string().max(1_000);
const exclude = z.boolean().default(false);

/** One structured Bullhorn condition; `exclude` negates it. */
export const crmFilterCondition = z.discriminatedUnion('mode', [
  z.strictObject({
    path: conditionPath,
    mode: z.literal('equals'),
    value: conditionValue,
    exclude,
  }),
  z.strictObject({
    path: conditionPath,
    mode: z.literal('startsWith'),
    value: conditionValue,
    exclude,
  }),
  z.strictObject({
    path: conditionPath,
    mode: z.literal('in'),
    value: z.array(conditionValue).min(1).max(1_000),
    exclude,
  }),
]);

/** Sourcing from a connected CRM. Optional keys left out stay left out. */
export const crmFilters = z
  .strictObject({
    provider: z.literal('bullhorn'),
    textSearch: z.string().max(1_000).nullable().optional(),
    query: z.string().max(10_000).nullable().optional(),
    filters: z.array(crmFilterCondition).max(100).optional(),
  })
  .meta({ id: 'CrmFilters' });

export const crmFilterModes = ['equals', 'in', 'startsWith'] as const;

export type CrmFilterCondition = z.infer<typeof crmFilterCondition>;
export type CrmFilters = z.infer<typeof crmFilters>;

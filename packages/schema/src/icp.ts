import { z } from 'zod';
import { crmFilters } from './crm-filters.js';
import { customFilterCriteria } from './custom-filter-criteria.js';
import { leadProviderCriteria } from './lead-provider-criteria.js';

/** Most users an ICP may be shared with, after duplicates are removed and the creator added. */
export const MAX_ICP_USERS = 200;
export const LEADS_PER_LIST_DEFAULT = 10;

/** A user id as issued by the identity provider (Clerk ids look like `user_abc123`). */
export const userId = z.string().min(1).max(255);

/** An ISO 8601 date-time with an offset, normalized to UTC with milliseconds (`...000Z`). */
export const isoDateTime = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value).toISOString());

const icpFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5_000).nullable(),
  leadProviderCriteria,
  customFilterCriteria,
  crmFilters: crmFilters.nullable(),
  // The bound here only keeps requests small; the 200-user rule is checked after merging.
  userIds: z.array(userId).max(1_000),
  leadsPerList: z.number().int().min(1).max(10_000),
  activeUntil: isoDateTime.nullable(),
};

/** Body of `POST /api/v1/entities/icps`. Unknown keys are errors, not silent defaults. */
export const icpCreateInput = z
  .strictObject({
    ...icpFields,
    description: icpFields.description.default(null),
    crmFilters: icpFields.crmFilters.default(null),
    leadsPerList: icpFields.leadsPerList.default(LEADS_PER_LIST_DEFAULT),
    activeUntil: icpFields.activeUntil.default(null),
  })
  .meta({ id: 'IcpCreate' });

/**
 * Body of `PATCH /api/v1/entities/icps/{id}`: keys left out stay unchanged, `null` clears the
 * nullable ones, arrays are replaced whole. `userIds` replaces the list as sent and may not be empty.
 */
export const icpPatchInput = z
  .strictObject({ ...icpFields, userIds: icpFields.userIds.min(1) })
  .partial()
  .meta({ id: 'IcpPatch' });

/** An ICP as every endpoint returns it. */
export const icp = z
  .strictObject({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    leadProviderCriteria,
    customFilterCriteria,
    crmFilters: crmFilters.nullable(),
    userIds: z.array(userId),
    leadsPerList: z.number().int(),
    activeUntil: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Icp' });

export const icpList = z.array(icp);

export type IcpCreateInput = z.input<typeof icpCreateInput>;
export type IcpCreate = z.output<typeof icpCreateInput>;
export type IcpPatchInput = z.input<typeof icpPatchInput>;
export type IcpPatch = z.output<typeof icpPatchInput>;
export type Icp = z.output<typeof icp>;

/** Whether an ICP still produces leads at `now`: no expiry, or an expiry in the future. */
export function isIcpActive(value: Pick<Icp, 'activeUntil'>, now: Date = new Date()): boolean {
  return value.activeUntil === null || Date.parse(value.activeUntil) > now.getTime();
}

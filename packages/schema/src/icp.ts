import { z } from 'zod';
import { crmFilters } from './crm-filters.js';
import { customFilterCriteria } from './custom-filter-criteria.js';
import { jsonSize, kib, MAX_ICP_JSON_BYTES, MAX_ICP_LIST_PAGE } from './icp-limits.js';
import {
  leadProviderCriteria,
  MAX_FILTER_DEPTH,
  nestsDeeperThan,
} from './lead-provider-criteria.js';
import { NOT_BLANK_PATTERN } from './not-blank.js';

/** Most users an ICP may be shared with, after duplicates are removed and the creator added. */
export const MAX_ICP_USERS = 200;
export const LEADS_PER_LIST_DEFAULT = 10;

/** `userIds` as documented: the server's cap applies to the list after merging, see below. */
const userIdsDocs = {
  maxItems: MAX_ICP_USERS,
  description: `At most ${MAX_ICP_USERS} distinct users, the creator included (duplicates are removed).`,
};

/** A user id as issued by the identity provider (Clerk ids look like `user_abc123`). */
export const userId = z.string().min(1).max(255);

/** An ISO 8601 date-time with an offset, normalized to UTC with milliseconds (`...000Z`). */
export const isoDateTime = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value).toISOString());

const icpFields = {
  name: z.string().trim().min(1).max(200).meta({ pattern: NOT_BLANK_PATTERN }),
  description: z.string().max(5_000).nullable(),
  leadProviderCriteria,
  customFilterCriteria,
  crmFilters: crmFilters.nullable(),
  // The bound here only keeps requests small; the 200-user rule is checked after merging.
  userIds: z.array(userId).max(1_000).meta(userIdsDocs),
  leadsPerList: z.number().int().min(1).max(10_000),
  activeUntil: isoDateTime.nullable(),
};

/**
 * Where an ICP's fields (all but its id and timestamps) go past the size an ICP may store, or
 * null: the issue names the largest field, the one to shrink.
 */
export function icpSizeIssue(fields: object): { path: string[]; message: string } | null {
  const size = jsonSize(fields);
  if (size <= MAX_ICP_JSON_BYTES) return null;
  const [largest = 'name', largestSize = 0] = Object.entries(fields)
    .map(([key, value]) => [key, jsonSize(value)] as const)
    .reduce<readonly [string, number] | []>(
      (found, entry) => (found.length === 0 || entry[1] > found[1] ? entry : found),
      [],
    );
  return {
    path: [largest],
    message: `An ICP may hold at most ${kib(MAX_ICP_JSON_BYTES)} of JSON; this one would hold ${kib(size)}, ${kib(largestSize)} of it in ${largest}`,
  };
}

const sizeDescription = `At most ${kib(MAX_ICP_JSON_BYTES)} of JSON in all.`;

/** Nesting no valid ICP reaches (filters nest at most 16 levels): refused elsewhere, not sized. */
const BEYOND_ANY_ICP_DEPTH = MAX_FILTER_DEPTH + 8;

function refuseOversize(fields: object, ctx: z.RefinementCtx) {
  if (nestsDeeperThan(fields, BEYOND_ANY_ICP_DEPTH)) return;
  const issue = icpSizeIssue(fields);
  if (issue !== null) ctx.addIssue({ code: 'custom', ...issue, input: fields });
}

/** Body of `POST /api/v1/entities/icps`. Unknown keys are errors, not silent defaults. */
export const icpCreateInput = z
  .strictObject({
    ...icpFields,
    description: icpFields.description.default(null),
    crmFilters: icpFields.crmFilters.default(null),
    leadsPerList: icpFields.leadsPerList.default(LEADS_PER_LIST_DEFAULT),
    activeUntil: icpFields.activeUntil.default(null),
  })
  .superRefine(refuseOversize)
  .meta({ id: 'IcpCreate', description: sizeDescription });

/**
 * Body of `PATCH /api/v1/entities/icps/{id}`: keys left out stay unchanged, `null` clears the
 * nullable ones, arrays are replaced whole. `userIds` replaces the list as sent and may not be empty.
 */
export const icpPatchInput = z
  .strictObject({ ...icpFields, userIds: icpFields.userIds.min(1).meta(userIdsDocs) })
  .partial()
  .superRefine(refuseOversize)
  .meta({ id: 'IcpPatch', description: `${sizeDescription} The ICP after the update too.` });

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
    leadsPerList: icpFields.leadsPerList,
    activeUntil: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Icp' });

export const icpList = z.array(icp);

/**
 * Which ICPs of the list to return: without `limit`, every one; with it, a page of at most
 * `limit` after the one `cursor` (opaque, from the previous page's `Link: rel="next"`) names.
 */
export const icpListQuery = z.strictObject({
  limit: z.number().int().min(1).max(MAX_ICP_LIST_PAGE).optional(),
  cursor: z.string().min(1).max(200).optional(),
});

export type IcpCreateInput = z.input<typeof icpCreateInput>;
export type IcpCreate = z.output<typeof icpCreateInput>;
export type IcpPatchInput = z.input<typeof icpPatchInput>;
export type IcpPatch = z.output<typeof icpPatchInput>;
export type Icp = z.output<typeof icp>;
export type IcpListQuery = z.output<typeof icpListQuery>;

/** Whether an ICP still produces leads at `now`: no expiry, or an expiry in the future. */
export function isIcpActive(value: Pick<Icp, 'activeUntil'>, now: Date = new Date()): boolean {
  return value.activeUntil === null || Date.parse(value.activeUntil) > now.getTime();
}

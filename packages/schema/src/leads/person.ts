import { z } from 'zod';
import { countryCode, department, seniority } from '../catalog/index.js';
import { externalId, profileText, webAddress } from './company.js';

const place = z.string().trim().min(1).max(200);

/** Where a person came from: the lead provider's data, or the customer's own CRM. */
export const leadSource = z.enum(['provider', 'crm']);

/** One person of the lead database, as imported or generated; `companyId` names their company. */
export const personRecord = z
  .strictObject({
    id: externalId,
    firstName: z.string().trim().min(1).max(100),
    lastName: z.string().trim().min(1).max(100),
    jobTitle: z.string().trim().min(1).max(200),
    seniority: seniority.optional(),
    department: department.optional(),
    skills: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
    country: countryCode.optional(),
    state: place.optional(),
    city: place.optional(),
    companyId: externalId.optional(),
    email: z.email().max(320).optional(),
    source: leadSource.default('provider'),
    linkedInUrl: webAddress.optional(),
    /** Where they are, as a profile states it: `Paris, Île-de-France, France`. */
    location: z.string().trim().min(1).max(200).optional(),
    summary: profileText.optional(),
  })
  .meta({ id: 'Person' });

export type LeadSource = z.infer<typeof leadSource>;
export type PersonRecordInput = z.input<typeof personRecord>;
export type PersonRecord = z.output<typeof personRecord>;

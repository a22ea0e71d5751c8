import { z } from 'zod';
import { crmFilters } from '../crm-filters.js';
import { customFilterCriteria } from '../custom-filter-criteria.js';
import { leadProviderCriteria } from '../lead-provider-criteria.js';
import { companyRecord } from './company.js';
import { leadSource } from './person.js';

/**
 * What a person's profile says besides their job: null when the lead database does not know it
 * (nothing is made up when leads are shown).
 */
export const leadPersonProfile = z.strictObject({
  linkedInUrl: z.string().nullable(),
  location: z.string().nullable(),
  summary: z.string().nullable(),
});

/** What a company says of itself and where its headquarters are; null when not known. */
export const leadCompanyProfile = z.strictObject({
  description: z.string().nullable(),
  linkedInUrl: z.string().nullable(),
  logoUrl: z.string().nullable(),
  hqStreetAddress: z.string().nullable(),
  hqPostalCode: z.string().nullable(),
  hqLocality: z.string().nullable(),
  hqRegion: z.string().nullable(),
  latitude: companyRecord.shape.latitude.unwrap().nullable(),
  longitude: companyRecord.shape.longitude.unwrap().nullable(),
});

const allNull = <Shape extends z.ZodRawShape>(shape: Shape) =>
  Object.fromEntries(Object.keys(shape).map((key) => [key, null])) as {
    [Key in keyof Shape]: null;
  };

/** A person's profile when nothing of it is known. */
export const UNKNOWN_PERSON_PROFILE = allNull(leadPersonProfile.shape);

/** A company's profile when nothing of it is known. */
export const UNKNOWN_COMPANY_PROFILE = allNull(leadCompanyProfile.shape);

/** A person as a lead: everything the lead database knows of them. */
export const leadPerson = z.strictObject({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  jobTitle: z.string(),
  seniority: z.string().nullable(),
  department: z.string().nullable(),
  skills: z.array(z.string()),
  country: z.string().nullable(),
  state: z.string().nullable(),
  city: z.string().nullable(),
  email: z.string().nullable(),
  source: leadSource,
  ...leadPersonProfile.shape,
});

/** The company a lead works at. */
export const leadCompany = z.strictObject({
  id: z.string(),
  name: z.string(),
  domain: z.string().nullable(),
  industry: z.string().nullable(),
  keywords: z.array(z.string()),
  employeeCount: companyRecord.shape.employeeCount.unwrap().nullable(),
  /** Annual revenue in US dollars. */
  revenue: companyRecord.shape.revenue.unwrap().nullable(),
  country: z.string().nullable(),
  state: z.string().nullable(),
  city: z.string().nullable(),
  foundedYear: companyRecord.shape.foundedYear.unwrap().nullable(),
  ...leadCompanyProfile.shape,
});

/** One lead found for an ICP, and why it matched. */
export const lead = z
  .strictObject({
    person: leadPerson,
    company: leadCompany.nullable(),
    reasons: z.array(z.string()),
  })
  .meta({ id: 'Lead' });

/** A custom filter that could not be applied, so its leads were not checked against it. */
export const notAppliedFilter = z.strictObject({
  /** Position of the filter in the ICP's `customFilterCriteria`. */
  index: z.number().int().min(0),
  type: z.string(),
  reason: z.string(),
});

/**
 * Whether the ICP's CRM filters brought in contacts from the CRM: `not-requested` when it has
 * none, `applied` with how many contacts were found, or `not-applied` and why (the CRM is not
 * configured, or could not be asked).
 */
export const crmSourcing = z.strictObject({
  status: z.enum(['not-requested', 'applied', 'not-applied']),
  /** CRM contacts found by the search and considered as leads. */
  contacts: z.number().int().min(0),
  reason: z.string().optional(),
});

/** What matching says besides the leads: filters not applied and provider keys not understood. */
const matchNotes = {
  notApplied: z.array(notAppliedFilter),
  ignoredFilterKeys: z.array(z.string()),
  crmSourcing,
};

/**
 * What a list made now would hold: `leadCount` of the `requestedSize` leads asked for, after
 * every custom filter that can be applied (those that cannot are in `notApplied`).
 */
export const listForecast = z.strictObject({
  requestedSize: z.number().int().min(1),
  leadCount: z.number().int().min(0),
  /**
   * Custom filters (by position) the count leaves out because an outside service judges each
   * lead (`ai`, `website`, `webscraping`): they are asked only for the leads shown, and for every
   * lead when a list is made.
   */
  notCounted: z.array(z.number().int().min(0)),
});

/** `POST .../icps/{id}/preview`: how many people match, and a first page of leads. */
export const leadPreview = z
  .strictObject({
    /** People matching the lead provider criteria, before custom filters. */
    total: z.number().int().min(0),
    leads: z.array(lead),
    ...matchNotes,
    /** Only when a list size was asked for (the draft preview's `listSize`). */
    list: listForecast.optional(),
  })
  .meta({ id: 'LeadPreview' });

/** Body of the preview and generate endpoints; both may be sent empty. */
export const leadPreviewInput = z.strictObject({
  limit: z.number().int().min(1).max(100).default(25),
});
export const leadListInput = z.strictObject({
  /** How many leads; the ICP's `leadsPerList` when left out. */
  size: z.number().int().min(1).max(10_000).optional(),
});

/**
 * Body of the draft preview (tRPC `leadLists.previewDraft`): the criteria of a profile being
 * edited, before it is saved. Nothing is stored, CRM contacts included.
 */
export const leadDraftPreviewInput = z.strictObject({
  leadProviderCriteria,
  customFilterCriteria,
  /** The draft's CRM sourcing: the CRM is searched when one is configured. */
  crmFilters: crmFilters.nullable().optional(),
  limit: leadPreviewInput.shape.limit,
  /** The draft's `leadsPerList`: the answer's `list` then says what such a list would hold. */
  listSize: leadListInput.shape.size,
  /** The saved ICP the draft edits, if any: its earlier lists count for `minDaysUntilReuse`. */
  icpId: z.string().optional(),
});

export type Lead = z.infer<typeof lead>;
export type LeadPerson = z.infer<typeof leadPerson>;
export type LeadCompany = z.infer<typeof leadCompany>;
export type LeadPersonProfile = z.infer<typeof leadPersonProfile>;
export type LeadCompanyProfile = z.infer<typeof leadCompanyProfile>;
export type NotAppliedFilter = z.infer<typeof notAppliedFilter>;
export type CrmSourcing = z.infer<typeof crmSourcing>;
export type ListForecast = z.infer<typeof listForecast>;
export type LeadDraftPreviewInput = z.input<typeof leadDraftPreviewInput>;
export type LeadPreview = z.infer<typeof leadPreview>;

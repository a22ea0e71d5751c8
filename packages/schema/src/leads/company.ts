import { z } from 'zod';
import { countryCode, industry } from '../catalog/index.js';

const place = z.string().trim().min(1).max(200);

/** A company's web domain, lower-case, without scheme or path: `acme.io`. */
export const companyDomain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
    message: 'Must be a domain such as "acme.io" (no scheme, no path)',
  });

/** An id chosen by whoever imports the data (a CRM or provider id), unique among companies. */
export const externalId = z.string().trim().min(1).max(200);

/** An `http(s)` address of a page or an image, such as a LinkedIn profile or a logo. */
export const webAddress = z.httpUrl().max(2048);

/** A text of a few sentences (a company's description, a person's summary). */
export const profileText = z.string().trim().min(1).max(2000);

/** One company of the lead database, as imported or generated. */
export const companyRecord = z
  .strictObject({
    id: externalId,
    name: z.string().trim().min(1).max(300),
    domain: companyDomain.optional(),
    industry: industry.optional(),
    keywords: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
    employeeCount: z.number().int().min(0).max(10_000_000).optional(),
    /** Annual revenue in US dollars. */
    revenue: z.number().int().min(0).optional(),
    country: countryCode.optional(),
    state: place.optional(),
    city: place.optional(),
    foundedYear: z.number().int().min(1600).max(2100).optional(),
    description: profileText.optional(),
    linkedInUrl: webAddress.optional(),
    logoUrl: webAddress.optional(),
    /** The headquarters' address: street and number, postal code, locality and region. */
    hqStreetAddress: z.string().trim().min(1).max(300).optional(),
    hqPostalCode: z.string().trim().min(1).max(20).optional(),
    hqLocality: place.optional(),
    hqRegion: place.optional(),
    /** Where the headquarters are, in decimal degrees (WGS 84). */
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
  })
  .meta({ id: 'Company' });

export type CompanyRecordInput = z.input<typeof companyRecord>;
export type CompanyRecord = z.output<typeof companyRecord>;

import { z } from 'zod';
import { companyRecord } from '../leads/company.js';
import { externalUserIdOf } from './recommendation-icp.js';
import { recommendationReason } from './recommendation-reasons.js';

/** Longest `externalUserId` a fetch accepts (one longer than an ICP's finds no ICP: 404). */
export const MAX_FETCH_EXTERNAL_USER_ID = 255;

const externalUserId = externalUserIdOf(MAX_FETCH_EXTERNAL_USER_ID);

/** Most companies one fetch returns. */
export const MAX_RECOMMENDATION_PAGE = 100;

/** Most companies recommended to one ICP in one UTC day (one page of the largest size). */
export const DAILY_RECOMMENDATIONS = MAX_RECOMMENDATION_PAGE;

/** Most people shown per recommended company. */
export const PEOPLE_PER_RECOMMENDATION = 10;

/** Which of the day's companies to return: from `from` (0-based, inclusive) to `to` (exclusive). */
export const recommendationPagination = z
  .strictObject({
    from: z.number().int().min(0),
    to: z.number().int().min(1),
  })
  .refine((page) => page.to > page.from, { message: 'to must be greater than from', path: ['to'] })
  .refine((page) => page.to - page.from <= MAX_RECOMMENDATION_PAGE, {
    message: `A page holds at most ${MAX_RECOMMENDATION_PAGE} companies`,
    path: ['to'],
  });

/** Body of `POST /v2/recommendations/fetch`; `pagination` is required. */
export const recommendationFetchInput = z
  .strictObject({
    externalUserId: externalUserId.optional(),
    pagination: recommendationPagination,
  })
  .meta({ id: 'RecommendationFetchInput' });

const unknown = <T extends z.ZodType>(schema: T) => schema.nullable();
const text = unknown(z.string());

/** A person at a recommended company who matches the ICP; what is not known is null. */
export const recommendedPerson = z
  .strictObject({
    firstName: z.string(),
    lastName: z.string(),
    jobTitle: text,
    departments: z.array(z.string()),
    seniorities: z.array(z.string()),
    /** ISO 3166-1 alpha-2 code, lower case, as the filters spell it. */
    country: text,
    location: text,
    linkedinUrl: text,
    summary: text,
    currentJobDescription: text,
  })
  .meta({ id: 'RecommendedPerson' });

/** A place of a recommended company; the headquarters is the `primary` one. */
export const recommendedCompanyLocation = z
  .strictObject({
    /** ISO 3166-1 alpha-2 code, lower case. */
    country: text,
    region: text,
    regionCode: text,
    locality: text,
    postalCode: text,
    streetAddress: text,
    latitude: unknown(companyRecord.shape.latitude.unwrap()),
    longitude: unknown(companyRecord.shape.longitude.unwrap()),
    primary: z.boolean(),
  })
  .meta({ id: 'RecommendedCompanyLocation' });

/** The recommendation itself: stable for its company, ICP and UTC day. */
export const recommendation = z
  .strictObject({
    id: z.uuid(),
    /** When the day's recommendations were generated. */
    generatedAt: z.iso.datetime(),
    /** Best first; the company's fit score is their mean. */
    reasons: z.array(recommendationReason),
  })
  .meta({ id: 'Recommendation' });

/** A recommended company, flat, with the people matching the ICP there. */
export const recommendedCompany = z
  .strictObject({
    name: z.string(),
    domain: text,
    description: text,
    employeeCount: unknown(companyRecord.shape.employeeCount.unwrap()),
    /** The employee-count band of the filter catalog, such as `51-200`. */
    size: text,
    yearFounded: unknown(companyRecord.shape.foundedYear.unwrap()),
    industries: z.array(z.string()),
    keywords: z.array(z.string()),
    /** The headquarters address on one line. */
    hqAddress: text,
    /** ISO 3166-1 alpha-2 code of the headquarters, lower case. */
    hqCountry: text,
    linkedInURL: text,
    logo: text,
    locations: z.array(recommendedCompanyLocation),
    people: z.array(recommendedPerson).max(PEOPLE_PER_RECOMMENDATION),
    recommendation,
  })
  .meta({ id: 'RecommendedCompany' });

/** What `POST /v2/recommendations/fetch` returns: a page of the day's recommended companies. */
export const recommendationFetchResult = z
  .strictObject({
    companies: z.array(recommendedCompany).max(MAX_RECOMMENDATION_PAGE),
    pagination: z.strictObject({
      /** As asked. */
      from: z.number().int().min(0),
      /** As asked. */
      to: z.number().int().min(1),
      /** Whether the day holds companies at or after `to`. */
      hasMore: z.boolean(),
      /** Companies recommended today in all (at most `DAILY_RECOMMENDATIONS`). */
      totalAmount: z.number().int().min(0).max(DAILY_RECOMMENDATIONS),
    }),
  })
  .meta({ id: 'RecommendationFetchResult' });

export type RecommendationFetchInput = z.input<typeof recommendationFetchInput>;
export type RecommendationFetchResult = z.output<typeof recommendationFetchResult>;
export type RecommendedCompany = z.output<typeof recommendedCompany>;
export type RecommendedPerson = z.output<typeof recommendedPerson>;
export type RecommendedCompanyLocation = z.output<typeof recommendedCompanyLocation>;
export type Recommendation = z.output<typeof recommendation>;

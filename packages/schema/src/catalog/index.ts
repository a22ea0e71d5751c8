import { z } from 'zod';
import { type CountryCode, countryCodes, isCountryCode } from './countries.js';
import { departments } from './departments.js';
import { industries } from './industries.js';
import { seniorities } from './seniorities.js';
import { type WorldRegionCode, worldRegionCodes, worldRegions } from './world-regions.js';

export * from './band.js';
export * from './countries.js';
export * from './departments.js';
export * from './employee-count-bands.js';
export * from './industries.js';
export * from './revenue-bands.js';
export * from './seniorities.js';
export * from './world-regions.js';

/** Where the API lists every accepted filter value; error messages point people there. */
export const FILTER_CATALOG_PATH = '/v1/people/search/filters';

const whereToLook = `accepted values are listed by GET ${FILTER_CATALOG_PATH}`;

/**
 * Error map for a closed list of values: names the refused value and where the accepted ones are,
 * and suggests the accepted spelling when only the case differs. A missing value reads "Required",
 * as everywhere else in the API (zod reports it as a bad option, not a missing one).
 */
function unknownValue(kind: string, accepted: readonly string[]) {
  return (issue: { input?: unknown }) => {
    const { input } = issue;
    if (input === undefined) return 'Required';
    const sameButCase =
      typeof input === 'string'
        ? accepted.find((value) => value.toLowerCase() === input.toLowerCase())
        : undefined;
    const suggestion = sameButCase === undefined ? '' : ` (did you mean "${sameButCase}"?)`;
    return `Unknown ${kind} ${JSON.stringify(input)}${suggestion}; ${whereToLook}`;
  };
}

/** A seniority level, spelled exactly as listed in `seniorities`. */
export const seniority = z
  .enum(seniorities, { error: unknownValue('seniority', seniorities) })
  .meta({ id: 'Seniority' });

/** A department, spelled exactly as listed in `departments`. */
export const department = z
  .enum(departments, { error: unknownValue('department', departments) })
  .meta({ id: 'Department' });

/** An industry, spelled exactly as listed in `industries`. */
export const industry = z
  .enum(industries, { error: unknownValue('industry', industries) })
  .meta({ id: 'Industry' });

/** A country code (any case) or a world region code (any case); anything else is null. */
function canonicalLocation(value: string): LocationCode | null {
  const country = value.toLowerCase();
  if (isCountryCode(country)) return country;
  const region = value.toUpperCase();
  return worldRegionCodes.find((code) => code === region) ?? null;
}

/** A location code in its stored form: countries in lower case (`fr`), regions as `W-EMEA`. */
export function normalizeLocationCode(value: string): string {
  return canonicalLocation(value) ?? value;
}

/** A country code as `countries` lists it, or a world region code as `worldRegions` lists it. */
export type LocationCode = CountryCode | WorldRegionCode;

/** An ISO 3166-1 alpha-2 country code, accepted in any case and normalized to lower case. */
export const countryCode = z
  .string()
  .refine((value) => isCountryCode(value.toLowerCase()), {
    error: (issue) =>
      `Unknown country code ${JSON.stringify(issue.input)}; expected an ISO 3166-1 alpha-2 code such as "fr"; ${whereToLook}`,
  })
  .overwrite((value) => value.toLowerCase())
  .pipe(z.enum(countryCodes))
  .meta({
    id: 'CountryCode',
    // The refinement above is what checks a request's code: the document lists the codes.
    enum: [...countryCodes],
    description:
      'An ISO 3166-1 alpha-2 country code such as "fr"; accepted in any case, returned in lower case.',
  });

/**
 * A country code or a world region code, accepted in any case; normalized to lower case for a
 * country (`fr`) and upper case for a region (`W-EMEA`).
 */
export const locationCode = z
  .string()
  .refine((value) => canonicalLocation(value) !== null, {
    error: (issue) =>
      `Unknown location ${JSON.stringify(issue.input)}; expected an ISO 3166-1 alpha-2 country code such as "fr" or a world region code such as "W-EMEA"; ${whereToLook}`,
  })
  .overwrite(normalizeLocationCode)
  .pipe(z.enum([...countryCodes, ...worldRegionCodes]))
  .meta({
    id: 'LocationCode',
    enum: [...countryCodes, ...worldRegionCodes],
    description:
      'An ISO 3166-1 alpha-2 country code such as "fr" or a world region code such as "W-EMEA"; accepted in any case, returned as "fr" and "W-EMEA".',
  });

/** The countries a location code covers: a region's countries, a country itself; none if unknown. */
export function countriesOfLocation(code: string): CountryCode[] {
  const location = canonicalLocation(code);
  if (location === null) return [];
  if (isCountryCode(location)) return [location];
  return [...(worldRegions.find((region) => region.code === location)?.countries ?? [])];
}

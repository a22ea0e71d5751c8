import {
  employeeCountBands,
  type LeadCompany,
  type LeadPerson,
  type Recommendation,
  type RecommendedCompany,
  type RecommendedCompanyLocation,
  type RecommendedPerson,
} from '@icp/schema';
import { countryName } from '../leads/matching/country-names.js';

/** The employee-count band of the filter catalog holding `count`, such as `51-200`. */
export function sizeBand(count: number | null): string | null {
  if (count === null) return null;
  const band = employeeCountBands.find(
    ({ from, to }) => count >= from && (to === null || count <= to),
  );
  return band?.label ?? null;
}

const listOf = (value: string | null) => (value === null ? [] : [value]);

/** The headquarters, when the company shows anything of where it is. */
function headquarters(company: LeadCompany): RecommendedCompanyLocation | null {
  const location: RecommendedCompanyLocation = {
    country: company.country,
    region: company.hqRegion ?? company.state,
    // The lead database keeps regions by name only.
    regionCode: null,
    locality: company.hqLocality ?? company.city,
    postalCode: company.hqPostalCode,
    streetAddress: company.hqStreetAddress,
    latitude: company.latitude,
    longitude: company.longitude,
    primary: true,
  };
  const { primary: _primary, ...places } = location;
  return Object.values(places).every((value) => value === null) ? null : location;
}

/** "12 Rue de Rivoli, 75001 Paris, Île-de-France, France": the parts known, in address order. */
function addressLine(location: RecommendedCompanyLocation | null): string | null {
  if (location === null) return null;
  const town = [location.postalCode, location.locality].filter((part) => part !== null).join(' ');
  const parts = [
    location.streetAddress,
    town === '' ? null : town,
    location.region,
    location.country === null ? null : countryName(location.country),
  ].filter((part) => part !== null);
  return parts.length === 0 ? null : parts.join(', ');
}

function recommendedPerson(person: LeadPerson): RecommendedPerson {
  return {
    firstName: person.firstName,
    lastName: person.lastName,
    jobTitle: person.jobTitle,
    departments: listOf(person.department),
    seniorities: listOf(person.seniority),
    country: person.country,
    location: person.location,
    linkedinUrl: person.linkedInUrl,
    summary: person.summary,
    // The lead database holds no description of a person's current job.
    currentJobDescription: null,
  };
}

/** A recommended company in the fetch answer's flat shape; what is not known is null. */
export function recommendedCompanyOf(
  company: LeadCompany,
  people: readonly LeadPerson[],
  recommendation: Recommendation,
): RecommendedCompany {
  const hq = headquarters(company);
  return {
    name: company.name,
    domain: company.domain,
    description: company.description,
    employeeCount: company.employeeCount,
    size: sizeBand(company.employeeCount),
    yearFounded: company.foundedYear,
    industries: listOf(company.industry),
    keywords: company.keywords,
    hqAddress: addressLine(hq),
    hqCountry: company.country,
    linkedInURL: company.linkedInUrl,
    logo: company.logoUrl,
    locations: hq === null ? [] : [hq],
    people: people.map(recommendedPerson),
    recommendation,
  };
}

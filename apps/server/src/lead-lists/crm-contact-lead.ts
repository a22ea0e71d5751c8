import type { Lead } from '@icp/schema';
import type { CrmContact } from '../crm/bullhorn/client-contact.js';
import { CRM_CONTACT_REASON } from '../leads/matching/match-reasons.js';

/** A CRM contact as the lead it would be once stored, for a search that stores nothing. */
export function leadOfCrmContact({ person, company }: CrmContact): Lead {
  return {
    person: {
      id: person.id,
      firstName: person.firstName,
      lastName: person.lastName,
      jobTitle: person.jobTitle,
      seniority: person.seniority ?? null,
      department: person.department ?? null,
      skills: person.skills,
      country: person.country ?? null,
      state: person.state ?? null,
      city: person.city ?? null,
      email: person.email ?? null,
      source: person.source,
      linkedInUrl: person.linkedInUrl ?? null,
      location: person.location ?? null,
      summary: person.summary ?? null,
    },
    company:
      company === null
        ? null
        : {
            id: company.id,
            name: company.name,
            domain: company.domain ?? null,
            industry: company.industry ?? null,
            keywords: company.keywords,
            employeeCount: company.employeeCount ?? null,
            revenue: company.revenue ?? null,
            country: company.country ?? null,
            state: company.state ?? null,
            city: company.city ?? null,
            foundedYear: company.foundedYear ?? null,
            description: company.description ?? null,
            linkedInUrl: company.linkedInUrl ?? null,
            logoUrl: company.logoUrl ?? null,
            hqStreetAddress: company.hqStreetAddress ?? null,
            hqPostalCode: company.hqPostalCode ?? null,
            hqLocality: company.hqLocality ?? null,
            hqRegion: company.hqRegion ?? null,
            latitude: company.latitude ?? null,
            longitude: company.longitude ?? null,
          },
    reasons: [CRM_CONTACT_REASON],
  };
}

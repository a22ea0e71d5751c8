import type { CompanyRecord, PersonRecord } from '@icp/schema';
import type { Insertable } from 'kysely';
import type { Db } from '../db/connect.js';
import type { CompaniesTable, PeopleTable } from '../db/database.js';
import { inBatches } from '../db/in-batches.js';
import { jobTitleWords } from './job-title.js';
import { takeLeadRevision } from './lead-revision.js';

/** Rows per INSERT: well under SQLite's bound on parameters (22 columns of a company x 500). */
const BATCH_SIZE = 500;

const lowerCaseUnique = (values: readonly string[]) => [
  ...new Set(values.map((value) => value.toLowerCase())),
];

function companyRow(
  company: CompanyRecord,
  crmScope: string | null,
  revision: number,
): Insertable<CompaniesTable> {
  return {
    id: company.id,
    name: company.name,
    domain: company.domain ?? null,
    industry: company.industry ?? null,
    keywords: JSON.stringify(company.keywords),
    employee_count: company.employeeCount ?? null,
    revenue: company.revenue ?? null,
    country: company.country ?? null,
    state: company.state ?? null,
    city: company.city ?? null,
    founded_year: company.foundedYear ?? null,
    description: company.description ?? null,
    linkedin_url: company.linkedInUrl ?? null,
    logo_url: company.logoUrl ?? null,
    hq_street_address: company.hqStreetAddress ?? null,
    hq_postal_code: company.hqPostalCode ?? null,
    hq_locality: company.hqLocality ?? null,
    hq_region: company.hqRegion ?? null,
    latitude: company.latitude ?? null,
    longitude: company.longitude ?? null,
    crm_scope: crmScope,
    revision,
  };
}

function personRow(
  person: PersonRecord,
  crmScope: string | null,
  revision: number,
): Insertable<PeopleTable> {
  return {
    id: person.id,
    first_name: person.firstName,
    last_name: person.lastName,
    job_title: person.jobTitle,
    seniority: person.seniority ?? null,
    department: person.department ?? null,
    skills: JSON.stringify(person.skills),
    country: person.country ?? null,
    state: person.state ?? null,
    city: person.city ?? null,
    company_id: person.companyId ?? null,
    email: person.email ?? null,
    source: person.source,
    linkedin_url: person.linkedInUrl ?? null,
    location: person.location ?? null,
    summary: person.summary ?? null,
    crm_scope: crmScope,
    revision,
  };
}

/**
 * Stores companies; one with an id already stored replaces it (its keywords too). Run inside a
 * transaction: a batch is written whole or not at all. `crmScope`: whose CRM search found them
 * (see crm-scope.ts); null for the shared lead database.
 */
export async function saveCompanies(
  tx: Db,
  companies: readonly CompanyRecord[],
  crmScope: string | null = null,
): Promise<void> {
  if (companies.length === 0) return;
  const revision = await takeLeadRevision(tx);
  for (const batch of inBatches(companies, BATCH_SIZE)) {
    await tx
      .insertInto('companies')
      .values(batch.map((company) => companyRow(company, crmScope, revision)))
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          domain: eb.ref('excluded.domain'),
          industry: eb.ref('excluded.industry'),
          keywords: eb.ref('excluded.keywords'),
          employee_count: eb.ref('excluded.employee_count'),
          revenue: eb.ref('excluded.revenue'),
          country: eb.ref('excluded.country'),
          state: eb.ref('excluded.state'),
          city: eb.ref('excluded.city'),
          founded_year: eb.ref('excluded.founded_year'),
          description: eb.ref('excluded.description'),
          linkedin_url: eb.ref('excluded.linkedin_url'),
          logo_url: eb.ref('excluded.logo_url'),
          hq_street_address: eb.ref('excluded.hq_street_address'),
          hq_postal_code: eb.ref('excluded.hq_postal_code'),
          hq_locality: eb.ref('excluded.hq_locality'),
          hq_region: eb.ref('excluded.hq_region'),
          latitude: eb.ref('excluded.latitude'),
          longitude: eb.ref('excluded.longitude'),
          crm_scope: eb.ref('excluded.crm_scope'),
          revision: eb.ref('excluded.revision'),
        })),
      )
      .execute();
    const ids = batch.map((company) => company.id);
    await tx.deleteFrom('company_keywords').where('company_id', 'in', ids).execute();
    const keywords = batch.flatMap((company) =>
      lowerCaseUnique(company.keywords).map((keyword) => ({ keyword, company_id: company.id })),
    );
    for (const rows of inBatches(keywords, BATCH_SIZE)) {
      await tx.insertInto('company_keywords').values(rows).execute();
    }
  }
}

/**
 * Stores people; one with an id already stored replaces it (its title words and skills too).
 * A `companyId` must name a stored company. Run inside a transaction. `crmScope` as for
 * `saveCompanies`.
 */
export async function savePeople(
  tx: Db,
  people: readonly PersonRecord[],
  crmScope: string | null = null,
): Promise<void> {
  if (people.length === 0) return;
  const revision = await takeLeadRevision(tx);
  for (const batch of inBatches(people, BATCH_SIZE)) {
    await tx
      .insertInto('people')
      .values(batch.map((person) => personRow(person, crmScope, revision)))
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet((eb) => ({
          first_name: eb.ref('excluded.first_name'),
          last_name: eb.ref('excluded.last_name'),
          job_title: eb.ref('excluded.job_title'),
          seniority: eb.ref('excluded.seniority'),
          department: eb.ref('excluded.department'),
          skills: eb.ref('excluded.skills'),
          country: eb.ref('excluded.country'),
          state: eb.ref('excluded.state'),
          city: eb.ref('excluded.city'),
          company_id: eb.ref('excluded.company_id'),
          email: eb.ref('excluded.email'),
          source: eb.ref('excluded.source'),
          linkedin_url: eb.ref('excluded.linkedin_url'),
          location: eb.ref('excluded.location'),
          summary: eb.ref('excluded.summary'),
          crm_scope: eb.ref('excluded.crm_scope'),
          revision: eb.ref('excluded.revision'),
        })),
      )
      .execute();
    const ids = batch.map((person) => person.id);
    await tx.deleteFrom('person_title_words').where('person_id', 'in', ids).execute();
    await tx.deleteFrom('person_skills').where('person_id', 'in', ids).execute();
    const words = batch.flatMap((person) =>
      jobTitleWords(person.jobTitle).map((word) => ({ word, person_id: person.id })),
    );
    for (const rows of inBatches(words, BATCH_SIZE)) {
      await tx.insertInto('person_title_words').values(rows).execute();
    }
    const skills = batch.flatMap((person) =>
      lowerCaseUnique(person.skills).map((skill) => ({ skill, person_id: person.id })),
    );
    for (const rows of inBatches(skills, BATCH_SIZE)) {
      await tx.insertInto('person_skills').values(rows).execute();
    }
  }
}

/** How many companies and people are stored. */
export async function countLeadRecords(db: Db): Promise<{ companies: number; people: number }> {
  const [companies, people] = await Promise.all([
    db
      .selectFrom('companies')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
    db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
  ]);
  return { companies: Number(companies?.n ?? 0), people: Number(people?.n ?? 0) };
}

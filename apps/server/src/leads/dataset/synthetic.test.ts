import { createHash } from 'node:crypto';
import {
  companyRecord,
  countriesOfLocation,
  departments,
  industries,
  personRecord,
  seniorities,
  worldRegions,
} from '@icp/schema';
import { describe, expect, it } from 'vitest';
import { jobTitleWords } from '../job-title.js';
import { DEMO_DATASET } from './demo-leads.js';
import { departmentRoles } from './department-roles.js';
import { hqCountries } from './headquarters.js';
import { industryProfiles } from './industry-profiles.js';
import { countryProfiles } from './places.js';
import { type GeneratedCompany, generateDataset } from './synthetic.js';

function generate(seed: number, companies: number, peoplePerCompany?: number) {
  return [...generateDataset({ seed, companies, peoplePerCompany })];
}

const dataset = generate(42, 1_000);
const companies = dataset.map(({ company }) => company);
const people = dataset.flatMap((generated) => generated.people);

describe('generateDataset', () => {
  it('gives the same records for the same seed', () => {
    expect(generate(7, 50)).toEqual(generate(7, 50));
  });

  it('gives other records for another seed', () => {
    const [first, second] = [generate(1, 20), generate(2, 20)];
    expect(first.map(({ company }) => company.name)).not.toEqual(
      second.map(({ company }) => company.name),
    );
  });

  it('starts the same whatever the number of companies asked for', () => {
    expect(generate(3, 300).slice(0, 100)).toEqual(generate(3, 100));
  });

  it('builds one company at a time, so a huge data set costs nothing until read', () => {
    const started = performance.now();
    const first = generateDataset({ seed: 1, companies: 10_000_000 }).next()
      .value as GeneratedCompany;
    expect(first.company.id).toBe('c-000001');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('yields records the schemas accept as they are', () => {
    for (const company of companies) expect(companyRecord.parse(company)).toEqual(company);
    for (const person of people) expect(personRecord.parse(person)).toEqual(person);
  });

  it('numbers companies and people in order, each person naming their company', () => {
    expect(companies.slice(0, 2).map((company) => company.id)).toEqual(['c-000001', 'c-000002']);
    expect(people.slice(0, 2).map((person) => person.id)).toEqual(['p-0000001', 'p-0000002']);
    expect(new Set(people.map((person) => person.id)).size).toBe(people.length);
    for (const { company, people: staff } of dataset) {
      for (const person of staff) expect(person.companyId).toBe(company.id);
    }
  });

  it('gives every company a domain of its own, and people emails first.last at it', () => {
    const domains = companies.map((company) => company.domain);
    expect(new Set(domains).size).toBe(companies.length);
    for (const { company, people: staff } of dataset) {
      for (const person of staff) {
        if (person.email !== undefined) {
          expect(person.email).toMatch(new RegExp(`^[a-z0-9]+\\.[a-z0-9]+\\d*@${company.domain}$`));
        }
      }
    }
    expect(people.filter((person) => person.email).length / people.length).toBeGreaterThan(0.85);
  });

  it('averages the people per company asked for, never more than a company employs', () => {
    expect(people.length / companies.length).toBeGreaterThan(9);
    expect(people.length / companies.length).toBeLessThan(11);
    for (const { company, people: staff } of dataset) {
      expect(staff.length).toBeLessThanOrEqual(company.employeeCount ?? 0);
    }
    const few = generate(42, 200, 3).flatMap((generated) => generated.people).length;
    expect(few / 200).toBeGreaterThan(2);
    expect(few / 200).toBeLessThan(4);
  });

  it('makes small companies common and big ones rare, with revenue growing with size', () => {
    const small = companies.filter((company) => (company.employeeCount ?? 0) <= 50);
    const big = companies.filter((company) => (company.employeeCount ?? 0) > 5_000);
    expect(small.length / companies.length).toBeGreaterThan(0.45);
    expect(big.length).toBeGreaterThan(0);
    expect(big.length / companies.length).toBeLessThan(0.08);
    const medianRevenue = (list: typeof companies) => {
      const sorted = list
        .flatMap((c) => (c.revenue === undefined ? [] : [c.revenue]))
        .sort((a, b) => a - b);
      return sorted[Math.floor(sorted.length / 2)] ?? 0;
    };
    expect(medianRevenue(big)).toBeGreaterThan(medianRevenue(small) * 100);
  });

  it('places companies in every world region, mostly in the main markets', () => {
    const countries = companies.map((company) => company.country);
    for (const region of worldRegions) {
      const inRegion = new Set(countriesOfLocation(region.code));
      expect(
        countries.some((code) => code !== undefined && inRegion.has(code)),
        region.code,
      ).toBe(true);
    }
    expect(countries.filter((code) => code === 'us').length / countries.length).toBeGreaterThan(
      0.15,
    );
    const countryOf = new Map(companies.map((company) => [company.id, company.country]));
    const atHome = people.filter(
      (person) => person.country === countryOf.get(person.companyId ?? ''),
    );
    expect(atHome.length / people.length).toBeGreaterThan(0.85);
    expect(atHome.length / people.length).toBeLessThan(0.99);
  });

  it('writes titles that agree with the seniority, often with abbreviations', () => {
    const wordsOf = (seniority: string) =>
      people
        .filter((person) => person.seniority === seniority)
        .map((p) => jobTitleWords(p.jobTitle));
    for (const words of wordsOf('VP'))
      expect(words).toEqual(expect.arrayContaining(['vice', 'president']));
    for (const words of wordsOf('Head')) expect(words).toContain('head');
    for (const words of wordsOf('Director')) expect(words).toContain('director');
    for (const words of wordsOf('Intern')) expect(words).toContain('intern');
    const titles = new Set(people.map((person) => person.jobTitle));
    for (const title of ['CTO', 'Sales Development Representative', 'SDR', 'Head of Marketing']) {
      expect(titles, title).toContain(title);
    }
    expect([...titles].some((title) => /^VP /.test(title))).toBe(true);
    expect([...titles].some((title) => /^Sr\. /.test(title))).toBe(true);
  });

  it('has people at every seniority a filter accepts, board members and others among them', () => {
    expect(new Set(people.map((person) => person.seniority))).toEqual(new Set(seniorities));
    for (const person of people.filter((p) => p.seniority === 'Board Member')) {
      expect(jobTitleWords(person.jobTitle).some((w) => w === 'board' || w === 'director')).toBe(
        true,
      );
      expect(person.department).toBe('Executive');
    }
    const others = people.filter((person) => person.seniority === 'Other');
    expect(others.length).toBeGreaterThan(people.length / 100);
    expect(new Set(others.map((person) => person.department)).size).toBeGreaterThan(3);
  });

  it('gives people skills of their department and marks about a tenth as from the CRM', () => {
    const skillsOf = new Map(departmentRoles.map((roles) => [roles.department, roles.skills]));
    for (const person of people.slice(0, 500)) {
      const own = skillsOf.get(person.department ?? 'Executive') ?? [];
      expect(
        person.skills.some((skill) => own.includes(skill)),
        person.jobTitle,
      ).toBe(true);
    }
    const fromCrm = people.filter((person) => person.source === 'crm').length / people.length;
    expect(fromCrm).toBeGreaterThan(0.07);
    expect(fromCrm).toBeLessThan(0.13);
  });

  it('takes other country shares and CRM share when asked, changing nothing else', () => {
    const tilted = [
      ...generateDataset({ seed: 42, companies: 1_000, countryWeights: { de: 60 }, crmShare: 0 }),
    ];
    const german = tilted.filter(({ company }) => company.country === 'de').length;
    expect(german / tilted.length).toBeGreaterThan(0.25);
    expect(tilted.flatMap((generated) => generated.people).some((p) => p.source === 'crm')).toBe(
      false,
    );
    const noCrm = [...generateDataset({ seed: 42, companies: 1_000, crmShare: 0 })];
    expect(noCrm.map(({ company }) => company)).toEqual(companies);
    expect(noCrm.flatMap((generated) => generated.people)).toEqual(
      people.map((person) => ({ ...person, source: 'provider' })),
    );
  });
});

describe('the generator’s word lists', () => {
  it('cover every industry and department of the catalog, each once', () => {
    expect(industryProfiles.map((profile) => profile.industry).sort()).toEqual(
      [...industries].sort(),
    );
    expect(departmentRoles.map((roles) => roles.department).sort()).toEqual(
      [...departments].sort(),
    );
  });
});

const PROFILE_FIELDS = new Set([
  'description',
  'linkedInUrl',
  'logoUrl',
  'hqStreetAddress',
  'hqPostalCode',
  'hqLocality',
  'hqRegion',
  'latitude',
  'longitude',
  'location',
  'summary',
]);
const withoutProfile = (record: object) =>
  Object.fromEntries(Object.entries(record).filter(([key]) => !PROFILE_FIELDS.has(key)));

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the profile fields of generated companies and people', () => {
  it('left every other field as it was before they existed, the demo data set included', () => {
    const hash = createHash('sha256');
    let [companyCount, personCount] = [0, 0];
    for (const { company, people: staff } of generateDataset(DEMO_DATASET)) {
      companyCount++;
      personCount += staff.length;
      hash.update(JSON.stringify(withoutProfile(company)));
      for (const person of staff) hash.update(JSON.stringify(withoutProfile(person)));
    }
    expect([companyCount, personCount]).toEqual([3_000, 30_202]);
    // What the generator gave before it had profile fields (seed 1, the demo's options).
    expect(hash.digest('hex')).toBe(
      '69838889b2721c05a573192869f0c4bd3cdf72ab31add19c3e9f84259e108297',
    );
  });

  it('know every city companies are placed in: where it is and how its postal codes begin', () => {
    for (const country of countryProfiles) {
      const hq = hqCountries.get(country.code);
      expect(hq, country.code).toBeDefined();
      expect(hq?.streets.length, country.code).toBeGreaterThan(4);
      for (const place of country.places) {
        const city = hq?.cities.get(place.city);
        expect(city, `${country.code}/${place.city}`).toBeDefined();
        expect(Math.abs(city?.latitude ?? 99)).toBeLessThan(70);
        expect(Math.abs(city?.longitude ?? 999)).toBeLessThanOrEqual(180);
        expect(city?.postalPrefix !== '', place.city).toBe(hq?.postalCode !== null);
      }
      expect(hq?.cities.size, country.code).toBe(country.places.length);
    }
  });

  it('give companies a description, LinkedIn page and logo of their own, and headquarters in their city', () => {
    for (const company of companies) {
      const hq = hqCountries.get(company.country ?? 'us');
      const city = hq?.cities.get(company.city ?? '');
      if (city === undefined || hq === undefined) throw new Error(`${company.city} unknown`);
      expect(company.hqLocality).toBe(company.city);
      expect(company.hqRegion).toBe(company.state);
      expect(Math.abs((company.latitude ?? 99) - city.latitude)).toBeLessThanOrEqual(0.04);
      expect(Math.abs((company.longitude ?? 999) - city.longitude)).toBeLessThanOrEqual(0.2);
      if (company.hqPostalCode !== undefined) {
        const pattern = [...(hq.postalCode ?? '')]
          .map((char) =>
            char === '*'
              ? escaped(city.postalPrefix)
              : char === '0'
                ? '\\d'
                : char === 'A'
                  ? '[A-Z]'
                  : escaped(char),
          )
          .join('');
        expect(company.hqPostalCode).toMatch(new RegExp(`^${pattern}$`));
      }
      if (company.hqStreetAddress !== undefined) expect(company.hqStreetAddress).toMatch(/\d/);
      if (company.linkedInUrl !== undefined) {
        expect(company.linkedInUrl).toMatch(/^https:\/\/www\.linkedin\.com\/company\/[a-z0-9-]+$/);
      }
      if (company.logoUrl !== undefined) {
        expect(company.logoUrl).toBe(`https://www.${company.domain}/logo.png`);
      }
      if (company.description !== undefined) {
        expect(company.description).toContain(company.name);
        expect(company.description).toContain(company.keywords[0]);
      }
    }
    const slugs = companies.flatMap((company) => company.linkedInUrl ?? []);
    expect(new Set(slugs).size / slugs.length).toBeGreaterThan(0.99);
    const addressed = companies.filter((company) => company.hqStreetAddress !== undefined);
    expect(addressed.length / companies.length).toBeGreaterThan(0.8);
    expect(addressed.filter((company) => company.hqPostalCode === undefined).length).toBe(
      addressed.filter((company) => ['ae', 'hk'].includes(company.country ?? '')).length,
    );
  });

  it('give people a LinkedIn profile, their location as text and a summary of their role', () => {
    const countryName = new Map([
      ['us', 'United States'],
      ['de', 'Germany'],
      ['kr', 'South Korea'],
    ]);
    const companyOf = new Map(companies.map((company) => [company.id, company]));
    for (const person of people) {
      if (person.linkedInUrl !== undefined) {
        expect(person.linkedInUrl).toMatch(
          /^https:\/\/www\.linkedin\.com\/in\/[a-z0-9-]+-[a-z0-9]+$/,
        );
      }
      const name = countryName.get(person.country ?? '');
      if (person.location !== undefined && name !== undefined) {
        expect(person.location.endsWith(name), person.location).toBe(true);
        if (person.city !== undefined) expect(person.location.startsWith(person.city)).toBe(true);
      }
      if (person.summary !== undefined) {
        const company = companyOf.get(person.companyId ?? '');
        const mentions = [person.jobTitle, company?.name, person.skills[0]].filter(
          (text) => text !== undefined && person.summary?.includes(text),
        );
        expect(mentions.length, person.summary).toBeGreaterThan(0);
      }
    }
    const profiles = people.flatMap((person) => person.linkedInUrl ?? []);
    expect(new Set(profiles).size).toBe(profiles.length);
    const parisian = people.find((person) => person.city === 'Paris' && person.location);
    expect(parisian?.location).toBe('Paris, Île-de-France, France');
  });

  it('leave some fields unknown, as real data does', () => {
    const share = (records: readonly object[], field: string) =>
      records.filter((record) => Reflect.get(record, field) === undefined).length / records.length;
    for (const field of ['description', 'linkedInUrl', 'logoUrl', 'hqStreetAddress']) {
      expect(share(companies, field), field).toBeGreaterThan(0.03);
      expect(share(companies, field), field).toBeLessThan(0.25);
    }
    for (const field of ['linkedInUrl', 'location', 'summary']) {
      expect(share(people, field), field).toBeGreaterThan(0.02);
      expect(share(people, field), field).toBeLessThan(0.3);
    }
  });
});

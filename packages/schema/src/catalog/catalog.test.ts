import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  countries,
  countriesOfLocation,
  countryCode,
  department,
  departments,
  employeeCountBands,
  employeeRangeOfLegacyBand,
  FILTER_CATALOG_PATH,
  filterCatalog,
  filterCatalogResponse,
  industries,
  industry,
  locationCode,
  type NumericRange,
  revenueBands,
  seniorities,
  seniority,
  worldRegions,
} from '../index.js';
import { issuesToDetails } from '../validation-messages.js';

function messageOf(schema: z.ZodType, input: unknown): string {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return result.error.issues.map((issue) => issue.message).join('\n');
}

const countryCodeSet = new Set(countries.map((country) => country.code));

describe('countries', () => {
  it('lists all 249 ISO 3166-1 alpha-2 codes, each once, as two lower-case letters', () => {
    expect(countries).toHaveLength(249);
    expect(countryCodeSet.size).toBe(249);
    for (const { code, name } of countries) {
      expect(code).toMatch(/^[a-z]{2}$/);
      expect(name.trim()).not.toBe('');
    }
  });

  it('are ordered by code', () => {
    const codes = countries.map((country) => country.code);
    expect(codes).toEqual([...codes].sort());
  });
});

describe('worldRegions', () => {
  it('list only countries that exist', () => {
    for (const region of worldRegions) {
      expect(region.countries.filter((code) => !countryCodeSet.has(code))).toEqual([]);
    }
  });

  it('put no country in two regions, and leave out only Antarctica', () => {
    const listed = worldRegions.flatMap((region) => region.countries);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...countryCodeSet].filter((code) => !listed.includes(code))).toEqual(['aq']);
  });

  it('hold the expected number of countries each', () => {
    const sizes = Object.fromEntries(worldRegions.map((r) => [r.code, r.countries.length]));
    expect(sizes).toEqual({ 'W-EMEA': 135, 'W-NA': 5, 'W-LATAM': 52, 'W-APAC': 56 });
  });

  it('place Mexico in Latin America, and France, the UAE and South Africa in EMEA', () => {
    expect(countriesOfLocation('W-LATAM')).toContain('mx');
    expect(countriesOfLocation('W-NA')).not.toContain('mx');
    expect(countriesOfLocation('W-NA')).toEqual(expect.arrayContaining(['us', 'ca']));
    expect(countriesOfLocation('W-EMEA')).toEqual(expect.arrayContaining(['fr', 'ae', 'za']));
    expect(countriesOfLocation('W-APAC')).toEqual(expect.arrayContaining(['jp', 'au', 'in']));
  });
});

describe('closed value lists', () => {
  it('hold no duplicates', () => {
    for (const list of [seniorities, departments, industries]) {
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it('list departments and industries alphabetically', () => {
    const sorted = (list: readonly string[]) => [...list].sort((a, b) => a.localeCompare(b, 'en'));
    expect(departments).toEqual(sorted(departments));
    expect(industries).toEqual(sorted(industries));
  });

  it('an unknown industry is refused with its value and where to find accepted ones', () => {
    const message = messageOf(industry, 'Softwear');
    expect(message).toContain('"Softwear"');
    expect(message).toContain(FILTER_CATALOG_PATH);
  });

  it('an unknown seniority is refused with its value named', () => {
    expect(messageOf(seniority, 'Chief')).toContain('"Chief"');
    expect(messageOf(department, 42)).toContain('42');
  });

  it('a value that differs only in case is refused, with the accepted spelling suggested', () => {
    expect(messageOf(seniority, 'c-level')).toContain('did you mean "C-Level"?');
  });

  it('a missing value still reads "Required" inside an object', () => {
    const result = z.strictObject({ industry }).safeParse({});
    expect(result.success).toBe(false);
    expect(issuesToDetails(result.error?.issues ?? [])).toEqual([
      { path: ['industry'], message: 'Required' },
    ]);
  });
});

describe('countryCode', () => {
  it('accepts any case and normalizes to lower case', () => {
    expect(countryCode.parse('FR')).toBe('fr');
    expect(countryCode.parse('fr')).toBe('fr');
    expect(countryCode.parse('Gb')).toBe('gb');
  });

  it('refuses an unknown code, naming it as sent, and refuses region codes', () => {
    expect(messageOf(countryCode, 'XX')).toContain('"XX"');
    expect(messageOf(countryCode, 'uk')).toContain('"uk"');
    expect(countryCode.safeParse('W-EMEA').success).toBe(false);
  });
});

describe('locationCode', () => {
  it('normalizes countries to lower case and regions to upper case', () => {
    expect(locationCode.parse('DE')).toBe('de');
    expect(locationCode.parse('w-emea')).toBe('W-EMEA');
    expect(locationCode.parse('W-Apac')).toBe('W-APAC');
  });

  it('refuses an unknown location, naming it and where to find accepted ones', () => {
    const message = messageOf(locationCode, 'W-MARS');
    expect(message).toContain('"W-MARS"');
    expect(message).toContain(FILTER_CATALOG_PATH);
    expect(messageOf(locationCode, 'europe')).toContain('"europe"');
  });
});

describe('countriesOfLocation', () => {
  it('expands a region to its countries, in any case', () => {
    const emea = worldRegions.find((region) => region.code === 'W-EMEA');
    expect(countriesOfLocation('W-EMEA')).toEqual(emea?.countries);
    expect(countriesOfLocation('w-emea')).toEqual(emea?.countries);
  });

  it('expands a country to itself, lower-cased, and an unknown code to nothing', () => {
    expect(countriesOfLocation('FR')).toEqual(['fr']);
    expect(countriesOfLocation('xx')).toEqual([]);
  });

  it('returns a copy that callers may change freely', () => {
    countriesOfLocation('W-NA').push('fr');
    expect(countriesOfLocation('W-NA')).not.toContain('fr');
  });
});

describe('bands', () => {
  it('cover their range without gaps or overlaps, ending open above', () => {
    for (const bands of [employeeCountBands, revenueBands]) {
      bands.slice(1).forEach((band, index) => {
        expect(band.from).toBe((bands[index]?.to ?? Number.NaN) + 1);
      });
      expect(bands.at(-1)?.to).toBeNull();
    }
  });

  it('map legacy company_size labels to employee ranges', () => {
    const cases: [string, NumericRange | null][] = [
      ['501-1000', { from: 501, to: 1_000 }],
      ['1001-5000', { from: 1_001, to: 5_000 }],
      ['5001+', { from: 5_001, to: null }],
      ['1,001 - 5,000', { from: 1_001, to: 5_000 }],
      ['1000-501', null],
      ['large', null],
      ['', null],
    ];
    for (const [label, range] of cases) {
      expect(employeeRangeOfLegacyBand(label), label).toEqual(range);
    }
  });

  it('read every employee count band label back as its own range', () => {
    for (const { label, from, to } of employeeCountBands) {
      expect(employeeRangeOfLegacyBand(label)).toEqual({ from, to });
    }
  });
});

describe('filterCatalog', () => {
  it('is described by filterCatalogResponse and comes out of it unchanged', () => {
    expect(filterCatalogResponse.parse(filterCatalog)).toEqual(filterCatalog);
  });

  it('accepts the documented ICP example values', () => {
    expect(industries).toEqual(expect.arrayContaining(['Software', 'Finance', 'Technology']));
    expect(z.array(industry).parse(['Software', 'Finance'])).toEqual(['Software', 'Finance']);
    expect(z.array(seniority).parse(['C-Level', 'Director', 'Founder'])).toHaveLength(3);
    expect(z.array(department).parse(['Engineering', 'Marketing'])).toHaveLength(2);
    expect(z.array(locationCode).parse(['fr', 'W-EMEA'])).toEqual(['fr', 'W-EMEA']);
    expect(industry.parse('Healthcare')).toBe('Healthcare');
  });
});

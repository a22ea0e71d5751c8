import { describe, expect, it } from 'vitest';
import {
  countries,
  departments,
  filterCatalog,
  filterCatalogResponse,
  industries,
  type RecommendationFilterField,
  recommendationCompanies,
  recommendationFilterFields,
  recommendationIcpInput,
  recommendationPeople,
  seniorities,
  worldRegions,
} from '../index.js';

const accepts = (body: unknown) => recommendationIcpInput.safeParse(body).success;

/** A v2 ICP body setting `field` (such as `companies.industries`) to `value`. */
function bodyWith(field: string, value: unknown) {
  const [side, key] = field.split('.') as [string, string];
  return { [side]: { [key]: value } };
}

const catalogValues = {
  seniorities,
  departments,
  industries,
  locations: [...countries.map((country) => country.code), ...worldRegions.map((r) => r.code)],
};

/** A value of the kind `field` takes, different for each `index`. */
function sample(field: RecommendationFilterField, index: number): unknown {
  switch (field.kind) {
    case 'values': {
      const values = catalogValues[field.values];
      return values[index % values.length];
    }
    case 'text':
      return `Title ${index}`;
    case 'domains':
      return `d${index}.example`;
    case 'range':
    case 'ranges':
      return { from: field.min, to: field.min + index };
  }
}

describe('Get Filters: the filters of the v2 ICP', () => {
  it('are every key of companies and people, in the order of the schema', () => {
    expect(recommendationFilterFields.map((field) => field.field)).toEqual([
      ...Object.keys(recommendationCompanies.shape).map((key) => `companies.${key}`),
      ...Object.keys(recommendationPeople.shape).map((key) => `people.${key}`),
    ]);
  });

  it.each(recommendationFilterFields.filter((field) => field.kind !== 'range'))(
    '$field takes $maxItems values of its kind and no more',
    (field) => {
      const items = (count: number) => Array.from({ length: count }, (_, i) => sample(field, i));
      expect(accepts(bodyWith(field.field, items(field.maxItems)))).toBe(true);
      expect(accepts(bodyWith(field.field, items(field.maxItems + 1)))).toBe(false);
    },
  );

  it.each(recommendationFilterFields.filter((field) => field.kind === 'values'))(
    '$field accepts every value of its list ($values)',
    (field) => {
      for (const value of catalogValues[field.values]) {
        expect(accepts(bodyWith(field.field, [value])), value).toBe(true);
      }
      expect(accepts(bodyWith(field.field, ['Not In The Catalog']))).toBe(false);
    },
  );

  it.each(
    recommendationFilterFields.filter((field) => field.kind === 'range' || field.kind === 'ranges'),
  )('$field takes bounds from $min to $max', (field) => {
    const wrap = (range: object) => (field.kind === 'ranges' ? [range] : range);
    const top = field.max ?? Number.MAX_SAFE_INTEGER;
    expect(accepts(bodyWith(field.field, wrap({ from: field.min, to: top })))).toBe(true);
    expect(accepts(bodyWith(field.field, wrap({ from: field.min - 1, to: top })))).toBe(false);
    if (field.max !== null) {
      expect(accepts(bodyWith(field.field, wrap({ from: field.min, to: field.max + 1 })))).toBe(
        false,
      );
    }
  });

  it('text values hold at most maxLength characters', () => {
    for (const field of recommendationFilterFields) {
      if (field.kind !== 'text') continue;
      expect(accepts(bodyWith(field.field, ['x'.repeat(field.maxLength)]))).toBe(true);
      expect(accepts(bodyWith(field.field, ['x'.repeat(field.maxLength + 1)]))).toBe(false);
    }
  });

  it('the body is described by filterCatalogResponse and lists the fields', () => {
    expect(filterCatalogResponse.parse(filterCatalog)).toEqual(filterCatalog);
    expect(filterCatalog.filters).toBe(recommendationFilterFields);
  });
});

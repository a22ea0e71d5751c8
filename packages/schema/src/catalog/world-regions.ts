import type { CountryCode } from './countries.js';

// Sub-regions follow the UN M49 geoscheme, so each country's place can be looked up rather than
// argued; the few departures are commented where they are made.

const europe: readonly (readonly CountryCode[])[] = [
  // Eastern Europe
  ['bg', 'by', 'cz', 'hu', 'md', 'pl', 'ro', 'ru', 'sk', 'ua'],
  // Northern Europe
  ['ax', 'dk', 'ee', 'fi', 'fo', 'gb', 'gg', 'ie', 'im', 'is', 'je', 'lt', 'lv', 'no', 'se', 'sj'],
  // Southern Europe
  ['ad', 'al', 'ba', 'es', 'gi', 'gr', 'hr', 'it', 'me', 'mk', 'mt', 'pt', 'rs', 'si', 'sm', 'va'],
  // Western Europe
  ['at', 'be', 'ch', 'de', 'fr', 'li', 'lu', 'mc', 'nl'],
];

const middleEast: readonly (readonly CountryCode[])[] = [
  // Western Asia
  ['ae', 'am', 'az', 'bh', 'cy', 'ge', 'il', 'iq', 'jo'],
  ['kw', 'lb', 'om', 'ps', 'qa', 'sa', 'sy', 'tr', 'ye'],
  // Iran sits in M49's Southern Asia, but is sold to as part of the Middle East
  ['ir'],
];

const centralAsia: readonly (readonly CountryCode[])[] = [
  // M49 puts Central Asia in Asia; sales territories usually cover it from Europe, with Russia
  ['kg', 'kz', 'tj', 'tm', 'uz'],
];

const africa: readonly (readonly CountryCode[])[] = [
  // Northern Africa
  ['dz', 'eg', 'eh', 'ly', 'ma', 'sd', 'tn'],
  // Eastern Africa, with the Indian Ocean territories M49 places there
  ['bi', 'dj', 'er', 'et', 'io', 'ke', 'km', 'mg', 'mu', 'mw', 'mz'],
  ['re', 'rw', 'sc', 'so', 'ss', 'tf', 'tz', 'ug', 'yt', 'zm', 'zw'],
  // Middle Africa
  ['ao', 'cd', 'cf', 'cg', 'cm', 'ga', 'gq', 'st', 'td'],
  // Southern Africa
  ['bw', 'ls', 'na', 'sz', 'za'],
  // Western Africa
  ['bf', 'bj', 'ci', 'cv', 'gh', 'gm', 'gn', 'gw', 'lr'],
  ['ml', 'mr', 'ne', 'ng', 'sh', 'sl', 'sn', 'tg'],
];

const northAmerica: readonly (readonly CountryCode[])[] = [
  // M49's Northern America. Mexico is not here: it is sold to as part of Latin America
  ['bm', 'ca', 'gl', 'pm', 'us'],
];

const latinAmerica: readonly (readonly CountryCode[])[] = [
  // Caribbean
  ['ag', 'ai', 'aw', 'bb', 'bl', 'bq', 'bs', 'cu', 'cw', 'dm', 'do', 'gd', 'gp', 'ht'],
  ['jm', 'kn', 'ky', 'lc', 'mf', 'mq', 'ms', 'pr', 'sx', 'tc', 'tt', 'vc', 'vg', 'vi'],
  // Central America, Mexico included
  ['bz', 'cr', 'gt', 'hn', 'mx', 'ni', 'pa', 'sv'],
  // South America, with the South Atlantic islands M49 places there
  ['ar', 'bo', 'br', 'bv', 'cl', 'co', 'ec', 'fk', 'gf', 'gs', 'gy', 'pe', 'py', 'sr', 'uy', 've'],
];

const asia: readonly (readonly CountryCode[])[] = [
  // Eastern Asia
  ['cn', 'hk', 'jp', 'kp', 'kr', 'mn', 'mo', 'tw'],
  // South-eastern Asia
  ['bn', 'id', 'kh', 'la', 'mm', 'my', 'ph', 'sg', 'th', 'tl', 'vn'],
  // Southern Asia, Iran aside
  ['af', 'bd', 'bt', 'in', 'lk', 'mv', 'np', 'pk'],
];

const oceania: readonly (readonly CountryCode[])[] = [
  // Australia and New Zealand, with their external territories
  ['au', 'cc', 'cx', 'hm', 'nf', 'nz'],
  // Melanesia
  ['fj', 'nc', 'pg', 'sb', 'vu'],
  // Micronesia
  ['fm', 'gu', 'ki', 'mh', 'mp', 'nr', 'pw', 'um'],
  // Polynesia
  ['as', 'ck', 'nu', 'pf', 'pn', 'tk', 'to', 'tv', 'wf', 'ws'],
];

/** A world region: a named group of countries that a location filter may name instead of them. */
export interface WorldRegion {
  code: string;
  name: string;
  countries: readonly CountryCode[];
}

/**
 * The world regions a location filter accepts. No country is in two regions; Antarctica is in
 * none. Each region lists its countries ordered by code.
 */
export const worldRegions = [
  {
    code: 'W-EMEA',
    name: 'Europe, Middle East and Africa',
    countries: [...europe, ...middleEast, ...centralAsia, ...africa].flat().sort(),
  },
  { code: 'W-NA', name: 'North America', countries: northAmerica.flat().sort() },
  {
    code: 'W-LATAM',
    name: 'Latin America and the Caribbean',
    countries: latinAmerica.flat().sort(),
  },
  { code: 'W-APAC', name: 'Asia-Pacific', countries: [...asia, ...oceania].flat().sort() },
] as const satisfies readonly WorldRegion[];

/** A world region code such as `W-EMEA`, always upper case. */
export type WorldRegionCode = (typeof worldRegions)[number]['code'];

/** Every world region code, in the order of `worldRegions`. */
export const worldRegionCodes: readonly WorldRegionCode[] = worldRegions.map(
  (region) => region.code,
);

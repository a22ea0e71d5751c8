import { type CountryCode, countries, countriesOfLocation } from '@icp/schema';

/** Names people write for a country that differ from its ISO short name in the catalog. */
const ALIASES: Record<string, CountryCode> = {
  usa: 'us',
  'united states of america': 'us',
  america: 'us',
  uk: 'gb',
  'great britain': 'gb',
  britain: 'gb',
  'united kingdom of great britain and northern ireland': 'gb',
  'south korea': 'kr',
  'republic of korea': 'kr',
  'north korea': 'kp',
  russia: 'ru',
  vietnam: 'vn',
  'czech republic': 'cz',
  turkey: 'tr',
  iran: 'ir',
  syria: 'sy',
  taiwan: 'tw',
  bolivia: 'bo',
  venezuela: 've',
  tanzania: 'tz',
  moldova: 'md',
  laos: 'la',
  macau: 'mo',
  vatican: 'va',
  'vatican city': 'va',
  'ivory coast': 'ci',
  'cape verde': 'cv',
  swaziland: 'sz',
  macedonia: 'mk',
  burma: 'mm',
  holland: 'nl',
  palestine: 'ps',
  micronesia: 'fm',
  'democratic republic of the congo': 'cd',
  'dr congo': 'cd',
  'republic of the congo': 'cg',
  brunei: 'bn',
  'east timor': 'tl',
};

/** Lower case, accents and punctuation dropped, a leading "the" dropped: `Côte d'Ivoire` = `cote d ivoire`. */
function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

const codeOfName = new Map<string, CountryCode>([
  ...countries.map((country) => [nameKey(country.name), country.code] as const),
  ...Object.entries(ALIASES).map(([alias, code]) => [nameKey(alias), code] as const),
]);

const nameOfCode = new Map<string, string>(
  countries.map((country) => [country.code, country.name]),
);

/**
 * The countries a location filter value stands for: an ISO alpha-2 code or a world region code
 * (`W-EMEA`), in any case, or an English country name (`Germany`, `united states`, `Türkiye`,
 * `Turkey`). None when the value is none of these.
 */
export function countriesNamed(value: string): CountryCode[] {
  const byCode = countriesOfLocation(value.trim());
  if (byCode.length > 0) return byCode;
  const code = codeOfName.get(nameKey(value));
  return code === undefined ? [] : [code];
}

/** The catalog's English name of a country code, or the code itself when it is not listed. */
export function countryName(code: string): string {
  return nameOfCode.get(code.toLowerCase()) ?? code;
}

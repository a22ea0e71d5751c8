import { describe, expect, it } from 'vitest';
import { countriesNamed, countryName } from './country-names.js';

describe('country names', () => {
  it('reads codes, region codes and English names in any case', () => {
    expect(countriesNamed('DE')).toEqual(['de']);
    expect(countriesNamed('germany')).toEqual(['de']);
    expect(countriesNamed('  Switzerland ')).toEqual(['ch']);
    expect(countriesNamed('w-emea')).toContain('fr');
    expect(countriesNamed('w-emea')).toHaveLength(new Set(countriesNamed('W-EMEA')).size);
  });

  it('knows the usual names besides the ISO short ones, with or without accents', () => {
    expect(countriesNamed('United States of America')).toEqual(['us']);
    expect(countriesNamed('UK')).toEqual(['gb']);
    expect(countriesNamed('The Netherlands')).toEqual(['nl']);
    expect(countriesNamed('Turkiye')).toEqual(['tr']);
    expect(countriesNamed('Turkey')).toEqual(['tr']);
    expect(countriesNamed("Cote d'Ivoire")).toEqual(['ci']);
    expect(countriesNamed('South Korea')).toEqual(['kr']);
  });

  it('reads nothing into an unknown name', () => {
    expect(countriesNamed('Atlantis')).toEqual([]);
    expect(countriesNamed('')).toEqual([]);
  });

  it('names a country code', () => {
    expect(countryName('de')).toBe('Germany');
    expect(countryName('xx')).toBe('xx');
  });
});

import { describe, expect, it } from 'vitest';
import {
  countryName,
  leadListFileName,
  matchNotesBrief,
  matchNoteTexts,
  personName,
} from './lead-text';

describe('lead text', () => {
  it('names people and countries', () => {
    expect(personName({ firstName: 'Ana', lastName: 'Schmidt' })).toBe('Ana Schmidt');
    expect(countryName('de')).toBe('Germany');
    expect(countryName('GB')).toBe('United Kingdom');
    expect(countryName('xx')).toBe('xx');
    expect(countryName(null)).toBeNull();
  });

  it('says which filters were not applied and which keys were ignored', () => {
    const notes = {
      notApplied: [
        { index: 1, type: 'ai', reason: 'no ai evaluator is configured' },
        { index: 2, type: 'website', reason: 'no website evaluator is configured' },
      ],
      ignoredFilterKeys: ['leadProviderCriteria[0].filters.revenue', 'somewhere.else'],
    };
    expect(matchNoteTexts(notes)).toEqual([
      'AI check (filter 2) not applied: no AI evaluator is configured',
      'Website check (filter 3) not applied: no website evaluator is configured',
      'Lead search 1: “revenue” is not a filter the lead database understands, so it was ignored',
      'somewhere.else is not a filter the lead database understands, so it was ignored',
    ]);
    expect(matchNotesBrief(notes)).toBe(
      'Not applied: AI check, Website check. Ignored: revenue, somewhere.else',
    );
    expect(matchNotesBrief({ notApplied: [], ignoredFilterKeys: [] })).toBeNull();
  });

  it('says when the CRM filters could not be applied, and not when they were', () => {
    const notApplied = {
      notApplied: [],
      ignoredFilterKeys: [],
      crmSourcing: { status: 'not-applied' as const, contacts: 0, reason: 'no CRM is configured' },
    };
    const applied = { ...notApplied, crmSourcing: { status: 'applied' as const, contacts: 12 } };

    expect(matchNoteTexts(notApplied)).toEqual(['CRM sourcing not applied: no CRM is configured']);
    expect(matchNotesBrief(notApplied)).toBe('Not applied: CRM sourcing');
    expect(matchNoteTexts(applied)).toEqual([]);
    expect(matchNotesBrief(applied)).toBeNull();
  });

  it('names the CSV file after the profile and the list’s date', () => {
    const createdAt = new Date(2026, 0, 5, 10, 0).toISOString();
    expect(leadListFileName('DACH Tech Leaders', createdAt)).toBe(
      'dach-tech-leaders-leads-2026-01-05.csv',
    );
    expect(leadListFileName('Zürich / Genève — CFOs!', createdAt)).toBe(
      'zurich-geneve-cfos-leads-2026-01-05.csv',
    );
    expect(leadListFileName(null, createdAt)).toBe('lead-list-2026-01-05.csv');
    expect(leadListFileName('***', createdAt)).toBe('lead-list-2026-01-05.csv');
  });
});

import { describe, expect, it } from 'vitest';
import { makeLead, twoLeads } from '../test/lead-fixtures';
import { parseCsv } from '../test/parse-csv';
import { csvCell, leadCsvHeader, leadsToCsv, toCsv } from './lead-csv';

describe('CSV cells', () => {
  it('leaves plain text, numbers and missing values as they are', () => {
    expect(csvCell('Acme')).toBe('Acme');
    expect(csvCell(420)).toBe('420');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvCell('Acme, Inc.')).toBe('"Acme, Inc."');
    expect(csvCell('The "Best" Co')).toBe('"The ""Best"" Co"');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('carriage\rreturn')).toBe('"carriage\rreturn"');
  });

  it('keeps a cell that looks like a formula as text', () => {
    expect(csvCell('=HYPERLINK("http://evil.example")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"")"',
    );
    expect(csvCell('+49 30 1234')).toBe("'+49 30 1234");
    expect(csvCell('@handle')).toBe("'@handle");
  });

  it('ends every row with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['c, d', null],
      ]),
    ).toBe('a,b\r\n"c, d",\r\n');
  });
});

describe('a lead list as CSV', () => {
  it('starts with the header row and has one row per lead', () => {
    const rows = parseCsv(leadsToCsv(twoLeads));
    expect(rows[0]).toEqual([...leadCsvHeader]);
    expect(rows[0]?.slice(0, 4)).toEqual(['first_name', 'last_name', 'job_title', 'seniority']);
    expect(rows).toHaveLength(3);
    const column = (name: string) => leadCsvHeader.indexOf(name);
    expect(rows[1]?.[column('company')]).toBe('Acme Software GmbH');
    expect(rows[1]?.[column('employee_count')]).toBe('420');
    expect(rows[2]?.[column('company')]).toBe('');
    // Ben is stored as a CRM record, but this list searched no CRM.
    expect(rows[2]?.[column('source')]).toBe('provider');
    expect(rows[1]?.[column('country')]).toBe('de');
    expect(rows[1]?.[column('country_name')]).toBe('Germany');
    expect(rows[1]?.[column('company_country_name')]).toBe('Germany');
    const withCrm = parseCsv(leadsToCsv(twoLeads, { status: 'applied' }));
    expect(withCrm[2]?.[column('source')]).toBe('crm');
    expect(rows[2]?.[column('reasons')]).toBe(
      'job title "VP Engineering" matches "VP Engineering"; located in United Kingdom',
    );
  });

  it('reads back exactly, whatever the values hold', () => {
    const tricky = makeLead(
      { firstName: 'Zoë, "Z"', lastName: 'O’Brien\nJr.', jobTitle: 'Head of R&D' },
      { reasons: ['skill "C, C++"'] },
    );
    const [, row] = parseCsv(leadsToCsv([tricky]));
    const column = (name: string) => leadCsvHeader.indexOf(name);
    expect(row?.[column('first_name')]).toBe('Zoë, "Z"');
    expect(row?.[column('last_name')]).toBe('O’Brien\nJr.');
    expect(row?.[column('job_title')]).toBe('Head of R&D');
    expect(row?.[column('reasons')]).toBe('skill "C, C++"');
    expect(row).toHaveLength(leadCsvHeader.length);
  });
});

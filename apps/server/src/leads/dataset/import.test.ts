import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/support/temp-database.js';
import { testDatabase } from '../../../test/support/test-database.js';
import { countLeadRecords } from '../lead-records.repository.js';
import { type ImportOptions, type ImportProgress, importLeads } from './import.js';
import { LeadFileError } from './lead-file-rows.js';

const dir = mkdtempSync(join(tmpdir(), 'icp-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileNumber = 0;
/** A file of these lines, named with the extension given. */
function file(extension: string, lines: readonly string[]): string {
  const path = join(dir, `leads-${++fileNumber}.${extension}`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const ndjson = (records: readonly unknown[]) =>
  file(
    'ndjson',
    records.map((record) => (typeof record === 'string' ? record : JSON.stringify(record))),
  );

const COMPANIES_CSV = [
  'id,name,domain,industry,keywords,employee_count,revenue,country,state,city,founded_year',
  'c-1,Acme GmbH,acme.de,Software,SaaS; B2B,420,12000000,DE,Bavaria,Munich,2004',
  'c-2,"Blue Harbor, Inc.",blueharbor.com,Logistics & Supply Chain,,35,,us,,,',
];

describe('importLeads', () => {
  const temp = useTempDatabase();
  const run = (options: ImportOptions) => importLeads(temp.db, options);

  async function companyRow(id: string) {
    return temp.db.selectFrom('companies').selectAll().where('id', '=', id).executeTakeFirst();
  }

  it.skipIf(testDatabase !== 'postgres')(
    'leaves PostgreSQL with fresh planner statistics of what it loaded',
    async () => {
      await run({ kind: 'companies', path: file('csv', COMPANIES_CSV) });
      const { rows } = await sql<{ relname: string; analyzed: boolean }>`
        select relname, last_analyze is not null as analyzed from pg_stat_user_tables
         where schemaname = current_schema() and relname in ('companies', 'people')
         order by relname`.execute(temp.db);

      expect(rows).toEqual([
        { relname: 'companies', analyzed: true },
        { relname: 'people', analyzed: true },
      ]);
    },
  );

  it('imports companies from CSV: lists split on ";", numbers parsed, empty cells left out', async () => {
    const summary = await run({ kind: 'companies', path: file('csv', COMPANIES_CSV) });

    expect(summary).toMatchObject({ imported: 2, skipped: 0, errors: [] });
    expect(summary.stoppedAt).toBeUndefined();
    expect(await companyRow('c-1')).toMatchObject({
      name: 'Acme GmbH',
      keywords: JSON.stringify(['SaaS', 'B2B']),
      employee_count: 420,
      revenue: 12_000_000,
      country: 'de',
      state: 'Bavaria',
      founded_year: 2004,
    });
    expect(await companyRow('c-2')).toMatchObject({
      name: 'Blue Harbor, Inc.',
      keywords: '[]',
      revenue: null,
      state: null,
    });
  });

  it('imports what companies say of themselves and where their headquarters are, from CSV', async () => {
    const path = file('csv', [
      'id,name,domain,description,linkedin_url,Logo URL,hq_street_address,hq_postal_code,hq_locality,hq_region,latitude,longitude',
      'c-1,Acme GmbH,acme.de,"Robots for warehouses, made in Munich.",https://www.linkedin.com/company/acme,https://acme.de/logo.png,Leopoldstraße 12,80802,Munich,Bavaria,48.1351,11.582',
      'c-2,Blue Harbor,blueharbor.com,,,,,,,,-33.8688,',
      'c-3,Bad Link,badlink.com,,javascript:alert(1),,,,,,,',
      'c-4,Far North,farnorth.com,,,,,,,,91,0',
    ]);

    const summary = await run({ kind: 'companies', path });

    expect(summary).toMatchObject({ imported: 2, skipped: 2 });
    expect(summary.errors.map((error) => [error.line, error.message.split(':')[0]])).toEqual([
      [4, 'linkedInUrl'],
      [5, 'latitude'],
    ]);
    expect(await companyRow('c-1')).toMatchObject({
      description: 'Robots for warehouses, made in Munich.',
      linkedin_url: 'https://www.linkedin.com/company/acme',
      logo_url: 'https://acme.de/logo.png',
      hq_street_address: 'Leopoldstraße 12',
      hq_postal_code: '80802',
      hq_locality: 'Munich',
      hq_region: 'Bavaria',
      latitude: 48.1351,
      longitude: 11.582,
    });
    expect(await companyRow('c-2')).toMatchObject({
      description: null,
      linkedin_url: null,
      logo_url: null,
      hq_street_address: null,
      hq_postal_code: null,
      hq_locality: null,
      hq_region: null,
      latitude: -33.8688,
      longitude: null,
    });
  });

  it('imports people’s LinkedIn profile, location and summary, from CSV and NDJSON', async () => {
    await run({ kind: 'companies', path: file('csv', COMPANIES_CSV) });
    const csv = file('csv', [
      'id,first_name,last_name,job_title,company_id,linkedin_url,location,summary',
      'p-1,Ana,Schmidt,CTO,c-1,https://www.linkedin.com/in/ana-schmidt,"Munich, Bavaria, Germany","Builds platforms; leads 40 engineers."',
      'p-2,Bo,Lee,CTO,c-1,,,',
    ]);
    const json = ndjson([
      {
        id: 'p-3',
        firstName: 'Chloé',
        lastName: 'Martin',
        jobTitle: 'CMO',
        linkedInUrl: 'https://www.linkedin.com/in/chloe-martin',
        location: 'Paris, Île-de-France, France',
        summary: 'Marketing leader.',
      },
      { id: 'p-4', firstName: 'Dan', lastName: 'Roe', jobTitle: 'CFO', location: 'x'.repeat(201) },
      {
        id: 'p-5',
        firstName: 'Eve',
        lastName: 'Poe',
        jobTitle: 'CEO',
        linkedInUrl: 'linkedin.com/in/eve',
      },
    ]);

    expect(await run({ kind: 'people', path: csv })).toMatchObject({ imported: 2, skipped: 0 });
    const fromJson = await run({ kind: 'people', path: json });

    expect(fromJson).toMatchObject({ imported: 1, skipped: 2 });
    expect(fromJson.errors.map((error) => error.message.split(':')[0])).toEqual([
      'location',
      'linkedInUrl',
    ]);
    const stored = await temp.db
      .selectFrom('people')
      .select(['id', 'linkedin_url', 'location', 'summary'])
      .orderBy('id')
      .execute();
    expect(stored).toEqual([
      {
        id: 'p-1',
        linkedin_url: 'https://www.linkedin.com/in/ana-schmidt',
        location: 'Munich, Bavaria, Germany',
        summary: 'Builds platforms; leads 40 engineers.',
      },
      { id: 'p-2', linkedin_url: null, location: null, summary: null },
      {
        id: 'p-3',
        linkedin_url: 'https://www.linkedin.com/in/chloe-martin',
        location: 'Paris, Île-de-France, France',
        summary: 'Marketing leader.',
      },
    ]);
  });

  it('skips bad CSV rows, naming their line and problem, and stores nothing of them', async () => {
    const path = file('csv', [
      ...COMPANIES_CSV,
      'c-3,Bad Size Ltd,badsize.co.uk,Software,,many,,gb,,,',
      '',
      'c-4,,noname.com,Software,,,,,,,',
      'c-5,Wrong Cells,wrong.com',
      'c-6,Softwear Inc.,softwear.com,Softwear,,,,,,,',
      'c-7,"Two',
      'Lines Ltd",twolines.com,Software,,10,,gb,,,',
      'c-8,Bad Country,badcountry.com,,,,,uk,,,',
    ]);

    const summary = await run({ kind: 'companies', path });

    expect(summary.imported).toBe(3);
    expect(summary.skipped).toBe(5);
    expect(summary.errors.map((error) => error.line)).toEqual([4, 6, 7, 8, 11]);
    const [size, name, cells, industry, country] = summary.errors.map((error) => error.message);
    expect(size).toMatch(/^employeeCount: .*number/);
    expect(name).toMatch(/^name: /);
    expect(cells).toBe('has 3 cells; the header has 11');
    expect(industry).toContain('"Softwear"');
    expect(country).toContain('"uk"');
    expect(await companyRow('c-7')).toMatchObject({ name: 'Two\nLines Ltd' });
    for (const id of ['c-3', 'c-4', 'c-5', 'c-6', 'c-8'])
      expect(await companyRow(id)).toBeUndefined();
    expect(await countLeadRecords(temp.db)).toEqual({ companies: 3, people: 0 });
  });

  it('imports people from NDJSON, skipping bad lines and people of companies not stored', async () => {
    await run({ kind: 'companies', path: file('csv', COMPANIES_CSV) });
    const ana = {
      id: 'p-1',
      firstName: 'Ana',
      lastName: 'Schmidt',
      jobTitle: 'VP of Engineering',
      skills: ['Go', 'Kubernetes'],
      companyId: 'c-1',
    };
    const path = ndjson([
      ana,
      '{"id": "p-2", "firstName": ',
      '',
      '[1, 2]',
      { ...ana, id: 'p-3', email: 'not an email' },
      { ...ana, id: 'p-4', companyId: 'c-missing' },
      { ...ana, id: 'p-5', colour: 'blue' },
      { id: 'p-6', firstName: 'Bo', lastName: 'Lee', jobTitle: 'CTO', source: 'crm' },
    ]);

    const summary = await run({ kind: 'people', path });

    expect(summary).toMatchObject({ imported: 2, skipped: 5 });
    expect(summary.errors).toEqual([
      { line: 2, message: expect.stringMatching(/^not valid JSON/) },
      { line: 4, message: 'expected a JSON object' },
      { line: 5, message: expect.stringMatching(/^email: /) },
      { line: 6, message: expect.stringContaining('company "c-missing" is not stored') },
      { line: 7, message: 'unknown field(s) "colour"' },
    ]);
    const stored = await temp.db
      .selectFrom('people')
      .select(['id', 'source'])
      .orderBy('id')
      .execute();
    expect(stored).toEqual([
      { id: 'p-1', source: 'provider' },
      { id: 'p-6', source: 'crm' },
    ]);
    const skills = await temp.db
      .selectFrom('person_skills')
      .select('person_id')
      .distinct()
      .execute();
    expect(skills).toEqual([{ person_id: 'p-1' }]);
  });

  it('replaces a record stored under the same id, in a later import or later in the file', async () => {
    await run({ kind: 'companies', path: file('csv', COMPANIES_CSV) });
    const path = ndjson([
      { id: 'c-1', name: 'Acme SE', domain: 'acme.de', keywords: ['robotics'] },
      { id: 'c-9', name: 'Nine', domain: 'nine.io' },
      { id: 'c-9', name: 'Nine Labs', domain: 'ninelabs.io' },
      { id: 'c-10', name: 'Ten', domain: 'nine.io' },
    ]);

    const summary = await run({ kind: 'companies', path });

    expect(summary).toMatchObject({ imported: 4, skipped: 0 });
    expect(await companyRow('c-1')).toMatchObject({ name: 'Acme SE', industry: null });
    expect(await companyRow('c-9')).toMatchObject({ name: 'Nine Labs', domain: 'ninelabs.io' });
    expect(await companyRow('c-10')).toMatchObject({ domain: 'nine.io' });
    const keywords = await temp.db
      .selectFrom('company_keywords')
      .select('keyword')
      .where('company_id', '=', 'c-1')
      .execute();
    expect(keywords).toEqual([{ keyword: 'robotics' }]);
    expect(await countLeadRecords(temp.db)).toEqual({ companies: 4, people: 0 });
  });

  it('refuses a company whose domain another company holds, keeping the holder', async () => {
    await run({ kind: 'companies', path: file('csv', COMPANIES_CSV) });
    const path = ndjson([
      { id: 'c-20', name: 'Copycat', domain: 'ACME.de' },
      { id: 'c-21', name: 'Twin A', domain: 'twin.com' },
      { id: 'c-22', name: 'Twin B', domain: 'twin.com' },
    ]);

    const summary = await run({ kind: 'companies', path });

    expect(summary.errors).toEqual([
      { line: 1, message: 'domain "acme.de" is already used by company "c-1"' },
      { line: 3, message: 'domain "twin.com" is already used by company "c-21"' },
    ]);
    expect(await companyRow('c-1')).toMatchObject({ name: 'Acme GmbH' });
    expect(await countLeadRecords(temp.db)).toEqual({ companies: 3, people: 0 });
  });

  it('writes in batches, reporting progress after each', async () => {
    const records = Array.from({ length: 25 }, (_, i) => ({ id: `c-${i}`, name: `Company ${i}` }));
    const progress: ImportProgress[] = [];

    const summary = await run({
      kind: 'companies',
      path: ndjson(records),
      batchSize: 10,
      onProgress: (step) => progress.push(step),
    });

    expect(summary.imported).toBe(25);
    expect(progress.map((step) => step.imported)).toEqual([10, 20, 25]);
  });

  it('keeps the first 100 errors but counts them all', async () => {
    const lines = Array.from({ length: 150 }, (_, i) => `{"id": "c-${i}"}`);

    const summary = await run({
      kind: 'companies',
      path: ndjson([...lines, '{"id":"ok","name":"Ok"}']),
    });

    expect(summary).toMatchObject({ imported: 1, skipped: 150 });
    expect(summary.errors).toHaveLength(100);
    expect(summary.errors[0]).toEqual({ line: 1, message: 'name: Required' });
  });

  it('stops at CSV it cannot read past, keeping the rows before', async () => {
    const path = file('csv', [
      ...COMPANIES_CSV,
      'c-3,"Open quote,x.com,,,,,,,,',
      'c-4,Four,four.com,,,,,,,,',
    ]);

    const summary = await run({ kind: 'companies', path });

    expect(summary.imported).toBe(2);
    expect(summary.stoppedAt).toEqual({
      line: 4,
      message: expect.stringContaining('Quote Not Closed'),
    });
    expect(await countLeadRecords(temp.db)).toEqual({ companies: 2, people: 0 });
  });

  it('refuses a file it cannot import at all, writing nothing', async () => {
    const cases: [ImportOptions, RegExp][] = [
      [{ kind: 'companies', path: join(dir, 'missing.csv') }, /no such file/],
      [{ kind: 'companies', path: file('txt', COMPANIES_CSV) }, /name it \.csv or \.ndjson/],
      [
        { kind: 'companies', path: file('csv', ['id,name,colour', 'c-1,Acme,red']) },
        /Unknown column "colour"/,
      ],
      [{ kind: 'people', path: file('csv', ['id,first_name,last_name', 'p-1,A,B']) }, /jobTitle/],
      [{ kind: 'people', path: file('csv', []) }, /empty/],
    ];
    for (const [options, message] of cases) {
      await expect(run(options), options.path).rejects.toThrow(LeadFileError);
      await expect(run(options)).rejects.toThrow(message);
    }
    expect(await countLeadRecords(temp.db)).toEqual({ companies: 0, people: 0 });
  });
});

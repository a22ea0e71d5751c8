import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir.js';

const CLI = fileURLToPath(new URL('../../dist/cli/icp.js', import.meta.url));

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const temp = makeTempDir('icp-leads-cli-');
let databasePath = '';
let databaseNumber = 0;

/** Runs the built CLI on the test's database file. */
function cli(args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...process.env, DATABASE_URL: `file:${databasePath}` }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Runs the built CLI on a pseudo-terminal (`script`), as at a shell: both outputs in one. */
function cliOnTerminal(args: string[]): Promise<CliResult> {
  const command = [process.execPath, CLI, ...args].join(' ');
  return new Promise((resolve) => {
    execFile(
      'script',
      ['--quiet', '--return', '--command', command, '/dev/null'],
      { env: { ...process.env, DATABASE_URL: `file:${databasePath}` }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Whether `text` holds a terminal's control sequences (a bar redraws its line in place). */
const drawsInPlace = (text: string) => text.includes('\u001b[') || /\r(?!\n)/.test(text);

/** A file in the test's folder holding these lines. */
function file(name: string, lines: readonly string[]): string {
  const path = join(temp.path, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

function query(sql: string, ...params: unknown[]) {
  const database = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return database.prepare(sql).all(...params) as Record<string, unknown>[];
  } finally {
    database.close();
  }
}

const COMPANIES_CSV = [
  'id,name,domain,industry,keywords,employeeCount,revenue,country,city',
  'c-1,Acme GmbH,acme.de,Software,SaaS;B2B,420,12000000,de,Munich',
  'c-2,Globex Ltd,globex.co.uk,Manufacturing,,lots,,gb,London',
  'c-3,Initech Inc.,initech.com,IT Services,,1200,,us,Austin',
  'c-4,Umbrella,umbrella.com,Pharma,,,,,',
];

const person = (id: string, companyId: string, jobTitle = 'VP of Engineering') =>
  JSON.stringify({ id, firstName: 'Ana', lastName: 'Schmidt', jobTitle, companyId });

beforeAll(() => {
  expect(existsSync(CLI), `${CLI} is missing: build the server first`).toBe(true);
});

beforeEach(() => {
  databasePath = join(temp.path, `leads-${++databaseNumber}.sqlite`);
});

afterAll(() => temp.remove());

describe('icp leads import', () => {
  it('imports a CSV, listing the lines it skipped and storing nothing of them', async () => {
    const result = await cli([
      'leads',
      'import',
      'companies',
      file('companies.csv', COMPANIES_CSV),
    ]);

    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Imported 2 companies from companies.csv');
    expect(result.stdout).toContain('Skipped 2 rows:');
    expect(result.stdout).toMatch(/line 3: employeeCount: .*number/);
    expect(result.stdout).toMatch(/line 5: industry: Unknown industry "Pharma"/);
    const stored = query('select id, keywords, employee_count from companies order by id');
    expect(stored).toEqual([
      { id: 'c-1', keywords: '["SaaS","B2B"]', employee_count: 420 },
      { id: 'c-3', keywords: '[]', employee_count: 1200 },
    ]);
    expect(
      query('select * from company_keywords where company_id in (?, ?)', 'c-2', 'c-4'),
    ).toEqual([]);
  });

  it('imports NDJSON people after their companies, skipping bad lines by number', async () => {
    await cli(['leads', 'import', 'companies', file('companies.csv', COMPANIES_CSV)]);
    const path = file('people.ndjson', [
      person('p-1', 'c-1'),
      '{"id": "p-2",',
      person('p-3', 'c-2'),
      '',
      person('p-4', 'c-3', ''),
      person('p-5', 'c-3', 'Sales Development Representative'),
    ]);

    const result = await cli(['leads', 'import', 'people', path]);

    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Imported 2 people from people.ndjson');
    expect(result.stdout).toContain('line 2: not valid JSON');
    expect(result.stdout).toContain('line 3: companyId: company "c-2" is not stored');
    expect(result.stdout).toContain('line 5: jobTitle: ');
    expect(query('select id from people order by id')).toEqual([{ id: 'p-1' }, { id: 'p-5' }]);
    const words = query('select distinct person_id from person_title_words order by person_id');
    expect(words).toEqual([{ person_id: 'p-1' }, { person_id: 'p-5' }]);
  });

  it('reports progress in plain lines when its output is not a terminal', async () => {
    const result = await cli([
      'leads',
      'import',
      'companies',
      file('companies.csv', COMPANIES_CSV),
    ]);

    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('  4 rows read: 2 imported, 2 skipped\n');
  });

  it('shows a progress bar with the counts on a terminal', async () => {
    const path = file('companies.csv', COMPANIES_CSV);
    const result = await cliOnTerminal(['leads', 'import', 'companies', path]);

    expect(result.code, result.stdout).toBe(0);
    expect(drawsInPlace(result.stdout)).toBe(true);
    expect(result.stdout).toMatch(
      /100% \| 4\/4 rows, 2 imported, 2 skipped \| [\d,]+ rows\/s \| ETA/,
    );
    expect(result.stdout).toContain('Imported 2 companies from companies.csv');
    expect(result.stdout).not.toContain('rows read:');
  });

  it('replaces records stored under the same id when a file is imported again', async () => {
    const companies = file('companies.csv', COMPANIES_CSV);
    await cli(['leads', 'import', 'companies', companies]);
    await cli(['leads', 'import', 'people', file('people.ndjson', [person('p-1', 'c-1')])]);

    await cli(['leads', 'import', 'companies', companies]);
    const again = await cli([
      'leads',
      'import',
      'people',
      file('people.ndjson', [person('p-1', 'c-3', 'CTO')]),
    ]);

    expect(again.code, again.stderr).toBe(0);
    expect(query('select id, company_id, job_title from people')).toEqual([
      { id: 'p-1', company_id: 'c-3', job_title: 'CTO' },
    ]);
    const words = query('select word from person_title_words order by word');
    expect(words.map((row) => row.word)).toEqual(['chief', 'officer', 'technology']);
    expect((await cli(['leads', 'stats'])).stdout).toBe('companies\t2\npeople\t1\n');
  });

  it('exits 1 when nothing could be imported, or the file cannot be read', async () => {
    const allBad = await cli(['leads', 'import', 'people', file('bad.ndjson', ['{}', '[]'])]);
    expect(allBad.code).toBe(1);
    expect(allBad.stdout).toContain('line 1: ');
    expect(allBad.stdout).toContain('line 2: expected a JSON object');
    expect(allBad.stderr).toContain('Nothing was imported');

    const missing = await cli(['leads', 'import', 'companies', join(temp.path, 'nope.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file');

    const header = await cli([
      'leads',
      'import',
      'companies',
      file('odd.csv', ['id,title', 'c-1,x']),
    ]);
    expect(header.code).toBe(1);
    expect(header.stderr).toContain('Unknown column "title"');
  });

  it('exits 1 with the usage for a kind it does not know or a missing file', async () => {
    for (const args of [
      ['leads', 'import', 'accounts', 'x.csv'],
      ['leads', 'import', 'people'],
      ['leads', 'stats', '--companies', '3'],
      ['leads', 'generate', '--user', 'u1'],
    ]) {
      const result = await cli(args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toContain('Usage:');
    }
  });
});

describe('icp leads generate', () => {
  it('stores a synthetic data set that stats then counts', async () => {
    const result = await cli(['leads', 'generate', '--companies', '50', '--seed', '9']);

    expect(result.code, result.stderr).toBe(0);
    const people = Number(
      result.stdout.match(/Generated 50 companies and (\d+) people \(seed 9\)/)?.[1],
    );
    expect(people).toBeGreaterThan(200);
    const stats = await cli(['leads', 'stats']);
    expect(stats.stdout).toBe(`companies\t50\npeople\t${people}\n`);
    expect(query('select count(*) as n from person_title_words')[0]?.n).toBeGreaterThan(people);
  });

  it('reports progress in plain lines when its output is not a terminal', async () => {
    const result = await cli([
      'leads',
      'generate',
      '--companies',
      '2500',
      '--people-per-company',
      '1',
    ]);

    expect(result.code, result.stderr).toBe(0);
    expect(drawsInPlace(result.stderr)).toBe(false);
    const lines = result.stderr.trimEnd().split('\n');
    // The first transaction's line at once, then at most one a second.
    expect(lines[0]).toMatch(/^ {2}1,000 of 2,500 companies written, [\d,]+ people$/);
    for (const line of lines)
      expect(line).toMatch(/^ {2}[\d,]+ of 2,500 companies written, [\d,]+ people$/);
  });

  it('shows a progress bar with rate and ETA on a terminal', async () => {
    const result = await cliOnTerminal([
      'leads',
      'generate',
      '--companies',
      '2500',
      '--people-per-company',
      '1',
    ]);

    expect(result.code, result.stdout).toBe(0);
    expect(drawsInPlace(result.stdout)).toBe(true);
    expect(result.stdout).toMatch(
      /100% \| 2,500\/2,500 companies, [\d,]+ people \| [\d,]+ companies\/s \| ETA 0s/,
    );
    expect(result.stdout).toMatch(/Generated 2,500 companies and [\d,]+ people/);
    expect(result.stdout).not.toContain('companies written');
  });

  it('gives the same data for the same seed, so generating again adds nothing', async () => {
    // Rows written again take a new lead revision (so every lead index reads them again).
    const people = () =>
      query('select * from people order by id').map(({ revision: _, ...person }) => person);
    await cli(['leads', 'generate', '--companies', '20']);
    const before = people();

    const again = await cli(['leads', 'generate', '--companies', '20', '--seed', '1']);

    expect(again.code, again.stderr).toBe(0);
    expect(people()).toEqual(before);
  });

  it('exits 1 with the usage without a valid --companies', async () => {
    for (const args of [[], ['--companies', '0'], ['--companies', 'ten'], ['--seed', '-1']]) {
      const result = await cli(['leads', 'generate', ...args]);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toContain('Usage:');
    }
  });
});

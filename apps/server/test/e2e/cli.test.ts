import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/env.js';
import { type IcpService, startIcpService } from '../../src/service.js';
import { apiClient } from '../support/api-client.js';
import { icpBody } from '../support/icp-bodies.js';
import { makeTempDir } from '../support/temp-dir.js';

const CLI = fileURLToPath(new URL('../../dist/cli/icp.js', import.meta.url));
const ICPS = '/api/v1/entities/icps';
const KEY_SHAPE = /^icp_[A-Za-z0-9_-]{43}$/;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const temp = makeTempDir('icp-cli-');
const databasePath = join(temp.path, 'icp.sqlite');

/** Runs the built CLI on the test's database file. */
function cli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...process.env, DATABASE_URL: `file:${databasePath}`, ...env }, timeout: 15_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

async function createKey(user: string, name = 'ci') {
  const result = await cli(['api-key', 'create', '--user', user, '--name', name]);
  expect(result.code, result.stderr).toBe(0);
  const key = result.stdout.trim();
  const id = result.stderr.match(/Created key ([0-9a-f-]{36})/)?.[1];
  expect(id).toBeDefined();
  return { key, id: id as string, result };
}

/** Rows of `api-key list` as columns: id, user, prefix, name, created, state. */
async function listRows(args: string[] = []) {
  const result = await cli(['api-key', 'list', ...args]);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout
    .trim()
    .split('\n')
    .filter((line) => line.includes('\t'))
    .map((line) => line.split('\t'));
}

function storedKeyRows() {
  const database = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return database.prepare('select * from api_keys').all() as Record<string, unknown>[];
  } finally {
    database.close();
  }
}

let service: IcpService;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  expect(existsSync(CLI), `${CLI} is missing: build the server first`).toBe(true);
  service = await startIcpService(
    parseEnv({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: `file:${databasePath}`,
      DATA_DIR: temp.path,
      SHUTDOWN_GRACE_MS: '1000',
    }),
  );
  api = apiClient(service.url);
});

afterAll(async () => {
  await service?.stop();
  temp.remove();
});

describe('icp api-key create', () => {
  it('prints only the key on stdout, and where to find its id on stderr', async () => {
    const { key, id, result } = await createKey('u1');
    expect(result.stdout).toBe(`${key}\n`);
    expect(key).toMatch(KEY_SHAPE);
    expect(result.stderr).toContain(id);
    expect(result.stderr).toContain('u1');
    expect(result.stderr).not.toContain(key);
  });

  it('issues a different key every time', async () => {
    const first = await createKey('u1');
    const second = await createKey('u1');
    expect(first.key).not.toBe(second.key);
    expect(first.id).not.toBe(second.id);
  });

  it('stores a SHA-256 hash of the key, never the key itself', async () => {
    const { key, id } = await createKey('u_hash');
    const rows = storedKeyRows();
    const row = rows.find((candidate) => candidate.id === id);
    expect(row).toBeDefined();
    expect(row?.key_hash).not.toBe(key);
    expect(row?.key_hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(key);
    expect(JSON.stringify(rows)).not.toContain(key.slice(12));
  });

  it('exits 1 with the usage when --user is missing, and issues nothing', async () => {
    const before = storedKeyRows().length;
    const result = await cli(['api-key', 'create', '--name', 'ci']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--user');
    expect(result.stderr).toContain('Usage:');
    expect(storedKeyRows()).toHaveLength(before);
  });

  it('exits 1 with the usage when --user is blank', async () => {
    const result = await cli(['api-key', 'create', '--user', '   ']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage:');
  });
});

describe('icp api-key list', () => {
  it('shows a key with its id, user, name and prefix, but never the key', async () => {
    const { key, id } = await createKey('u_list', 'listed');
    const result = await cli(['api-key', 'list']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(key);
    const row = (await listRows()).find((columns) => columns[0] === id);
    expect(row?.slice(1, 4)).toEqual(['u_list', `${key.slice(0, 10)}...`, 'listed']);
    expect(row?.[5]).toBe('active');
  });

  it('shows only the keys of the user asked for with --user', async () => {
    const mine = await createKey('u_only');
    await createKey('u_other');
    const rows = await listRows(['--user', 'u_only']);
    expect(rows.map((columns) => columns[0])).toEqual([mine.id]);
  });
});

describe('a key issued by the CLI', () => {
  it('authenticates against a server on the same database file', async () => {
    const { key } = await createKey('u1');
    const created = await api('POST', ICPS, { token: key, body: icpBody() });
    expect(created.status, created.text).toBe(201);
    expect(created.body.userIds).toEqual(['u1']);
    const listed = await api('GET', ICPS, { token: key });
    expect(listed.status).toBe(200);
    expect(listed.body.map((icp: { id: string }) => icp.id)).toContain(created.body.id);
  });

  it('gets 401 once revoked with api-key revoke <id>', async () => {
    const { key, id } = await createKey('u_revoke');
    expect((await api('GET', ICPS, { token: key })).status).toBe(200);

    const revoked = await cli(['api-key', 'revoke', id]);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain(id);

    const refused = await api('GET', ICPS, { token: key });
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({
      error: { code: 'UNAUTHORIZED', message: 'User not authenticated' },
    });
    const row = (await listRows()).find((columns) => columns[0] === id);
    expect(row?.[5]).toMatch(/^revoked \d{4}-/);
  });

  it('revoking leaves the user’s other keys working', async () => {
    const kept = await createKey('u_two_keys');
    const dropped = await createKey('u_two_keys');
    expect((await cli(['api-key', 'revoke', dropped.id])).code).toBe(0);
    expect((await api('GET', ICPS, { token: dropped.key })).status).toBe(401);
    expect((await api('GET', ICPS, { token: kept.key })).status).toBe(200);
  });
});

describe('icp api-key revoke', () => {
  it('exits 1 for a key that is already revoked, or does not exist', async () => {
    const { id } = await createKey('u_twice');
    expect((await cli(['api-key', 'revoke', id])).code).toBe(0);
    const again = await cli(['api-key', 'revoke', id]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(id);
    const unknown = await cli(['api-key', 'revoke', '00000000-0000-4000-8000-000000000000']);
    expect(unknown.code).toBe(1);
  });

  it('exits 1 with the usage without a key id', async () => {
    const result = await cli(['api-key', 'revoke']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Usage:');
  });
});

describe('the CLI itself', () => {
  it('prints the usage for --help and exits 0', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage:');
    expect(result.stdout).toContain('api-key create');
  });

  it('exits 1 with the usage for an unknown command or option', async () => {
    for (const args of [
      ['keys', 'create'],
      ['api-key', 'rotate'],
      ['api-key', 'list', '--colour'],
    ]) {
      const result = await cli(args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toContain('Usage:');
    }
  });

  it('exits 1 naming DATABASE_URL when it is not a file: URL', async () => {
    const result = await cli(['api-key', 'list'], { DATABASE_URL: 'mysql://x' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL');
    expect(result.stderr).toContain('file:');
  });
});

import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/support/temp-dir.js';
import { openSqlite } from './connect.js';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('openSqlite', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.remove());

  it('creates the database and its -wal and -shm files readable by their owner only', async () => {
    const path = join(dir.path, 'data', 'icp.sqlite');
    const db = openSqlite(path);
    await sql`create table t (x integer)`.execute(db);
    await sql`insert into t values (1)`.execute(db);

    expect([path, `${path}-wal`, `${path}-shm`].map(modeOf)).toEqual([0o600, 0o600, 0o600]);
    await db.destroy();
  });

  it('leaves the mode of an existing database file alone', async () => {
    const path = join(dir.path, 'shared.sqlite');
    writeFileSync(path, '', { mode: 0o640 });
    const db = openSqlite(path);
    await sql`create table t (x integer)`.execute(db);

    expect(modeOf(path)).toBe(0o640);
    await db.destroy();
  });
});

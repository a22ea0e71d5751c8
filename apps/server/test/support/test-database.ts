import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';

/** Which database the end-to-end suites run on: SQLite unless `TEST_DATABASE=postgres`. */
export const testDatabase = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

/** A PostgreSQL URL that keeps every connection in `schema`. */
function inSchema(url: string, schema: string): string {
  // Spaces as %20: the connection string parser does not read `+` as a space.
  const options = `options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return `${url}${url.includes('?') ? '&' : '?'}${options}`;
}

/** Runs `work` on one connection to the PostgreSQL database at `url`. */
export async function onPostgres<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database for one test service: a new SQLite file in `dir`, or a new schema of the
 * PostgreSQL database at TEST_POSTGRES_URL, so runs never see each other's rows. `drop()`
 * removes the schema (the SQLite file goes with its folder).
 */
export async function freshTestDatabase(
  dir: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  if (testDatabase === 'sqlite') {
    return { url: `file:${join(dir, 'icp.sqlite')}`, drop: async () => {} };
  }
  const base = process.env.TEST_POSTGRES_URL;
  if (!base) throw new Error('TEST_DATABASE=postgres needs TEST_POSTGRES_URL');
  return freshPostgresSchema(base);
}

/** A new, empty schema of the PostgreSQL database at `base`, and how to drop it. */
export async function freshPostgresSchema(
  base: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `icp_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  await onPostgres(base, (client) => client.query(`create schema ${schema}`));
  return {
    url: inSchema(base, schema),
    // With the schema of the service's delivery job queue, when it made one (see schedule-runner.ts).
    drop: () =>
      onPostgres(base, (client) =>
        client.query(`drop schema if exists ${schema}_jobs cascade; drop schema ${schema} cascade`),
      ).then(() => {}),
  };
}

import { randomBytes } from 'node:crypto';
import { processesCpu } from './cpu-meter.js';
import type { DatabaseHost } from './database-host.js';
import { openServerDatabase } from './server-database.js';

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Schemas of one PostgreSQL database, each a fresh database of this run. */
export interface PostgresHost extends DatabaseHost {
  /** Version, address and the settings durability depends on, for the report: `15.4 at ...`. */
  description: string;
  /** Drops every schema the run created, then disconnects; once, however often called. */
  close(): Promise<void>;
}

type SystemViews = {
  pg_stat_activity: { pid: number; application_name: string };
  pg_settings: { name: string; setting: string };
};

const CONNECT_TIMEOUT_MS = 10_000;

/** A connection that also reads the server's system views. */
const openAdmin = async (url: string) => (await openServerDatabase(url)).withTables<SystemViews>();

type AdminDb = Awaited<ReturnType<typeof openAdmin>>;

/**
 * `url` with every connection kept in `schema` (README, "PostgreSQL") and named after it, so
 * the server processes serving the schema can be told apart from any other.
 */
function inSchema(url: string, schema: string): string {
  // Spaces as %20: the connection string parser does not read `+` as a space.
  const options = `options=${encodeURIComponent(`-c search_path=${schema}`)}&application_name=${schema}`;
  return `${url}${url.includes('?') ? '&' : '?'}${options}`;
}

async function describe(admin: AdminDb, url: string): Promise<string> {
  const rows = await admin
    .selectFrom('pg_settings')
    .select(['name', 'setting'])
    .where('name', 'in', ['server_version', 'fsync', 'synchronous_commit'])
    .execute();
  const setting = (name: string) => rows.find((row) => row.name === name)?.setting ?? '?';
  const { hostname, port, pathname } = new URL(url);
  return (
    `${setting('server_version')} at ${hostname}:${port || 5432}${pathname} ` +
    `(fsync ${setting('fsync')}, synchronous_commit ${setting('synchronous_commit')})`
  );
}

function timeout(ms: number, what: string): Promise<never> {
  return new Promise((_, reject) => {
    setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms).unref();
  });
}

/**
 * Connects to the PostgreSQL database at `url`; throws when it cannot be reached. Schemas are
 * named `bench_<random>_<purpose>`, so runs never see each other's rows.
 */
export async function connectPostgres(url: string): Promise<PostgresHost> {
  const admin = await openAdmin(url);
  let description: string;
  try {
    description = await Promise.race([describe(admin, url), timeout(CONNECT_TIMEOUT_MS, url)]);
  } catch (error) {
    void admin.destroy();
    throw error;
  }
  const run = `bench_${randomBytes(6).toString('hex')}`;
  let closed: Promise<void> | undefined;
  const schemaOfUrl = new Map<string, string>();
  const backendsOf = async (schema: string) =>
    (
      await admin
        .selectFrom('pg_stat_activity')
        .select('pid')
        .where('application_name', '=', schema)
        .execute()
    ).map((row) => row.pid);
  const dropSchemas = async () => {
    for (const schema of schemaOfUrl.values()) {
      await admin.schema.dropSchema(schema).ifExists().cascade().execute();
    }
  };
  return {
    database: 'postgres',
    description,
    freshDatabase: async (purpose) => {
      const schema = `${run}_${purpose}`;
      await admin.schema.createSchema(schema).execute();
      const schemaUrl = inSchema(url, schema);
      schemaOfUrl.set(schemaUrl, schema);
      return schemaUrl;
    },
    backendCpu: (schemaUrl) => {
      const schema = schemaOfUrl.get(schemaUrl);
      return schema === undefined ? undefined : processesCpu(() => backendsOf(schema));
    },
    close: () => {
      closed ??= dropSchemas().finally(() => admin.destroy());
      return closed;
    },
  };
}

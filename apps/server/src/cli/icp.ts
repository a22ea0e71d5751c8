import { parseArgs } from 'node:util';
import { createApiKey, listApiKeys, revokeApiKey } from '../auth/api-keys.js';
import { migrateToLatest } from '../db/migrate.js';
import { openDatabase } from '../db/open-database.js';
import { InvalidEnvironmentError, parseDatabaseEnv } from '../env.js';
import { runLeadsCommand } from './leads-commands.js';
import { UsageError } from './usage-error.js';

const USAGE = `Usage:
  icp api-key create --user <user id> [--name <label>]   issue a key (printed once)
  icp api-key list [--user <user id>]                     list keys (never the keys themselves)
  icp api-key revoke <key id>                             revoke a key at once
  icp leads import companies|people <file>                import a .csv or .ndjson file (see below)
  icp leads generate --companies <n> [--seed <n>]         store a synthetic data set: same seed, same
        [--people-per-company <n>]                        data (default seed 1, 10 people a company)
  icp leads stats                                         count the stored companies and people

leads import checks every row: a bad one is skipped and reported with its line, the others are
stored (replacing any stored under the same id). It exits 0 when rows were imported, even if
some were skipped, and 1 when the file cannot be read or nothing was imported. CSV files name
the record's fields in their header (keywords and skills as "a;b" cells); people go in after
their companies.

The database is DATABASE_URL (default file:./data/icp.sqlite; postgres://... for PostgreSQL).`;

const API_KEY_OPTIONS = new Set(['user', 'name']);

/** Runs the command line; resolves to the exit code. */
async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      user: { type: 'string' },
      name: { type: 'string' },
      companies: { type: 'string' },
      seed: { type: 'string' },
      'people-per-company': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const [group, command, ...rest] = positionals;
  if (values.help || group === undefined) {
    console.log(USAGE);
    return 0;
  }
  if (group !== 'api-key' && group !== 'leads') throw new UsageError(`Unknown command "${group}"`);
  const foreign = Object.keys(values).find(
    (option) => option !== 'help' && API_KEY_OPTIONS.has(option) !== (group === 'api-key'),
  );
  if (foreign !== undefined) throw new UsageError(`${group} commands take no --${foreign}`);

  const { DATABASE_URL } = parseDatabaseEnv();
  const { db } = openDatabase(DATABASE_URL);
  try {
    await migrateToLatest(db);
    if (group === 'leads') return await runLeadsCommand(db, command, rest, values);
    switch (command) {
      case 'create': {
        const user = values.user?.trim();
        if (!user) throw new UsageError('api-key create needs --user <user id>');
        const { key, summary } = await createApiKey(db, user, values.name?.trim() || null);
        console.error(
          `Created key ${summary.id} for ${summary.userId}. Store it now; it is not shown again:`,
        );
        console.log(key);
        return 0;
      }
      case 'list': {
        const keys = await listApiKeys(db, values.user);
        if (keys.length === 0) console.log('No API keys.');
        for (const key of keys) {
          const state = key.revokedAt === null ? 'active' : `revoked ${key.revokedAt}`;
          console.log(
            [key.id, key.userId, `${key.keyPrefix}...`, key.name ?? '-', key.createdAt, state].join(
              '\t',
            ),
          );
        }
        return 0;
      }
      case 'revoke': {
        const id = rest[0];
        if (id === undefined)
          throw new UsageError('api-key revoke needs the key id (see api-key list)');
        if (!(await revokeApiKey(db, id))) throw new UsageError(`No active API key with id ${id}`);
        console.log(`Revoked ${id}`);
        return 0;
      }
      default:
        throw new UsageError(`Unknown api-key command "${command ?? ''}"`);
    }
  } finally {
    await db.destroy();
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const isArgumentError =
      error instanceof Error && String(Reflect.get(error, 'code')).startsWith('ERR_PARSE_ARGS');
    if (
      error instanceof UsageError ||
      error instanceof InvalidEnvironmentError ||
      isArgumentError
    ) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
    } else {
      console.error(error);
    }
    process.exit(1);
  },
);

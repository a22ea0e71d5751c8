import { parseArgs } from 'node:util';
import { createApiKey, listApiKeys, revokeApiKey } from '../auth/api-keys.js';
import { openSqlite } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { InvalidEnvironmentError, parseDatabaseEnv, sqlitePathOf } from '../env.js';

const USAGE = `Usage:
  icp api-key create --user <user id> [--name <label>]   issue a key (printed once)
  icp api-key list [--user <user id>]                     list keys (never the keys themselves)
  icp api-key revoke <key id>                             revoke a key at once

The database is DATABASE_URL (default file:./data/icp.sqlite).`;

class UsageError extends Error {}

async function run(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { user: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean' } },
  });
  const [group, command, ...rest] = positionals;
  if (values.help || group === undefined) {
    console.log(USAGE);
    return;
  }
  if (group !== 'api-key') throw new UsageError(`Unknown command "${group}"`);

  const { DATABASE_URL } = parseDatabaseEnv();
  const db = openSqlite(sqlitePathOf(DATABASE_URL));
  try {
    await migrateToLatest(db);
    switch (command) {
      case 'create': {
        const user = values.user?.trim();
        if (!user) throw new UsageError('api-key create needs --user <user id>');
        const { key, summary } = await createApiKey(db, user, values.name?.trim() || null);
        console.error(
          `Created key ${summary.id} for ${summary.userId}. Store it now; it is not shown again:`,
        );
        console.log(key);
        return;
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
        return;
      }
      case 'revoke': {
        const id = rest[0];
        if (id === undefined)
          throw new UsageError('api-key revoke needs the key id (see api-key list)');
        if (!(await revokeApiKey(db, id))) throw new UsageError(`No active API key with id ${id}`);
        console.log(`Revoked ${id}`);
        return;
      }
      default:
        throw new UsageError(`Unknown api-key command "${command ?? ''}"`);
    }
  } finally {
    await db.destroy();
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  const isArgumentError =
    error instanceof Error && String(Reflect.get(error, 'code')).startsWith('ERR_PARSE_ARGS');
  if (error instanceof UsageError || error instanceof InvalidEnvironmentError || isArgumentError) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});

import { join } from 'node:path';
import { createApiKey } from '../../src/auth/api-keys.js';
import { parseEnv } from '../../src/env.js';
import { leadSearchOf } from '../../src/leads/index/lead-engine-of.js';
import { type IcpService, startIcpService } from '../../src/service.js';
import { type ApiClient, apiClient } from './api-client.js';
import { makeTempDir } from './temp-dir.js';
import { freshTestDatabase } from './test-database.js';

export interface TestService extends IcpService {
  dataDir: string;
  databasePath: string;
  /** Its DATABASE_URL, for a second service (a replica) over the same database. */
  databaseUrl: string;
  api: ApiClient;
  /** A token for any user id, signed by the server's local-mode key. */
  tokenFor(userId: string): Promise<string>;
  /** A freshly issued API key for a user. */
  apiKeyFor(userId: string): Promise<string>;
}

/**
 * The real service on 127.0.0.1 (a free port) over a fresh database (a SQLite file, or a
 * PostgreSQL schema when TEST_DATABASE=postgres), in local auth mode unless `env` says otherwise.
 * `stop()` also removes its files and schema. `now` is the clock its requests see.
 */
export async function startTestService(
  env: Record<string, string> = {},
  options: { now?: () => Date } = {},
): Promise<TestService> {
  const temp = makeTempDir();
  const databasePath = join(temp.path, 'icp.sqlite');
  const database = await freshTestDatabase(temp.path);
  const removeAll = async () => {
    await database.drop();
    temp.remove();
  };
  const service = await startIcpService(
    parseEnv({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: database.url,
      DATA_DIR: temp.path,
      SHUTDOWN_GRACE_MS: '2000',
      RATE_LIMIT_RPS: '0',
      // API tests never depend on whether the web app happens to be built.
      WEB_DIST_DIR: join(temp.path, 'no-web-app'),
      DEMO_LEADS: 'off',
      LOG_REQUESTS: 'off',
      LOG_LEVEL: 'silent',
      ...env,
    }),
    options,
  ).catch(async (error: unknown) => {
    await removeAll();
    throw error;
  });
  // Ready as a deployment is once `/healthz` answers 200: its lead index built.
  await leadSearchOf(service.db)
    .start()
    .catch(async (error: unknown) => {
      await service.stop();
      await removeAll();
      throw error;
    });
  return {
    ...service,
    dataDir: temp.path,
    databasePath,
    databaseUrl: env.DATABASE_URL ?? database.url,
    api: apiClient(service.url),
    tokenFor: async (userId) => {
      if (service.authMode.kind !== 'local') throw new Error('tokenFor needs local auth mode');
      return service.authMode.signToken(userId);
    },
    apiKeyFor: async (userId) => (await createApiKey(service.db, userId, 'test')).key,
    stop: async () => {
      await service.stop();
      await removeAll();
    },
  };
}

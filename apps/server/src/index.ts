export { createApiKey } from './auth/api-keys.js';
export { type Db, openSqlite } from './db/connect.js';
export { migrateToLatest } from './db/migrate.js';
export { type Env, parseEnv } from './env.js';
export { insertIcp } from './icp/icp.repository.js';
export { SERVER_NODE_FLAGS } from './node-flags.js';
export { type IcpService, startIcpService } from './service.js';
export type { AppRouter, RouterInputs, RouterOutputs } from './trpc/app-router.js';

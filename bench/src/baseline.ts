import { baselineServerScript, benchDir } from './paths.js';
import { freePort, type ServerProcess, startServerProcess } from './server-process.js';

/** The bare node:http + better-sqlite3 server of baseline-server.ts, over its own database file. */
export async function startBaselineServer(databasePath: string): Promise<ServerProcess> {
  const port = await freePort();
  return startServerProcess({
    name: 'baseline',
    args: ['--import', 'tsx', baselineServerScript],
    cwd: benchDir,
    port,
    healthPath: '/healthz',
    env: { PORT: String(port), DATABASE_PATH: databasePath, NODE_ENV: 'production' },
  });
}

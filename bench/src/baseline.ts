import { baselineServerScript, benchDir } from './paths.js';
import { freePort, type ServerProcess, startServerProcess } from './server-process.js';

/**
 * The bare node:http + better-sqlite3 server of baseline-server.ts, over its own database file;
 * given a public key, it verifies every request's RS256 token with it.
 */
export async function startBaselineServer(
  databasePath: string,
  jwtPublicKeyPem?: string,
): Promise<ServerProcess> {
  const port = await freePort();
  return startServerProcess({
    name: jwtPublicKeyPem === undefined ? 'baseline' : 'baseline with JWT',
    args: ['--import', 'tsx', baselineServerScript],
    cwd: benchDir,
    port,
    healthPath: '/healthz',
    env: {
      PORT: String(port),
      DATABASE_PATH: databasePath,
      NODE_ENV: 'production',
      ...(jwtPublicKeyPem === undefined ? {} : { AUTH_JWT_PUBLIC_KEY: jwtPublicKeyPem }),
    },
  });
}

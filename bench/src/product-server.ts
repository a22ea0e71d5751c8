import { existsSync } from 'node:fs';
import { SERVER_NODE_FLAGS } from '@icp/server';
import { productMain, repoRoot } from './paths.js';
import { freePort, type ServerProcess, startServerProcess } from './server-process.js';

/**
 * The per-user rate limit stays on, so its bookkeeping is part of every measured request, but it
 * is set far above what one machine can serve: the list scenario is one user at thousands of
 * requests a second, which the default limit would rightly refuse.
 */
export const BENCH_RATE_LIMIT_RPS = 1_000_000;

/** The built product (`node <SERVER_NODE_FLAGS> apps/server/dist/main.js`), configured as in production. */
export async function startProductServer(options: {
  /** Names the server in the log and in errors. */
  name: string;
  databaseUrl: string;
  dataDir: string;
  publicKeyPem: string;
  /** When set, the server writes a V8 CPU profile here when it exits. */
  cpuProfileDir?: string | undefined;
  /** How long the server may take to be ready (`/healthz` answers 503 until its lead index is built). */
  readyTimeoutMs?: number | undefined;
}): Promise<ServerProcess> {
  if (!existsSync(productMain)) {
    throw new Error(`${productMain} is missing: build the server first (pnpm build)`);
  }
  const port = await freePort();
  const profileArgs =
    options.cpuProfileDir === undefined
      ? []
      : ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`];
  return startServerProcess({
    name: options.name,
    // Started as the start scripts start it.
    args: [
      ...profileArgs,
      ...SERVER_NODE_FLAGS,
      ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
      productMain,
    ],
    cwd: repoRoot,
    port,
    healthPath: '/healthz',
    readyTimeoutMs: options.readyTimeoutMs,
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      DATA_DIR: options.dataDir,
      NODE_ENV: 'production',
      AUTH_JWT_PUBLIC_KEY: options.publicKeyPem,
      RATE_LIMIT_RPS: String(BENCH_RATE_LIMIT_RPS),
      RATE_LIMIT_BURST: String(BENCH_RATE_LIMIT_RPS),
      // The ICP scenarios measure the ICP API alone; the lead scenarios bring their own data.
      DEMO_LEADS: 'off',
    },
  });
}

import { type ChildProcess, spawn } from 'node:child_process';
import { type AddressInfo, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../src/node-flags.js';
import { apiClient } from './api-client.js';

/** The built server's entry point; the suites that run it as a process need `pnpm build` first. */
export const SERVER_MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  api: ReturnType<typeof apiClient>;
  exited: Promise<Exit>;
  output: () => string;
}

/**
 * The built server as its own process, on a free port, with its data folder `dir` (where local
 * mode keeps its signing key: processes sharing `dir` accept each other's tokens).
 */
export async function startServerProcess(
  dir: string,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  // Started as the start scripts start it.
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER_MAIN], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DATA_DIR: dir,
      AUTH_JWT_PUBLIC_KEY: '',
      AUTH_JWKS_URL: '',
      SHUTDOWN_GRACE_MS: '5000',
      RATE_LIMIT_RPS: '0',
      LOG_REQUESTS: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  const server = { child, port, url, api: apiClient(url), exited, output: () => output };

  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (hasExited) throw new Error(`The server exited while starting:\n${output}`);
    try {
      const health = await fetch(`${url}/healthz`);
      if (health.status === 200) return server;
    } catch {
      // Not listening yet.
    }
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error(`The server did not become healthy:\n${output}`);
}

/** Stops a server process at once (SIGKILL) unless it already exited. */
export async function killServerProcess(server: ServerProcess | undefined): Promise<void> {
  if (server === undefined || server.child.exitCode !== null || server.child.signalCode !== null) {
    return;
  }
  server.child.kill('SIGKILL');
  await server.exited;
}

/** A local-mode token for `userId`, from the server's own sign-in. */
export async function signIn(server: ServerProcess, userId: string): Promise<string> {
  const response = await server.api('POST', '/trpc/auth.localSignIn', { body: { userId } });
  expect(response.status, response.text).toBe(200);
  return response.body.result.data.token;
}

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { icpCli, repoRoot } from '../paths.js';
import { sampleRss } from '../server-process.js';

/** One finished run of the command line. */
export interface CliRun {
  stdout: string;
  /** Wall time from spawn to exit, process start and migration check included. */
  durationMs: number;
  peakRssMb: number;
}

/**
 * Runs the built `icp` command line on the database at `databaseUrl`, sampling its memory, and
 * throws with its output unless it exits 0.
 */
export async function runIcpCli(databaseUrl: string, args: string[]): Promise<CliRun> {
  if (!existsSync(icpCli)) {
    throw new Error(`${icpCli} is missing: build the server first (pnpm build)`);
  }
  const started = performance.now();
  const child = spawn(process.execPath, [icpCli, ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`icp ${args.join(' ')} did not start`);
  const rss = sampleRss(child.pid, 100);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  // Progress lines only; the end is enough to tell what went wrong.
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  const [code] = (await once(child, 'close')) as [number | null];
  const peakRssMb = rss.stop();
  const durationMs = performance.now() - started;
  if (code !== 0) {
    throw new Error(`icp ${args.join(' ')} exited with ${code}:\n${stdout}${stderr}`);
  }
  return { stdout, durationMs, peakRssMb };
}

/** The companies and people stored, as `icp leads stats` counts them. */
export async function leadStats(
  databaseUrl: string,
): Promise<{ companies: number; people: number }> {
  const { stdout } = await runIcpCli(databaseUrl, ['leads', 'stats']);
  const counted = (name: string) => {
    const value = stdout.match(new RegExp(`^${name}\\t(\\d+)$`, 'm'))?.[1];
    if (value === undefined) throw new Error(`icp leads stats printed no ${name}:\n${stdout}`);
    return Number(value);
  };
  return { companies: counted('companies'), people: counted('people') };
}

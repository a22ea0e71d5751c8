import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export interface ServerProcess {
  name: string;
  url: string;
  pid: number;
  /** Throws, with the end of the server's output, when the process has exited unasked. */
  assertRunning(): void;
  /** Stops the process; `SIGKILL` leaves the database exactly as the last commit left it. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('No free port found');
  return address.port;
}

async function waitForHealth(child: ChildProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no 200 from ${url} within ${timeoutMs} ms`);
}

/** Spawns a server and resolves once `healthPath` answers 200; its output is kept for errors. */
export async function startServerProcess(options: {
  name: string;
  args: string[];
  env: Record<string, string>;
  port: number;
  healthPath: string;
  cwd: string;
  /** How long `healthPath` may take to answer 200; 30 s unless told. */
  readyTimeoutMs?: number | undefined;
}): Promise<ServerProcess> {
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitForHealth(child, `${url}${options.healthPath}`, options.readyTimeoutMs ?? 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${options.name} did not start: ${(error as Error).message}\n${output}`);
  }
  if (child.pid === undefined) throw new Error(`${options.name} has no process id`);

  return {
    name: options.name,
    url,
    pid: child.pid,
    assertRunning: () => {
      if (child.exitCode === null && child.signalCode === null) return;
      const how = child.signalCode ?? `code ${child.exitCode}`;
      throw new Error(`${options.name} exited (${how}) during the benchmark:\n${output}`);
    },
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill(signal);
      await exited;
    },
  };
}

/** Resident set size of a process in MB, from /proc; null once the process is gone. */
export function rssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = status.match(/^VmRSS:\s+(\d+)\s+kB/m)?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null;
  }
}

/** CPU time a process has used so far (user, system) in ms, from /proc; null once it is gone. */
export function cpuTimeMs(pid: number): { user: number; system: number } | null {
  try {
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const msPerTick = 1000 / 100;
    return { user: Number(fields[11]) * msPerTick, system: Number(fields[12]) * msPerTick };
  } catch {
    return null;
  }
}

/** Samples a process's RSS every `everyMs`; `stop()` returns the peak seen. */
export function sampleRss(pid: number, everyMs = 200): { stop(): number } {
  let peak = rssMb(pid) ?? 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb(pid) ?? 0);
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, rssMb(pid) ?? 0);
    },
  };
}

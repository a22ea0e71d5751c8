/**
 * The worker threads that compile and run `matchFieldWithRegex` patterns, so no pattern ever
 * runs on the event loop. The pool is small (the event loop keeps a core on a two-core machine),
 * its workers run at a lower priority than the event loop, and its queue is bounded: a task that
 * finds it full, or that is still queued when its request's budget runs out, is not run at all.
 * A task cancelled while it runs (a pattern stuck in backtracking, or in compiling) ends with its
 * worker, which is replaced.
 */

import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { PatternTask, PatternTaskResult } from './pattern-task.js';

/** How a task that did not complete ended. */
export type PatternTaskFailure =
  /** Cancelled by its signal: its request's budget ran out. */
  | { kind: 'cancelled' }
  /** Every worker was busy and the queue full. */
  | { kind: 'busy' }
  /** The worker failed, such as when it ran out of memory. */
  | { kind: 'failed'; message: string };

export interface PatternPoolOptions {
  threads: number;
  /** Tasks that may wait for a worker; more are refused at once. */
  maxQueued: number;
}

/** The source tree runs under tsx or vitest: its worker is the `.ts` file, loaded through tsx. */
const fromSource = import.meta.url.endsWith('.ts');
const WORKER_FILE = new URL(`./pattern-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
/** Below the event loop's priority: a busy worker never slows the answers to other requests. */
const WORKER_NICENESS = 10;
/** A worker that needs more memory than this (compiling huge patterns) fails instead. */
const WORKER_HEAP_MB = 512;
/** A worker idle this long ends: searches with patterns come in bursts, a thread costs memory. */
const IDLE_WORKER_MS = 60_000;

function workerExecArgv(): string[] {
  if (!fromSource) return [];
  const tsx = createRequire(import.meta.url).resolve('tsx');
  return ['--import', pathToFileURL(tsx).href];
}

/** Why a task failed, from what piscina rejected it with. */
function failureOf(error: unknown): PatternTaskFailure {
  const name = (error as { name?: unknown } | null)?.name;
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'AbortError') return { kind: 'cancelled' };
  return { kind: 'failed', message };
}

export class PatternPool {
  readonly #piscina: Piscina<PatternTask, PatternTaskResult>;
  /** Tasks running or waiting for a worker at most (piscina does not bound cancellable ones). */
  readonly #maxTasks: number;
  #tasks = 0;

  constructor(options: PatternPoolOptions) {
    this.#maxTasks = options.threads + options.maxQueued;
    this.#piscina = new Piscina({
      filename: WORKER_FILE.href,
      minThreads: 0,
      maxThreads: options.threads,
      idleTimeout: IDLE_WORKER_MS,
      niceIncrement: WORKER_NICENESS,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      execArgv: workerExecArgv(),
    });
  }

  /** Runs a task until it completes, or `signal` cancels it (ending the worker running it). */
  async run(
    task: PatternTask,
    signal: AbortSignal,
  ): Promise<{ result: PatternTaskResult } | { failure: PatternTaskFailure }> {
    if (this.#tasks >= this.#maxTasks) return { failure: { kind: 'busy' } };
    this.#tasks += 1;
    try {
      return { result: await this.#piscina.run(task, { signal }) };
    } catch (error) {
      return { failure: failureOf(error) };
    } finally {
      this.#tasks -= 1;
    }
  }

  /** Ends every worker at once; queued tasks fail. */
  async close(): Promise<void> {
    await this.#piscina.destroy();
  }
}

/** Two cores: one worker, and the event loop keeps the other core. */
const SHARED_THREADS = Math.max(1, availableParallelism() - 1);
let shared: PatternPool | undefined;

/** The process's pattern pool, started on first use. */
export function sharedPatternPool(): PatternPool {
  shared ??= new PatternPool({ threads: SHARED_THREADS, maxQueued: 4 * SHARED_THREADS });
  return shared;
}

/** Ends the process's pattern pool (on service stop); a later search starts a new one. */
export async function closeSharedPatternPool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}

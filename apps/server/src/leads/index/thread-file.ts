/**
 * How a module of this folder starts a worker thread on one of its sibling files, built or not:
 * the source tree runs under tsx or vitest, where the worker is the `.ts` file, required through
 * tsx's require hook (in a worker thread only that hook takes effect on Node 20).
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

const fromSource = import.meta.url.endsWith('.ts');

/** A worker thread running `name` (a file of this folder, without its extension). */
export function siblingWorker(
  name: string,
  options: Omit<WorkerOptions, 'eval' | 'execArgv'>,
): Worker {
  const file = new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSource) return new Worker(file, options);
  return new Worker(`require(${JSON.stringify(fileURLToPath(file))});`, {
    ...options,
    eval: true,
    execArgv: ['--require', createRequire(import.meta.url).resolve('tsx/cjs')],
  });
}

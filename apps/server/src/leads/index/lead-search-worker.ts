/**
 * Runs the process's lead searches in a worker thread (search-worker.ts) that holds the lead
 * index and reads the database over a connection of its own, so that a search costs the event
 * loop only its messages: HTTP requests are never queued behind bitmaps, rows of leads or an
 * index build. Started by `start()`, or by the first search when the database held no leads
 * then (a thread costs some 40 MB of memory, for an index of nothing), and ended when the
 * service stops. A worker that stops on its own fails the requests it had with a 503 and is
 * started again (its index built again meanwhile, `/healthz` answering 503 until then).
 * Requests waiting for the worker are bounded; beyond the bound a search is refused with a 503
 * (each user's searches are bounded too: see lead-search-limits.ts).
 */
import type { Worker } from 'node:worker_threads';
import type { StatementDeadline } from '../../db/statement-deadline.js';
import { AppError } from '../../errors.js';
import type { Logger } from '../../logging/logger.js';
import type { LeadEngine, LeadMatches } from '../matching/lead-engine.js';
import type { ReadCriterion } from '../matching/provider-filters.js';
import {
  receivedError,
  type SearchEvent,
  type SearchReply,
  type SearchRequest,
  type SearchResults,
  type SearchWorkerData,
  type SentDeadline,
  sentError,
} from './search-protocol.js';
import { siblingWorker } from './thread-file.js';

/** Requests the worker may have at once; each search is one and then one per page. */
const MAX_PENDING = 256;
/** A worker that stopped is started again after this, unless a request needs it sooner. */
const RESTART_DELAY_MS = 1_000;

const stopped = () =>
  new AppError('SERVICE_UNAVAILABLE', 'The lead search stopped unexpectedly; try again shortly');
const busy = () =>
  new AppError(
    'SERVICE_UNAVAILABLE',
    'Too many lead searches are running; try again shortly',
    undefined,
    { 'Retry-After': '1' },
  );

/** A search's deadline as the worker receives it, or nothing without one. */
function sentDeadline(deadline: StatementDeadline | undefined): SentDeadline | undefined {
  if (deadline === undefined) return undefined;
  return {
    epochMs: performance.timeOrigin + deadline.deadlineMs,
    error: sentError(deadline.passed()),
  };
}

type Request = SearchRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
}

export interface LeadSearchWorkerOptions extends SearchWorkerData {
  logger: Pick<Logger, 'error'>;
  /** Whether the database holds any lead; without it, `start()` always starts the worker. */
  holdsLeads?: () => Promise<boolean>;
}

export class LeadSearchWorker {
  readonly #options: LeadSearchWorkerOptions;
  readonly #pending = new Map<number, Pending>();
  #worker: Worker | null = null;
  #nextId = 1;
  #ready = false;
  #starting: Promise<void> | null = null;
  #restart: NodeJS.Timeout | null = null;
  #closed = false;

  constructor(options: LeadSearchWorkerOptions) {
    this.#options = options;
  }

  /** Whether the worker's first build of the index is done, or there were no leads to index. */
  get ready(): boolean {
    return this.#ready;
  }

  /**
   * Resolves once the worker's index is built; at once, starting no worker, when the database
   * holds no leads: the first search then starts it, and waits for its build.
   */
  start(): Promise<void> {
    this.#starting ??= this.#startWorker().then(
      () => {
        this.#ready = true;
      },
      (error: unknown) => {
        this.#starting = null;
        throw error;
      },
    );
    return this.#starting;
  }

  /** Resolves once a background rebuild in the worker, if any, is done. */
  async settled(): Promise<void> {
    if (this.#worker === null) return;
    await this.#send({ kind: 'settled' });
  }

  async #startWorker(): Promise<void> {
    const { holdsLeads } = this.#options;
    if (this.#worker === null && holdsLeads !== undefined && !(await holdsLeads())) return;
    await this.#send({ kind: 'start' });
  }

  readonly engine: LeadEngine = {
    match: async (criteria, options = {}) => {
      const sent = [...criteria];
      const deadline = sentDeadline(options.deadline);
      // The id `#send` gives the match request: the worker holds the result under it.
      const search = this.#nextId;
      const { total } = await this.#send<'match'>({ kind: 'match', criteria: sent, deadline });
      const matches: LeadMatches = {
        total,
        page: async (after, limit) => {
          const page = await this.#send<'page'>({
            kind: 'page',
            search,
            criteria: sent,
            after,
            limit,
            deadline,
          });
          return page.map(({ personId, matched }) => ({
            personId,
            matched: matched.map((position) => sent[position] as ReadCriterion),
          }));
        },
        leadsPage: (after, limit) =>
          this.#send<'leadsPage'>({
            kind: 'leadsPage',
            search,
            criteria: sent,
            after,
            limit,
            deadline,
          }),
        companies: ({ offset, limit }) =>
          this.#send<'companies'>({
            kind: 'companies',
            search,
            criteria: sent,
            offset,
            limit,
            deadline,
          }),
      };
      return matches;
    },
  };

  /** Ends the worker as a crash would: it is started again (for tests). */
  async stopWorker(): Promise<void> {
    await this.#worker?.terminate();
  }

  /** Ends the worker; requests it had fail. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#restart !== null) clearTimeout(this.#restart);
    const worker = this.#worker;
    this.#worker = null;
    this.#failPending();
    await worker?.terminate();
  }

  #send<Kind extends SearchRequest['kind']>(
    request: Request & { kind: Kind },
  ): Promise<SearchResults[Kind]> {
    if (this.#closed) return Promise.reject(stopped());
    if (this.#pending.size >= MAX_PENDING) return Promise.reject(busy());
    const worker = this.#worker ?? this.#spawn();
    const id = this.#nextId;
    this.#nextId += 1;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  }

  #spawn(): Worker {
    if (this.#restart !== null) clearTimeout(this.#restart);
    this.#restart = null;
    const { logger, holdsLeads, ...data } = this.#options;
    const worker = siblingWorker('search-worker', { workerData: data satisfies SearchWorkerData });
    // Its requests keep the process alive through their sockets; the worker alone does not.
    worker.unref();
    worker.on('message', (message: SearchReply | SearchEvent) => {
      if ('event' in message) {
        logger.error(message.entry);
        return;
      }
      const pending = this.#pending.get(message.id);
      if (pending === undefined) return;
      this.#pending.delete(message.id);
      if ('error' in message) pending.reject(receivedError(message.error));
      else pending.resolve(message.result);
    });
    worker.on('error', (error) => {
      logger.error({ event: 'lead_search_worker_failed', error: String(error) });
    });
    worker.on('exit', (code) => {
      if (this.#worker !== worker) return;
      this.#worker = null;
      this.#ready = false;
      this.#starting = null;
      this.#failPending();
      if (this.#closed) return;
      logger.error({ event: 'lead_search_worker_stopped', exitCode: code });
      this.#restart = setTimeout(() => {
        this.#spawn();
        this.start().catch(() => {});
      }, RESTART_DELAY_MS);
      this.#restart.unref();
    });
    this.#worker = worker;
    return worker;
  }

  #failPending(): void {
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const { reject } of pending) reject(stopped());
  }
}

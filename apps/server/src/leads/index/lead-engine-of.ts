import type { Db } from '../../db/connect.js';
import { databaseKindOf } from '../../db/open-database.js';
import { rootDatabase } from '../../db/root-database.js';
import type { Logger } from '../../logging/logger.js';
import type { LeadEngine } from '../matching/lead-engine.js';
import { leadIndexOf } from './fresh-lead-index.js';
import { indexLeadEngine } from './index-lead-engine.js';
import { LeadSearchWorker } from './lead-search-worker.js';

/** Where a database's lead searches run in this process, and whether its index is built. */
export interface LeadSearch {
  readonly ready: boolean;
  /** Resolves once the index is built (starting the build if nothing has). */
  start(): Promise<void>;
  /** Resolves once a background rebuild, if any, is done. */
  settled(): Promise<void>;
  readonly engine: LeadEngine;
  close(): Promise<void>;
}

const searches = new WeakMap<Db, LeadSearch>();

/** The lead index of `db` on the event loop itself (see fresh-lead-index.ts). */
function inThisThread(db: Db, logger?: Pick<Logger, 'error'>): LeadSearch {
  const fresh = leadIndexOf(db, { logger });
  return {
    get ready() {
      return fresh.ready;
    },
    start: () => fresh.start(),
    settled: () => fresh.settled(),
    engine: indexLeadEngine(fresh),
    close: async () => {},
  };
}

/** Whether `db` holds any company or person: an index of nothing needs no worker yet. */
async function holdsLeads(db: Db): Promise<boolean> {
  const [company, person] = await Promise.all([
    db.selectFrom('companies').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('people').select('id').limit(1).executeTakeFirst(),
  ]);
  return company !== undefined || person !== undefined;
}

/** A SQLite database in memory (see openSqlite): a second connection would open another one. */
const inMemory = (url: string) => [':memory:', ''].includes(url.slice('file:'.length));

/** Connections the lead search worker keeps to PostgreSQL at most (a search reads one at a time). */
const MAX_SEARCH_CONNECTIONS = 4;

/**
 * How a process's PostgreSQL connections (`total`) are shared: a quarter, 1 to 4, for the lead
 * search worker and the rest for the event loop. A pool of one is not shared: the searches then
 * run on the event loop (`search` is 0). SQLite has no pool: each gets its one connection.
 */
export function sharedPool(databaseUrl: string, total: number): { main: number; search: number } {
  if (databaseKindOf(databaseUrl) === 'sqlite') return { main: total, search: 1 };
  if (total < 2) return { main: total, search: 0 };
  const search = Math.min(MAX_SEARCH_CONNECTIONS, Math.max(1, Math.floor(total / 4)));
  return { main: total - search, search };
}

export interface LeadSearchOptions {
  /** The URL `db` was opened from; the worker opens its own connection with it. */
  databaseUrl: string;
  /** Connections of the worker's own PostgreSQL pool (see `sharedPool`); 0: no worker. */
  poolSize: number;
  statementTimeoutMs?: number | undefined;
  logger: Pick<Logger, 'error'>;
}

/**
 * Starts the lead searches of the service's database: in a worker thread of their own (see
 * lead-search-worker.ts; started once the database holds leads), except for a SQLite database
 * in memory, which no second connection can open, and a PostgreSQL pool of one connection: the
 * index then stays on the event loop.
 */
export function startLeadSearch(db: Db, options: LeadSearchOptions): LeadSearch {
  const root = rootDatabase(db);
  const { databaseUrl, poolSize, statementTimeoutMs, logger } = options;
  const search =
    (databaseKindOf(databaseUrl) === 'sqlite' && inMemory(databaseUrl)) || poolSize === 0
      ? inThisThread(root, logger)
      : new LeadSearchWorker({
          databaseUrl,
          poolSize,
          statementTimeoutMs,
          logger,
          holdsLeads: () => holdsLeads(root),
        });
  searches.set(root, search);
  return search;
}

/** The lead searches of `db` in this process: as started, else on the event loop. */
export function leadSearchOf(db: Db): LeadSearch {
  const root = rootDatabase(db);
  let search = searches.get(root);
  if (search === undefined) {
    search = inThisThread(root);
    searches.set(root, search);
  }
  return search;
}

/** The lead engine of `db` in this process (see `leadSearchOf`). */
export function leadEngineOf(db: Db): LeadEngine {
  return leadSearchOf(db).engine;
}

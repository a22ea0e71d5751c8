/**
 * The lead search worker (run by lead-search-worker.ts in a worker thread): holds the process's
 * lead index, kept fresh over a connection of its own to the database, and answers searches
 * there, so neither the bitmaps, the rows of the leads nor the index's builds take the event
 * loop's time. Requests are answered as they come; the event loop bounds how many wait.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { Db } from '../../db/connect.js';
import { openDatabase } from '../../db/open-database.js';
import { withStatementDeadline } from '../../db/statement-deadline.js';
import type { Logger } from '../../logging/logger.js';
import type { LeadMatches } from '../matching/lead-engine.js';
import { leadsPageOf } from '../matching/leads-of-page.js';
import type { ReadCriterion } from '../matching/provider-filters.js';
import { FreshLeadIndex } from './fresh-lead-index.js';
import { indexLeadEngine } from './index-lead-engine.js';
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

/** Results kept for their next pages; a search's pages come within moments of its match. */
const HELD_SEARCHES = 256;

/** Below the event loop's priority, as the pattern workers: HTTP work always comes first. */
const WORKER_NICENESS = 10;

if (parentPort === null) throw new Error('search-worker.ts runs in a worker thread');
try {
  // On Linux a thread's niceness is its own, set by its id (the last part of this link).
  const threadId = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
  setPriority(threadId, WORKER_NICENESS);
} catch {
  // Elsewhere the worker runs at the event loop's priority.
}
const port = parentPort;
const data = workerData as SearchWorkerData;
const { db } = openDatabase(data.databaseUrl, {
  poolSize: data.poolSize,
  statementTimeoutMs: data.statementTimeoutMs,
});
const logger = {
  error: ((entry: Record<string, unknown>) => {
    port.postMessage({ event: 'log', entry } satisfies SearchEvent);
  }) as Logger['error'],
};
const fresh = new FreshLeadIndex(db, {
  logger,
  build: { databaseUrl: data.databaseUrl, logger },
});
const engine = indexLeadEngine(fresh);
/** A search's result, and the criteria as the worker received them (its reasons point to them). */
interface HeldSearch {
  criteria: ReadCriterion[];
  matches: Promise<LeadMatches>;
}
const held = new Map<number, HeldSearch>();

function searchOf(search: number, criteria: ReadCriterion[]): HeldSearch {
  let found = held.get(search);
  if (found === undefined) {
    const matches = engine.match(criteria);
    matches.catch(() => held.delete(search));
    found = { criteria, matches };
  } else {
    held.delete(search);
  }
  held.set(search, found);
  for (const oldest of held.keys()) {
    if (held.size <= HELD_SEARCHES) break;
    held.delete(oldest);
  }
  return found;
}

async function answer(request: SearchRequest): Promise<SearchResults[SearchRequest['kind']]> {
  switch (request.kind) {
    case 'start':
      await fresh.start();
      return null;
    case 'settled':
      await fresh.settled();
      return null;
    case 'match':
      return { total: (await searchOf(request.id, request.criteria).matches).total };
    case 'page': {
      const { criteria, matches } = searchOf(request.search, request.criteria);
      const page = await (await matches).page(request.after, request.limit);
      return page.map(({ personId, matched }) => ({
        personId,
        matched: matched.map((criterion) => criteria.indexOf(criterion)),
      }));
    }
    case 'leadsPage': {
      const { matches } = searchOf(request.search, request.criteria);
      const page = await (await matches).page(request.after, request.limit);
      return leadsPageOf(withinDeadline(request.deadline), page);
    }
    case 'companies': {
      const { matches } = searchOf(request.search, request.criteria);
      return (await matches).companies({ offset: request.offset, limit: request.limit });
    }
  }
}

/** The worker's database for a search's statements: none starts after its deadline. */
function withinDeadline(deadline: SentDeadline | undefined): Db {
  if (deadline === undefined) return db;
  return withStatementDeadline(db, deadline.epochMs - performance.timeOrigin, () =>
    receivedError(deadline.error),
  );
}

port.on('message', (request: SearchRequest) => {
  answer(request).then(
    (result) => port.postMessage({ id: request.id, result } satisfies SearchReply),
    (error: unknown) =>
      port.postMessage({ id: request.id, error: sentError(error) } satisfies SearchReply),
  );
});

/**
 * What the event loop and the lead search worker (search-worker.ts) send each other: requests
 * answered by id, and events of the worker's own.
 */
import { AppError } from '../../errors.js';
import type { LeadsPage } from '../matching/lead-engine.js';
import type { ReadCriterion } from '../matching/provider-filters.js';

/** How the worker opens its own connection to the database. */
export interface SearchWorkerData {
  databaseUrl: string;
  poolSize: number;
  statementTimeoutMs: number | undefined;
}

/**
 * `search` is the id of the `match` request whose result a page reads. The worker keeps a
 * bounded number of results; one it no longer holds is searched again from `criteria`.
 */
export type SearchRequest =
  | { id: number; kind: 'start' | 'settled' }
  | { id: number; kind: 'match'; criteria: ReadCriterion[]; deadline?: SentDeadline }
  | {
      id: number;
      kind: 'page' | 'leadsPage';
      search: number;
      criteria: ReadCriterion[];
      after: string | null;
      limit: number;
      deadline?: SentDeadline;
    }
  | {
      id: number;
      kind: 'companies';
      search: number;
      criteria: ReadCriterion[];
      offset: number;
      limit: number;
      deadline?: SentDeadline;
    };

/** A matching person, with the positions (in the search's criteria) of those they match. */
export interface PersonMatch {
  personId: string;
  matched: number[];
}

export interface SearchResults {
  start: null;
  settled: null;
  match: { total: number };
  page: PersonMatch[];
  leadsPage: LeadsPage;
  companies: { total: number; companyIds: string[] };
}

/** An error as it crosses the thread boundary: what callers tell errors apart by. */
export interface SentError {
  name: string;
  message: string;
  code?: unknown;
  appCode?: unknown;
}

/** A search's statement deadline (see statement-deadline.ts) as it crosses threads. */
export interface SentDeadline {
  /** A `Date.now()`-style time: `performance.now()` differs between threads. */
  epochMs: number;
  /** What a statement that would start after it fails with. */
  error: SentError;
}

export function sentError(error: unknown): SentError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { code, appCode } = error as { code?: unknown; appCode?: unknown };
  return { name: error.name, message: error.message, code, appCode };
}

/** The error sent, as the callers' error handling tells it apart. */
export function receivedError(error: SentError): Error {
  if (error.name === 'AppError' && typeof error.appCode === 'string') {
    return new AppError(error.appCode as ConstructorParameters<typeof AppError>[0], error.message);
  }
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  if (error.code !== undefined) Object.assign(rebuilt, { code: error.code });
  return rebuilt;
}

export type SearchReply = { id: number; result: unknown } | { id: number; error: SentError };

export type SearchEvent = { event: 'log'; entry: Record<string, unknown> };

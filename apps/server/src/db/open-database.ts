import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type Db, openSqlite } from './connect.js';
import type { Database } from './database.js';
import { groupCommit } from './group-commit.js';
import { NamedStatementClient } from './named-statements.js';
import { type Transact, transactionPerCall } from './transact.js';

export type DatabaseKind = 'sqlite' | 'postgres';

/** The database a `DATABASE_URL` names: `file:<path>` (SQLite) or `postgres://...`. */
export function databaseKindOf(url: string): DatabaseKind {
  return url.startsWith('file:') ? 'sqlite' : 'postgres';
}

// 64-bit integers (count(*), bigint columns) arrive as strings by default; every value stored
// here fits a double exactly.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** Connections each server process keeps to PostgreSQL unless told otherwise. */
const DEFAULT_POOL_SIZE = 10;

export interface OpenDatabase {
  db: Db;
  kind: DatabaseKind;
  /**
   * How writes are committed: on SQLite, concurrent writes share one commit (group commit); on
   * PostgreSQL, which syncs its own log in groups, each write is a transaction of its own.
   */
  transact: Transact;
}

export interface DatabaseOptions {
  /** Connections the PostgreSQL pool keeps. */
  poolSize?: number | undefined;
  /**
   * PostgreSQL's `statement_timeout` on every pooled connection: a statement running longer is
   * cancelled (SQLSTATE 57014), so no request holds a connection longer. 0 or absent: none (for
   * the CLI's bulk work).
   */
  statementTimeoutMs?: number | undefined;
}

/**
 * Opens the database of a `DATABASE_URL`. On PostgreSQL a pool of connections; a
 * `?options=-c search_path=<schema>` in the URL keeps each deployment (or test run) in its own
 * schema.
 */
export function openDatabase(url: string, options: DatabaseOptions = {}): OpenDatabase {
  if (databaseKindOf(url) === 'sqlite') {
    const db = openSqlite(url.slice('file:'.length));
    return { db, kind: 'sqlite', transact: groupCommit(db) };
  }
  const pool = new pg.Pool({
    Client: NamedStatementClient,
    connectionString: url,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    // Sent when each connection starts, so it costs no round trip per query.
    ...(options.statementTimeoutMs && { statement_timeout: options.statementTimeoutMs }),
  });
  // An idle connection that breaks (the server restarts) must not crash the process; the next
  // query opens a new one.
  pool.on('error', () => {});
  // So must one that breaks while checked out but between two queries (inside a transaction):
  // pg reports that on the client itself. The transaction fails (a 503), and the pool drops the
  // broken client when it is released.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', transact: transactionPerCall(db) };
}

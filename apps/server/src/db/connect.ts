import { closeSync, fchmodSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type SqliteDatabase, SqliteDialect } from 'kysely';
import type { Database } from './database.js';

export type Db = Kysely<Database>;

const MAX_CACHED_STATEMENTS = 500;

/**
 * Kysely prepares a statement for every query; preparing costs as much as running a point
 * lookup. Queries are parameterized, so their SQL texts are few: each is prepared once and kept
 * (least recently used dropped beyond the bound).
 */
function withStatementCache(database: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare: (sql) => {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = database.prepare(sql);
      } else {
        statements.delete(sql);
      }
      statements.set(sql, statement);
      if (statements.size > MAX_CACHED_STATEMENTS) {
        const oldest = statements.keys().next().value;
        if (oldest !== undefined) statements.delete(oldest);
      }
      return statement;
    },
  };
}

/**
 * Creates the database file readable and writable by its owner only; SQLite gives its -wal and
 * -shm files the mode of the database file. An existing file is left as it is.
 */
function createOwnerOnlyFile(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw error;
  }
  try {
    fchmodSync(fd, 0o600);
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens the SQLite file (creating its folder, and the file readable by its owner only) in WAL
 * mode. `synchronous = FULL` makes every acknowledged commit durable across a crash of the
 * process or of the machine.
 */
export function openSqlite(path: string): Db {
  if (path !== ':memory:' && path !== '') {
    mkdirSync(dirname(path), { recursive: true });
    createOwnerOnlyFile(path);
  }
  const database = new SQLite(path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
  });
  connections.set(db, database);
  return db;
}

const connections = new WeakMap<Db, SQLite.Database>();

/**
 * The better-sqlite3 connection under a handle `openSqlite` opened, for bulk reads that Kysely
 * would slow down (the lead index's build); undefined for any other handle.
 */
export function sqliteConnectionOf(db: Db): SQLite.Database | undefined {
  return connections.get(db);
}

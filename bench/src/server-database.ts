import { pathToFileURL } from 'node:url';
import type { Db } from '@icp/server';
import { openDatabaseModule } from './paths.js';

/** The shape of the built server's `openDatabase` (apps/server/src/db/open-database.ts). */
type OpenDatabase = (url: string) => { db: Db };

/**
 * Opens a `DATABASE_URL` (`file:` or `postgres://`) with the product's own connection code, so
 * values read back (such as PostgreSQL's 64-bit counts) parse as the product parses them.
 */
export async function openServerDatabase(url: string): Promise<Db> {
  const { openDatabase } = (await import(pathToFileURL(openDatabaseModule).href)) as {
    openDatabase: OpenDatabase;
  };
  return openDatabase(url).db;
}

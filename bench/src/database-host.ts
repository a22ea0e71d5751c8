import { join } from 'node:path';
import type { CpuMeter } from './cpu-meter.js';

/** The databases the product is measured on. */
export type ProductDatabase = 'sqlite' | 'postgres';

export const DATABASE_LABELS: Record<ProductDatabase, string> = {
  sqlite: 'SQLite',
  postgres: 'PostgreSQL',
};

/** A figure of each database the product ran on; SQLite always runs, PostgreSQL when reachable. */
export type ByDatabase<T> = Partial<Record<ProductDatabase, T>>;

/** Where the product's databases of one run live. */
export interface DatabaseHost {
  database: ProductDatabase;
  /** The DATABASE_URL of a new, empty database for `purpose` (lower-case letters and `_`). */
  freshDatabase(purpose: string): Promise<string>;
  /**
   * The CPU the database's own processes spend serving the connections of `url`; undefined
   * when the database runs inside the product's process (SQLite).
   */
  backendCpu(url: string): CpuMeter | undefined;
}

/** SQLite files in `dir`. */
export function sqliteHost(dir: string): DatabaseHost {
  return {
    database: 'sqlite',
    freshDatabase: async (purpose) => `file:${join(dir, `${purpose}.sqlite`)}`,
    backendCpu: () => undefined,
  };
}

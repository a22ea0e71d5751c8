import type { Db } from './connect.js';

const roots = new WeakMap<Db, Db>();

/**
 * The database handle `db` was derived from (with a plugin: a new Kysely instance over the same
 * connections), or `db` itself. What belongs to a database rather than to a handle, such as the
 * process's lead index, is kept by its root.
 */
export function rootDatabase(db: Db): Db {
  return roots.get(db) ?? db;
}

/** Records that `derived` is a handle of the same database as `from`. */
export function derivedFrom(from: Db, derived: Db): Db {
  roots.set(derived, rootDatabase(from));
  return derived;
}

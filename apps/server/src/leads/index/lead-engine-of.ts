import type { Db } from '../../db/connect.js';
import { rootDatabase } from '../../db/root-database.js';
import type { LeadEngine } from '../matching/lead-engine.js';
import { leadIndexOf } from './fresh-lead-index.js';
import { indexLeadEngine } from './index-lead-engine.js';

const engines = new WeakMap<Db, LeadEngine>();

/** The lead engine of `db` in this process: its lead index (see fresh-lead-index.ts). */
export function leadEngineOf(db: Db): LeadEngine {
  const root = rootDatabase(db);
  let engine = engines.get(root);
  if (engine === undefined) {
    engine = indexLeadEngine(leadIndexOf(root));
    engines.set(root, engine);
  }
  return engine;
}

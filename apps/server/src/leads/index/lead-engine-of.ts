import type { Db } from '../../db/connect.js';
import type { LeadEngine } from '../matching/lead-engine.js';
import { leadIndexOf } from './fresh-lead-index.js';
import { indexLeadEngine } from './index-lead-engine.js';

const engines = new WeakMap<Db, LeadEngine>();

/** The lead engine of `db` in this process: its lead index (see fresh-lead-index.ts). */
export function leadEngineOf(db: Db): LeadEngine {
  let engine = engines.get(db);
  if (engine === undefined) {
    engine = indexLeadEngine(leadIndexOf(db));
    engines.set(db, engine);
  }
  return engine;
}

/**
 * Indexes the people after a split of the ids, in a thread of its own, for a build of the lead
 * index running in another (see build-lead-index.ts): opens the database over a connection of
 * its own, builds the part, hands it over (its arrays transferred, not copied) and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/open-database.js';
import { transferablesOf } from './bitmap-lead-index.js';
import { buildPeoplePart, type PeoplePartRequest } from './build-lead-index.js';

if (parentPort === null) throw new Error('people-part-worker.ts runs in a worker thread');
const port = parentPort;
const { databaseUrl, fromId } = workerData as PeoplePartRequest;
const { db } = openDatabase(databaseUrl);
// No top-level await: from the source tree this file is required as CommonJS (see thread-file.ts).
buildPeoplePart(db, fromId)
  .then((part) => port.postMessage(part, transferablesOf(part)))
  .finally(() => db.destroy());

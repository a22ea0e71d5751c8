import { randomUUID } from 'node:crypto';
import type { Icp } from '@icp/schema';
import { insertIcp, migrateToLatest, openSqlite } from '@icp/server';
import { icpBody } from './icp-bodies.js';
import { createRandom } from './random.js';

export interface SeedOptions {
  icpCount: number;
  userCount: number;
  /** How many ICPs the list benchmark's user is a member of. */
  listUserIcpCount: number;
}

export interface SeededIcp {
  id: string;
  ownerId: string;
}

export interface SeedResult {
  icps: SeededIcp[];
  userIds: string[];
  listUserId: string;
  durationMs: number;
}

const BATCH_SIZE = 5_000;
const FIRST_CREATED_AT = Date.parse('2025-01-01T08:00:00.000Z');
const CREATED_EVERY_MS = 5 * 60_000;

export const userIdOf = (index: number): string => `user_${String(index).padStart(5, '0')}`;

/**
 * Writes the data set through the product's own repository code, so rows and membership rows are
 * exactly what the product stores. The list user owns evenly spread ICPs and is never a teammate
 * elsewhere, so it is a member of exactly `listUserIcpCount` ICPs.
 */
export async function seedDatabase(path: string, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const random = createRandom(20_260_101);
  const userIds = Array.from({ length: options.userCount }, (_, index) => userIdOf(index));
  const listUserId = userIds[0] as string;
  const others = userIds.slice(1);
  const listUserEvery = Math.floor(options.icpCount / options.listUserIcpCount);

  const icps: SeededIcp[] = [];
  let nextOwner = 0;
  const icpAt = (index: number): Icp => {
    const listUserOwns =
      index % listUserEvery === 0 && index / listUserEvery < options.listUserIcpCount;
    const ownerId = listUserOwns ? listUserId : (others[nextOwner++ % others.length] as string);
    const members = [ownerId];
    if (random.next() < 0.3) {
      for (const teammate of random.sample(others, 1 + random.int(2))) {
        if (teammate !== ownerId) members.push(teammate);
      }
    }
    const createdAt = new Date(FIRST_CREATED_AT + index * CREATED_EVERY_MS).toISOString();
    const id = randomUUID();
    icps.push({ id, ownerId });
    return { id, createdAt, updatedAt: createdAt, ...icpBody(random, members) };
  };

  const db = openSqlite(path);
  try {
    await migrateToLatest(db);
    for (let start = 0; start < options.icpCount; start += BATCH_SIZE) {
      const end = Math.min(start + BATCH_SIZE, options.icpCount);
      await db.transaction().execute(async (tx) => {
        for (let index = start; index < end; index += 1) {
          const icp = icpAt(index);
          await insertIcp(tx, icp, (icps[index] as SeededIcp).ownerId);
        }
      });
    }
  } finally {
    await db.destroy();
  }
  return { icps, userIds, listUserId, durationMs: performance.now() - started };
}

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { validatedIcpBody } from '../../test/support/icp-bodies.js';
import { useTempDatabase } from '../../test/support/temp-database.js';
import type { AuthUser } from '../auth/auth-user.js';
import * as countSharedIcps from '../db/migrations/2026-12-02-010-count-shared-icps.js';
import { transactionPerCall } from '../db/transact.js';
import { countIcpsSharedWith } from './icp.repository.js';
import { createIcp } from './icp.service.js';

const body = validatedIcpBody({ name: 'Shared' });

describe('counting the ICPs others shared with a user', () => {
  const database = useTempDatabase();
  const as = (id: string): AuthUser => ({ id, isAdmin: false, via: 'jwt' });

  it("counts the memberships others added, never the creator's own", async () => {
    const transact = transactionPerCall(database.db);
    const now = new Date('2026-01-01T00:00:00.000Z');
    await createIcp(transact, as('alice'), { ...body, userIds: ['bob', 'carol'] }, now);
    await createIcp(transact, as('bob'), { ...body, userIds: ['carol', 'bob'] }, now);
    await createIcp(transact, as('bob'), { ...body, userIds: [] }, now);

    const counts = await countIcpsSharedWith(database.db, ['alice', 'bob', 'carol']);
    expect(Object.fromEntries(counts)).toEqual({ bob: 1, carol: 2 });
  });

  it('reads memberships stored before it was counted from userIds: all but the creator, last', async () => {
    const { db } = database;
    await countSharedIcps.down(db);
    const icps = [
      { id: randomUUID(), userIds: ['victim', 'flooder'] },
      { id: randomUUID(), userIds: ['teammate', 'victim'] },
    ];
    for (const icp of icps) {
      await db
        .insertInto('icps')
        .values({
          id: icp.id,
          name: 'Legacy',
          description: null,
          lead_provider_criteria: '[]',
          custom_filter_criteria: '[]',
          crm_filters: null,
          user_ids: JSON.stringify(icp.userIds),
          leads_per_list: 10,
          active_until: null,
          created_at: '2025-01-01T00:00:00.000Z',
          updated_at: '2025-01-01T00:00:00.000Z',
        })
        .execute();
      for (const userId of icp.userIds) {
        await db
          .insertInto('icp_members')
          .values({ user_id: userId, icp_id: icp.id, icp_created_at: '2025-01-01T00:00:00.000Z' })
          .execute();
      }
    }
    await countSharedIcps.up(db);

    const counts = await countIcpsSharedWith(db, ['victim', 'flooder', 'teammate']);
    expect(Object.fromEntries(counts)).toEqual({ victim: 1, teammate: 1 });
  });
});

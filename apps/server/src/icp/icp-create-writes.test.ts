import type { Icp } from '@icp/schema';
import { Kysely, type LogEvent, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validatedIcpBody } from '../../test/support/icp-bodies.js';
import { useTempDatabase } from '../../test/support/temp-database.js';
import { freshTestDatabase, testDatabase } from '../../test/support/test-database.js';
import type { AuthUser } from '../auth/auth-user.js';
import type { Db } from '../db/connect.js';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { NamedStatementClient } from '../db/named-statements.js';
import { type Transact, transactionPerCall } from '../db/transact.js';
import { insertIcp } from './icp.repository.js';
import { createIcp } from './icp.service.js';

const body = validatedIcpBody({ name: 'Writes' });
const ana: AuthUser = { id: 'ana', isAdmin: false, via: 'jwt' };
const now = new Date('2026-12-04T10:00:00.000Z');

/** A Transact whose own transactions are refused: only `atomic` writes may run. */
const atomicOnly = (transact: Transact): Transact =>
  Object.assign(
    async () => {
      throw new Error('a transaction was opened');
    },
    { atomic: transact.atomic },
  );

describe('the writes of a create', () => {
  const database = useTempDatabase();
  const storedIcps = async () =>
    (await database.db.selectFrom('icps').select('id').execute()).map((row) => row.id);

  it('without an idempotency key or shares, a create is one atomic write and its rows are stored', async () => {
    const created = await createIcp(
      atomicOnly(transactionPerCall(database.db)),
      ana,
      { ...body, userIds: [] },
      now,
    );

    expect(await storedIcps()).toEqual([created.icp.id]);
    const members = await database.db
      .selectFrom('icp_members')
      .select(['user_id', 'icp_id', 'icp_created_at', 'shared_by_other'])
      .execute();
    expect(members).toEqual([
      {
        user_id: 'ana',
        icp_id: created.icp.id,
        icp_created_at: now.toISOString(),
        shared_by_other: 0,
      },
    ]);
  });

  it('with an idempotency key or others to share with, it runs in a transaction', async () => {
    const transact = atomicOnly(transactionPerCall(database.db));
    await expect(
      createIcp(transact, ana, { ...body, userIds: [] }, now, { key: 'k-1', requestHash: 'h' }),
    ).rejects.toThrow('a transaction was opened');
    await expect(createIcp(transact, ana, { ...body, userIds: ['bo'] }, now)).rejects.toThrow(
      'a transaction was opened',
    );
    expect(await storedIcps()).toEqual([]);
  });

  it('stores the membership of each user, those added by others marked as shares', async () => {
    const created = await createIcp(
      transactionPerCall(database.db),
      ana,
      { ...body, userIds: ['bo', 'cy'] },
      now,
    );
    const members = await database.db
      .selectFrom('icp_members')
      .select(['user_id', 'shared_by_other'])
      .where('icp_id', '=', created.icp.id)
      .orderBy('user_id')
      .execute();
    expect(members).toEqual([
      { user_id: 'ana', shared_by_other: 0 },
      { user_id: 'bo', shared_by_other: 1 },
      { user_id: 'cy', shared_by_other: 1 },
    ]);
  });

  it('an atomic insert whose membership rows fail stores no ICP either', async () => {
    const icp: Icp = {
      id: '3b0c3f57-5d63-4a77-9a39-5f7f1c1f7a10',
      ...body,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      // The same user twice: the second membership row breaks the primary key.
      userIds: ['ana', 'ana'],
    };
    await expect(
      transactionPerCall(database.db).atomic((db) => insertIcp(db, icp, 'ana')),
    ).rejects.toThrow();

    expect(await storedIcps()).toEqual([]);
  });
});

describe.skipIf(testDatabase !== 'postgres')('a create on PostgreSQL', () => {
  let statements: string[] = [];
  let db: Db;
  let drop = async () => {};
  beforeEach(async () => {
    const database = await freshTestDatabase('');
    drop = database.drop;
    const pool = new pg.Pool({ Client: NamedStatementClient, connectionString: database.url });
    db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      log: (event: LogEvent) => {
        statements.push(event.query.sql.trim().split(/\s+/)[0]?.toLowerCase() ?? '');
      },
    });
    await migrateToLatest(db);
    statements = [];
  });
  afterEach(async () => {
    await db.destroy();
    await drop();
  });

  it('is one statement: no BEGIN or COMMIT around it', async () => {
    await createIcp(transactionPerCall(db), ana, { ...body, userIds: [] }, now);
    expect(statements).toEqual(['with']);
  });

  it('with an idempotency key, its statements run between BEGIN and COMMIT', async () => {
    await createIcp(transactionPerCall(db), ana, { ...body, userIds: [] }, now, {
      key: 'k-1',
      requestHash: 'h',
    });
    expect(statements[0]).toBe('begin');
    expect(statements.at(-1)).toBe('commit');
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../test/support/temp-database.js';
import type { AuthUser } from '../auth/auth-user.js';
import { transactionPerCall } from '../db/transact.js';
import { asAppError } from '../errors.js';
import { createCaller } from '../trpc/app-router.js';
import type { Context } from '../trpc/context.js';

const body = {
  name: 'In-process ICP',
  leadProviderCriteria: [{ provider: 'baseProvider' as const, filters: { job_title: ['CTO'] } }],
  customFilterCriteria: [{ type: 'maxPeoplePerCompany' as const }],
  userIds: ['teammate'],
};

describe('icp procedures, called in-process over a real SQLite file', () => {
  const database = useTempDatabase();
  let clock: Date;

  beforeEach(() => {
    clock = new Date('2025-03-01T08:00:00.000Z');
  });

  const callerAs = (id: string | null, isAdmin = false) => {
    const user: AuthUser | null = id === null ? null : { id, isAdmin, via: 'jwt' };
    const { db } = database;
    const ctx: Context = {
      db,
      transact: transactionPerCall(db),
      user,
      authMode: { kind: 'jwt' },
      now: () => clock,
    };
    return createCaller(ctx);
  };
  const codeOf = async (promise: Promise<unknown>) => {
    try {
      await promise;
      return 'OK';
    } catch (error) {
      return asAppError(error).appCode;
    }
  };

  it('create fills defaults, adds the creator and stamps the clock', async () => {
    const { icp, replayed } = await callerAs('owner').icp.create({ body });

    expect(replayed).toBe(false);
    expect(icp).toMatchObject({
      userIds: ['teammate', 'owner'],
      customFilterCriteria: [{ type: 'maxPeoplePerCompany', value: 1 }],
      leadsPerList: 10,
      createdAt: '2025-03-01T08:00:00.000Z',
      updatedAt: '2025-03-01T08:00:00.000Z',
    });
  });

  it('byId and list follow the access rule; a stranger gets FORBIDDEN and an admin gets through', async () => {
    const { icp } = await callerAs('owner').icp.create({ body });

    expect((await callerAs('teammate').icp.byId({ id: icp.id })).icp).toEqual(icp);
    expect(await codeOf(callerAs('stranger').icp.byId({ id: icp.id }))).toBe('FORBIDDEN');
    expect((await callerAs('root', true).icp.byId({ id: icp.id })).icp.id).toBe(icp.id);
    expect(await callerAs('root', true).icp.list()).toEqual([]);
    expect(await callerAs('stranger').icp.list()).toEqual([]);
    expect((await callerAs('teammate').icp.list()).map((listed) => listed.id)).toEqual([icp.id]);
  });

  it('every procedure refuses an anonymous caller', async () => {
    const anonymous = callerAs(null);

    expect(await codeOf(anonymous.icp.list())).toBe('UNAUTHORIZED');
    expect(await codeOf(anonymous.icp.create({ body }))).toBe('UNAUTHORIZED');
    expect(await codeOf(anonymous.icp.byId({ id: crypto.randomUUID() }))).toBe('UNAUTHORIZED');
  });

  it('update moves updatedAt to the clock and keeps createdAt', async () => {
    const { icp } = await callerAs('owner').icp.create({ body });
    clock = new Date('2025-03-02T09:30:00.000Z');

    const updated = await callerAs('owner').icp.update({ id: icp.id, body: { leadsPerList: 42 } });

    expect(updated.icp).toMatchObject({
      leadsPerList: 42,
      createdAt: '2025-03-01T08:00:00.000Z',
      updatedAt: '2025-03-02T09:30:00.000Z',
    });
  });

  it('checks run in the documented order: not found, forbidden, precondition, then the body', async () => {
    const { icp } = await callerAs('owner').icp.create({ body });
    const invalid = { name: '' };

    expect(
      await codeOf(callerAs('owner').icp.update({ id: crypto.randomUUID(), body: invalid })),
    ).toBe('NOT_FOUND');
    expect(await codeOf(callerAs('stranger').icp.update({ id: icp.id, body: invalid }))).toBe(
      'FORBIDDEN',
    );
    expect(
      await codeOf(callerAs('owner').icp.update({ id: icp.id, ifMatch: '"stale"', body: invalid })),
    ).toBe('PRECONDITION_FAILED');
    expect(await codeOf(callerAs('owner').icp.update({ id: icp.id, body: invalid }))).toBe(
      'BAD_REQUEST',
    );
  });

  it('validation errors carry details relative to the body', async () => {
    try {
      await callerAs('owner').icp.create({ body: { ...body, leadsPerList: 0 } });
      expect.unreachable();
    } catch (error) {
      const appError = asAppError(error);
      expect(appError.message).toBe('Invalid request body');
      expect(appError.details).toEqual([
        { path: ['leadsPerList'], message: 'Too small: expected number to be >=1' },
      ]);
    }
  });

  it('delete removes the ICP and its memberships', async () => {
    const { icp } = await callerAs('owner').icp.create({ body });

    await callerAs('teammate').icp.delete({ id: icp.id });

    expect(await codeOf(callerAs('owner').icp.byId({ id: icp.id }))).toBe('NOT_FOUND');
    const memberships = await database.db.selectFrom('icp_members').selectAll().execute();
    expect(memberships).toEqual([]);
  });
});

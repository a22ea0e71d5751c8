import { companyRecord, personRecord } from '@icp/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transactionPerCall } from '../../src/db/transact.js';
import { saveCompanies, savePeople } from '../../src/leads/lead-records.repository.js';
import { findDueDeliveries } from '../../src/schedules/due-deliveries.js';
import { deliverPeriod } from '../../src/schedules/schedule.service.js';
import { sleep } from '../support/server-process.js';
import { startTestService, type TestService } from '../support/test-service.js';

const ICPS = '/api/v1/entities/icps';
const LISTS = '/api/v1/entities/leadlists';

const icpBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Scheduled sales directors',
  leadProviderCriteria: [{ provider: 'baseProvider', filters: { job_title: ['Sales Director'] } }],
  customFilterCriteria: [{ type: 'minDaysUntilReuse', value: 30 }],
  userIds: [],
  leadsPerList: 3,
  ...overrides,
});

const daily = { every: 'day', at: '09:00', timezone: 'Europe/Paris' };

describe('ICP delivery schedules over HTTP', () => {
  let service: TestService;
  let clock = new Date('2026-12-03T06:00:00.000Z');
  let owner: string;
  let teammate: string;
  let stranger: string;

  const schedulePath = (id: string) => `${ICPS}/${id}/schedule`;
  const createIcp = async (overrides: Record<string, unknown> = {}) => {
    const created = await service.api('POST', ICPS, {
      token: owner,
      body: icpBody({ userIds: ['teammate'], ...overrides }),
    });
    expect(created.status, created.text).toBe(201);
    return created.body.id as string;
  };
  /** Waits until the schedule has delivered `count` periods (the runner polls every 50 ms). */
  const deliveriesOf = async (id: string, count: number) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const read = await service.api('GET', schedulePath(id), { token: owner });
      if (read.body.deliveries.length >= count || Date.now() > deadline) return read.body;
      await sleep(50);
    }
  };

  beforeAll(async () => {
    service = await startTestService({ SCHEDULE_POLL_MS: '50' }, { now: () => clock });
    await service.db.transaction().execute(async (tx) => {
      await saveCompanies(tx, [companyRecord.parse({ id: 'c-1', name: 'Acme' })]);
      await savePeople(
        tx,
        Array.from({ length: 12 }, (_, n) =>
          personRecord.parse({
            ...{ id: `p-${String(n).padStart(2, '0')}`, firstName: 'Ana', lastName: `N${n}` },
            ...{ jobTitle: 'Sales Director', companyId: 'c-1' },
          }),
        ),
      );
    });
    owner = await service.tokenFor('owner');
    teammate = await service.tokenFor('teammate');
    stranger = await service.tokenFor('stranger');
  });
  afterAll(async () => {
    await service.stop();
  });

  it('answers 401, 404 and 403 as the ICP endpoints do, before looking at the body', async () => {
    const id = await createIcp();
    const anonymous = await service.api('PUT', schedulePath(id), { body: daily });
    const missing = await service.api('GET', schedulePath('00000000-0000-4000-8000-000000000000'), {
      token: owner,
    });
    const notUuid = await service.api('DELETE', schedulePath('nope'), { token: owner });
    const foreign = await service.api('PUT', schedulePath(id), { token: stranger, body: 'nope' });
    const foreignRead = await service.api('GET', schedulePath(id), { token: stranger });

    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error).toEqual({
      code: 'UNAUTHORIZED',
      message: 'User not authenticated',
    });
    expect([missing.status, notUuid.status]).toEqual([404, 404]);
    expect(missing.body.error).toEqual({ code: 'NOT_FOUND', message: 'ICP not found' });
    expect([foreign.status, foreignRead.status]).toEqual([403, 403]);
    expect(foreign.body.error.code).toBe('FORBIDDEN');
  });

  it('refuses bad schedules with the 400 envelope naming each problem, and stores none', async () => {
    const id = await createIcp();
    const cases: [unknown, (string | number)[]][] = [
      [{ ...daily, every: 'hour' }, ['every']],
      [{ ...daily, at: '24:00' }, ['at']],
      [{ ...daily, at: '9:00' }, ['at']],
      [{ ...daily, timezone: 'Mars/Olympus_Mons' }, ['timezone']],
      [{ ...daily, timezone: '+01:00' }, ['timezone']],
      [{ ...daily, webhookUrl: 'ftp://example.com/hook' }, ['webhookUrl']],
      [{ ...daily, webhookUrl: `https://example.com/${'a'.repeat(2_100)}` }, ['webhookUrl']],
      [{ ...daily, webhookUrl: 'http://127.0.0.1:9/hook' }, ['webhookUrl']],
      [{ ...daily, webhookUrl: 'http://169.254.169.254/latest/meta-data' }, ['webhookUrl']],
      [{ ...daily, webhookUrl: 'https://hook:s3cret@93.184.215.14/hooks' }, ['webhookUrl']],
      [{ ...daily, extra: true }, ['extra']],
      [{ every: 'day' }, ['at']],
    ];
    for (const [body, path] of cases) {
      const answer = await service.api('PUT', schedulePath(id), { token: owner, body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.code).toBe('BAD_REQUEST');
      expect(answer.body.error.details.map((d: { path: unknown }) => d.path)).toContainEqual(path);
    }
    const broken = await service.api('PUT', schedulePath(id), { token: owner, body: '{"every":' });
    expect(broken.status).toBe(400);
    expect((await service.api('GET', schedulePath(id), { token: owner })).status).toBe(404);
  });

  it('PUT creates (201) then replaces (200); GET reads it; DELETE answers 204 and stops it', async () => {
    const id = await createIcp();
    const created = await service.api('PUT', schedulePath(id), { token: owner, body: daily });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({
      icpId: id,
      ...daily,
      webhookUrl: null,
      ended: null,
      // 06:00Z is 07:00 in Paris: the first period starts at 09:00 Paris time today.
      nextDeliveryAt: '2026-12-03T08:00:00.000Z',
      deliveries: [],
    });
    expect(created.body).not.toHaveProperty('webhookSecret');

    const weekly = { every: 'week', at: '08:30', timezone: 'America/New_York' };
    const replaced = await service.api('PUT', schedulePath(id), { token: teammate, body: weekly });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ id: created.body.id, ...weekly });
    // Thursday 2026-12-03: the next ISO week starts Monday 2026-12-07, 08:30 EST.
    expect(replaced.body.nextDeliveryAt).toBe('2026-12-07T13:30:00.000Z');
    const read = await service.api('GET', schedulePath(id), { token: teammate });
    expect(read.body).toEqual(replaced.body);

    const deleted = await service.api('DELETE', schedulePath(id), { token: owner });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    const gone = await service.api('GET', schedulePath(id), { token: owner });
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toBe('This ICP has no delivery schedule');
    expect((await service.api('DELETE', schedulePath(id), { token: owner })).status).toBe(404);
    const wrongMethod = await service.api('POST', schedulePath(id), { token: owner, body: daily });
    expect(wrongMethod.status).toBe(405);
  });

  it('stores the time zone as the time zone database names it', async () => {
    const id = await createIcp();
    const body = { ...daily, timezone: 'europe/paris' };
    const set = await service.api('PUT', schedulePath(id), { token: owner, body });
    expect(set.status).toBe(201);
    expect(set.body.timezone).toBe('Europe/Paris');
    expect((await service.api('GET', schedulePath(id), { token: owner })).body.timezone).toBe(
      'Europe/Paris',
    );
    // A current name the runtime knows by an older alias stays as sent.
    const kolkata = await service.api('PUT', schedulePath(id), {
      token: owner,
      body: { ...daily, timezone: 'Asia/Kolkata' },
    });
    expect(kolkata.body.timezone).toBe('Asia/Kolkata');
    expect((await service.api('DELETE', schedulePath(id), { token: owner })).status).toBe(204);
  });

  it("shows the webhook's signing secret once, in the answer of the PUT that made it", async () => {
    const id = await createIcp();
    const url = 'https://93.184.215.14/hooks/leads';
    const body = { ...daily, webhookUrl: url };
    const first = await service.api('PUT', schedulePath(id), { token: owner, body });
    expect(first.status).toBe(201);
    expect(first.body.webhookUrl).toBe(url);
    expect(first.body.webhookSecret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);

    const read = await service.api('GET', schedulePath(id), { token: owner });
    // The same URL, as a URL parser reads it: the same webhook, the same secret.
    const again = await service.api('PUT', schedulePath(id), {
      token: owner,
      body: { ...body, webhookUrl: 'HTTPS://93.184.215.14:443/hooks/leads' },
    });
    expect(again.body.webhookUrl).toBe(url);
    const moved = await service.api('PUT', schedulePath(id), {
      token: owner,
      body: { ...body, webhookUrl: `${url}/v2` },
    });
    expect(read.body).not.toHaveProperty('webhookSecret');
    expect(again.body).not.toHaveProperty('webhookSecret');
    expect(moved.body.webhookSecret).toMatch(/^whsec_/);
    expect(moved.body.webhookSecret).not.toBe(first.body.webhookSecret);
    const stored = await service.db
      .selectFrom('icp_schedules')
      .select('webhook_secret')
      .where('icp_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.webhook_secret).toBe(moved.body.webhookSecret);
    // No list of this test is to be sent anywhere.
    expect((await service.api('DELETE', schedulePath(id), { token: owner })).status).toBe(204);
  });

  it('delivers one list per period, dated with its bounds, honouring the reuse window, until activeUntil', async () => {
    clock = new Date('2026-12-03T06:00:00.000Z');
    const id = await createIcp({ activeUntil: '2026-12-05T12:00:00.000Z' });
    await service.api('PUT', schedulePath(id), { token: owner, body: daily });

    clock = new Date('2026-12-03T08:00:00.000Z');
    const first = await deliveriesOf(id, 1);
    expect(first.deliveries).toHaveLength(1);
    expect(first.deliveries[0]).toMatchObject({
      periodStart: '2026-12-03T08:00:00.000Z',
      periodEnd: '2026-12-04T08:00:00.000Z',
    });
    expect(first.nextDeliveryAt).toBe('2026-12-04T08:00:00.000Z');
    const list = await service.api('GET', `${LISTS}/${first.deliveries[0].leadListId}`, {
      token: teammate,
    });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({
      icpId: id,
      type: 'person',
      startDate: '2026-12-03T08:00:00.000Z',
      endDate: '2026-12-04T08:00:00.000Z',
      requestedSize: 3,
      createdBy: 'owner',
    });
    expect(list.body.personIds).toHaveLength(3);

    // Still within the period: nothing more.
    clock = new Date('2026-12-04T07:59:00.000Z');
    await sleep(300);
    expect(
      (await service.api('GET', schedulePath(id), { token: owner })).body.deliveries,
    ).toHaveLength(1);

    clock = new Date('2026-12-04T08:00:30.000Z');
    const second = await deliveriesOf(id, 2);
    expect(second.deliveries.map((d: { periodStart: string }) => d.periodStart)).toEqual([
      '2026-12-04T08:00:00.000Z',
      '2026-12-03T08:00:00.000Z',
    ]);
    const secondList = await service.api('GET', `${LISTS}/${second.deliveries[0].leadListId}`, {
      token: owner,
    });
    // minDaysUntilReuse: none of the first list's people again.
    expect(secondList.body.personIds).toHaveLength(3);
    expect(
      secondList.body.personIds.filter((p: string) => list.body.personIds.includes(p)),
    ).toEqual([]);

    // The period starting 2026-12-05 09:00 Paris time begins before activeUntil: delivered.
    clock = new Date('2026-12-05T08:00:00.000Z');
    expect((await deliveriesOf(id, 3)).deliveries).toHaveLength(3);
    const expiring = await service.api('GET', schedulePath(id), { token: owner });
    expect(expiring.body.nextDeliveryAt).toBeNull();
    expect(expiring.body.ended).toBeNull();

    clock = new Date('2026-12-06T09:00:00.000Z');
    await sleep(300);
    const ended = await service.api('GET', schedulePath(id), { token: owner });
    expect(ended.body.deliveries).toHaveLength(3);
    expect(ended.body.ended).toEqual({
      reason: 'activeUntilPassed',
      at: '2026-12-05T12:00:00.000Z',
    });
    expect(ended.body.nextDeliveryAt).toBeNull();
  });

  it('after a downtime over several periods, delivers the latest one once', async () => {
    clock = new Date('2026-12-10T06:00:00.000Z');
    const id = await createIcp({ customFilterCriteria: [] });
    await service.api('PUT', schedulePath(id), { token: owner, body: daily });
    clock = new Date('2026-12-14T12:00:00.000Z');
    const caught = await deliveriesOf(id, 1);
    await sleep(300);
    const after = await service.api('GET', schedulePath(id), { token: owner });
    expect(after.body.deliveries).toHaveLength(1);
    expect(caught.deliveries[0].periodStart).toBe('2026-12-14T08:00:00.000Z');
    expect(await findDueDeliveries(service.db, clock)).not.toContainEqual(
      expect.objectContaining({ icpId: id }),
    );
  });

  it('two deliveries of one period at the same time make one list', async () => {
    clock = new Date('2026-12-20T06:00:00.000Z');
    const id = await createIcp({ customFilterCriteria: [] });
    await service.api('PUT', schedulePath(id), { token: owner, body: daily });
    const job = { icpId: id, periodStart: '2026-12-21T08:00:00.000Z' };
    const at = new Date('2026-12-21T08:00:00.000Z');
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () =>
        deliverPeriod({ db: service.db, transact: transactionPerCall(service.db) }, job, at),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.kind === 'delivered')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.kind === 'alreadyDelivered')).toHaveLength(3);
    const lists = await service.api('GET', `${ICPS}/${id}/lead-lists`, { token: owner });
    expect(lists.body).toHaveLength(1);
  });

  it('a job for a period of a rule since replaced, or of an ICP without a schedule, delivers nothing', async () => {
    clock = new Date('2026-12-21T06:00:00.000Z');
    const id = await createIcp({ customFilterCriteria: [] });
    const deps = { db: service.db, transact: transactionPerCall(service.db) };
    const at = new Date('2026-12-22T08:00:00.000Z');
    const job = { icpId: id, periodStart: '2026-12-22T08:00:00.000Z' };
    expect(await deliverPeriod(deps, job, at)).toEqual({ kind: 'notDue', why: 'noSchedule' });
    await service.api('PUT', schedulePath(id), { token: owner, body: daily });
    await service.api('PUT', schedulePath(id), {
      token: owner,
      body: { ...daily, at: '10:00' },
    });
    expect(await deliverPeriod(deps, job, at)).toEqual({ kind: 'notDue', why: 'ruleChanged' });
    // Before the rule was set: not a period it delivers.
    const before = { icpId: id, periodStart: '2026-12-20T09:00:00.000Z' };
    expect(await deliverPeriod(deps, before, at)).toEqual({ kind: 'notDue', why: 'ruleChanged' });
    expect((await service.api('GET', `${ICPS}/${id}/lead-lists`, { token: owner })).body).toEqual(
      [],
    );
    await service.api('DELETE', schedulePath(id), { token: owner });
  });

  it('deleting the ICP deletes its schedule; its delivered lists stay', async () => {
    clock = new Date('2026-12-22T06:00:00.000Z');
    const id = await createIcp({ customFilterCriteria: [] });
    await service.api('PUT', schedulePath(id), { token: owner, body: daily });
    clock = new Date('2026-12-22T08:00:00.000Z');
    const delivered = await deliveriesOf(id, 1);
    expect((await service.api('DELETE', `${ICPS}/${id}`, { token: owner })).status).toBe(204);
    const schedules = await service.db
      .selectFrom('icp_schedules')
      .select('icp_id')
      .where('icp_id', '=', id)
      .execute();
    expect(schedules).toEqual([]);
    const list = await service.api('GET', `${LISTS}/${delivered.deliveries[0].leadListId}`, {
      token: owner,
    });
    expect(list.status).toBe(200);
    expect(list.body.icpId).toBeNull();
  });
});

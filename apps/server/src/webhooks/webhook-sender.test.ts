import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../test/support/temp-database.js';
import { makeTempDir } from '../../test/support/temp-dir.js';
import { freshTestDatabase, testDatabase } from '../../test/support/test-database.js';
import type { Db } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { openDatabase } from '../db/open-database.js';
import {
  claimDueWebhooks,
  deleteWebhooksOfSchedule,
  enqueueWebhook,
  listWebhookAttempts,
  recordWebhookAttempt,
  redirectWebhooksOfSchedule,
  WEBHOOK_ATTEMPTS_KEPT,
  type WebhookDelivery,
} from './webhook-outbox.js';
import { createWebhookSecret } from './webhook-secret.js';
import {
  startWebhookSender,
  type WebhookSender,
  type WebhookSenderOptions,
} from './webhook-sender.js';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

type Answer = (request: Received, index: number, response: http.ServerResponse) => void;

/** An HTTP receiver on 127.0.0.1 that answers each request as `answer` says, keeping them. */
async function startReceiver(answer: Answer) {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = { headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(entry);
      answer(entry, received.length - 1, response);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  receivers.push(server);
  return { url: `http://127.0.0.1:${port}/hooks/leads`, received };
}

const receivers: http.Server[] = [];
const senders: WebhookSender[] = [];

afterEach(async () => {
  await Promise.all(senders.splice(0).map((sender) => sender.stop()));
  for (const server of receivers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

function sender(options: WebhookSenderOptions): WebhookSender {
  const started = startWebhookSender({ pollIntervalMs: 20, ...options });
  senders.push(started);
  return started;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 10_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const delivery = (url: string, secret: string, scheduleId = 'schedule-1'): WebhookDelivery => ({
  scheduleId,
  icpId: 'icp-1',
  leadListId: 'list-1',
  url,
  secret,
  eventType: 'lead_list.delivered',
  payload: { leadList: { id: 'list-1', personIds: ['p1', 'p2'] } },
});

const enqueue = (db: Db, value: WebhookDelivery, now?: Date) =>
  db.transaction().execute((tx) => enqueueWebhook(tx, value, now ? { now } : {}));

const pending = (db: Db) => db.selectFrom('webhook_deliveries').selectAll().execute();

const verify = (secret: string, request: Received) =>
  new Webhook(secret).verify(request.body, {
    'webhook-id': String(request.headers['webhook-id']),
    'webhook-timestamp': String(request.headers['webhook-timestamp']),
    'webhook-signature': String(request.headers['webhook-signature']),
  });

describe('the webhook sender', () => {
  const database = useTempDatabase();

  it('delivers a signed message on the third attempt after two 500s, with one webhook-id', async () => {
    const secret = createWebhookSecret();
    const receiver = await startReceiver((request, index, response) => {
      // The receiver of the issue: it verifies every request, fails twice, then accepts.
      verify(secret, request);
      response.writeHead(index < 2 ? 500 : 204).end(index < 2 ? 'try later' : undefined);
    });
    const { messageId } = await enqueue(database.db, delivery(receiver.url, secret));
    sender({ db: database.db, allowPrivate: true, retry: { baseMs: 50 } });

    const attempts = await until(
      () => listWebhookAttempts(database.db, 'schedule-1'),
      (found) => found.length === 3,
    );
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((request) => request.headers['webhook-id']))).toEqual(
      new Set([messageId]),
    );
    const verified = verify(secret, receiver.received[2] as Received);
    expect(verified).toEqual({
      type: 'lead_list.delivered',
      timestamp: expect.any(String),
      data: { leadList: { id: 'list-1', personIds: ['p1', 'p2'] } },
    });
    expect(receiver.received[0]?.headers['content-type']).toBe('application/json');
    // Another secret does not verify it.
    expect(() => verify(createWebhookSecret(), receiver.received[2] as Received)).toThrow();

    expect(
      attempts.map(({ attempt, status, error, messageId: id }) => ({ attempt, status, error, id })),
    ).toEqual([
      { attempt: 3, status: 204, error: null, id: messageId },
      { attempt: 2, status: 500, error: 'HTTP 500: try later', id: messageId },
      { attempt: 1, status: 500, error: 'HTTP 500: try later', id: messageId },
    ]);
    expect(attempts[0]?.nextRetryAt).toBeNull();
    for (const failed of attempts.slice(1)) {
      expect(Date.parse(failed.nextRetryAt ?? '')).toBeGreaterThan(Date.parse(failed.attemptedAt));
    }
    expect(await pending(database.db)).toEqual([]);
  });

  it('does not follow a redirect, to the metadata address or anywhere else, and retries', async () => {
    const secret = createWebhookSecret();
    const target = await startReceiver((_, __, response) => response.writeHead(200).end());
    const redirects = [
      'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
      target.url,
    ];
    const receiver = await startReceiver((_, index, response) => {
      response.writeHead(index === 0 ? 307 : 308, { location: redirects[index % 2] }).end();
    });
    await enqueue(database.db, delivery(receiver.url, secret));
    sender({ db: database.db, allowPrivate: true, retry: { baseMs: 20 } });

    const attempts = await until(
      () => listWebhookAttempts(database.db, 'schedule-1'),
      (found) => found.length >= 2,
    );
    expect(
      attempts
        .slice(-2)
        .reverse()
        .map(({ status, error }) => ({ status, error })),
    ).toEqual([
      { status: 307, error: `redirect to ${redirects[0]} not followed` },
      { status: 308, error: `redirect to ${redirects[1]} not followed` },
    ]);
    expect(attempts.every((attempt) => attempt.nextRetryAt !== null)).toBe(true);
    expect(target.received).toHaveLength(0);
  });

  it('gives up a receiver that answers too slowly, and tries it again', async () => {
    const secret = createWebhookSecret();
    const receiver = await startReceiver((_, index, response) => {
      if (index > 0) response.writeHead(200).end();
      // The first request is never answered.
    });
    await enqueue(database.db, delivery(receiver.url, secret));
    const started = Date.now();
    sender({ db: database.db, allowPrivate: true, timeoutMs: 300, retry: { baseMs: 20 } });

    const attempts = await until(
      () => listWebhookAttempts(database.db, 'schedule-1'),
      (found) => found[0]?.status === 200,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(attempts.map(({ status, error }) => ({ status, error }))).toEqual([
      { status: 200, error: null },
      { status: null, error: 'no answer within 0.3 s' },
    ]);
    expect(receiver.received[0]?.headers['webhook-id']).toBe(
      receiver.received[1]?.headers['webhook-id'],
    );
  });

  it('reads no more of an answer than its first bytes, and none of a success', async () => {
    const receiver = await startReceiver((_, index, response) => {
      // Answers that never end: a failure that goes on and on, then a success that does.
      response.writeHead(index === 0 ? 500 : 200);
      const chunk = 'x'.repeat(64 * 1024);
      const more = () => {
        if (!response.destroyed) response.write(chunk, () => setTimeout(more, 5));
      };
      more();
    });
    await enqueue(database.db, delivery(receiver.url, createWebhookSecret()));
    const started = Date.now();
    sender({ db: database.db, allowPrivate: true, timeoutMs: 5_000, retry: { baseMs: 20 } });

    const attempts = await until(
      () => listWebhookAttempts(database.db, 'schedule-1'),
      (found) => found[0]?.status === 200,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(attempts.map(({ status, error }) => ({ status, error }))).toEqual([
      { status: 200, error: null },
      { status: 500, error: `HTTP 500: ${'x'.repeat(200)}` },
    ]);
  });

  it('looks a host name up with the system resolver as it connects', async () => {
    const receiver = await startReceiver((_, __, response) => response.writeHead(202).end());
    const url = receiver.url.replace('127.0.0.1', 'localhost');
    await enqueue(database.db, delivery(url, createWebhookSecret()));
    sender({ db: database.db, allowPrivate: true });

    const [attempt] = await until(
      () => listWebhookAttempts(database.db, 'schedule-1'),
      (found) => found.length === 1,
    );
    expect(attempt).toMatchObject({ status: 202, error: null, nextRetryAt: null });
    expect(receiver.received[0]?.headers.host).toBe(new URL(url).host);
  });

  it('refuses a private address when it sends, not only when the URL was accepted', async () => {
    const receiver = await startReceiver((_, __, response) => response.writeHead(200).end());
    await enqueue(database.db, delivery(receiver.url, createWebhookSecret()));
    sender({ db: database.db, retry: { baseMs: 20 } });

    const [attempt] = await until(
      () => listWebhookAttempts(database.db, 'schedule-1'),
      (found) => found.length >= 1,
    );
    expect(attempt?.status).toBeNull();
    expect(attempt?.error).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(receiver.received).toHaveLength(0);
  });

  it('checks the address again as it connects, so a host rebound to 127.0.0.1 is refused', async () => {
    const receiver = await startReceiver((_, __, response) => response.writeHead(200).end());
    const port = new URL(receiver.url).port;
    const lookups: string[] = [];
    // Public when the URL is checked, loopback when the connection looks it up.
    const resolve = async (hostname: string) => {
      lookups.push(hostname);
      return lookups.length % 2 === 1 ? ['93.184.215.14'] : ['127.0.0.1'];
    };
    await enqueue(
      database.db,
      delivery(`http://rebound.example.com:${port}/hook`, createWebhookSecret()),
    );
    sender({ db: database.db, resolve, retry: { baseMs: 20 } });

    const [attempt] = await until(
      () => listWebhookAttempts(database.db, 'schedule-1'),
      (found) => found.length >= 1,
    );
    expect(lookups.slice(0, 2)).toEqual(['rebound.example.com', 'rebound.example.com']);
    expect(attempt?.status).toBeNull();
    expect(attempt?.error).toMatch(
      /refused to connect: rebound\.example\.com resolves to 127\.0\.0\.1, which is a loopback/,
    );
    expect(receiver.received).toHaveLength(0);
  });

  it('retries for 24 h after the first attempt, then gives up and says so', async () => {
    const secret = createWebhookSecret();
    const receiver = await startReceiver((_, __, response) => response.writeHead(503).end());
    let now = new Date('2026-12-03T08:00:00.000Z');
    const first = now.getTime();
    await enqueue(database.db, delivery(receiver.url, secret), now);
    // The clock jumps to each retry as soon as it is recorded.
    sender({ db: database.db, allowPrivate: true, now: () => now });
    const attempts = await until(
      async () => {
        const found = await listWebhookAttempts(database.db, 'schedule-1');
        const retryAt = found[0]?.nextRetryAt;
        if (retryAt) now = new Date(retryAt);
        return found;
      },
      (found) => found.length > 0 && found[0]?.nextRetryAt === null,
      20_000,
    );
    const times = attempts.map((attempt) => Date.parse(attempt.attemptedAt)).reverse();
    expect(times[0]).toBe(first);
    expect(times.at(-1)).toBe(first + 24 * 3_600_000);
    const waits = times.slice(1).map((time, index) => time - (times[index] as number));
    expect(waits[0]).toBeGreaterThanOrEqual(5_000);
    expect(waits[0]).toBeLessThanOrEqual(10_000);
    expect(waits[4]).toBeGreaterThanOrEqual(80_000);
    expect(Math.max(...waits)).toBeLessThanOrEqual(2 * 3_600_000);
    expect(attempts[0]?.error).toBe('HTTP 503; given up after 24 h');
    expect(attempts.slice(1).every((attempt) => attempt.error === 'HTTP 503')).toBe(true);
    expect(receiver.received).toHaveLength(attempts.length);
    expect(await pending(database.db)).toEqual([]);
  });

  it('ends an attempt under way when stopped, and records it for a later retry', async () => {
    const receiver = await startReceiver(() => {});
    const { messageId } = await enqueue(database.db, delivery(receiver.url, createWebhookSecret()));
    const running = sender({ db: database.db, allowPrivate: true, timeoutMs: 30_000 });
    await until(
      async () => receiver.received.length,
      (count) => count === 1,
    );
    const stopping = Date.now();
    await running.stop();
    expect(Date.now() - stopping).toBeLessThan(2_000);
    const [attempt] = await listWebhookAttempts(database.db, 'schedule-1');
    expect(attempt).toMatchObject({
      messageId,
      status: null,
      error: expect.stringMatching(/stopped/),
    });
    expect(await pending(database.db)).toEqual([
      expect.objectContaining({
        id: messageId,
        next_attempt_at: attempt?.nextRetryAt,
        claim_token: null,
      }),
    ]);
  });

  it('gives a message up at once when its secret cannot sign', async () => {
    const receiver = await startReceiver((_, __, response) => response.writeHead(200).end());
    await enqueue(database.db, delivery(receiver.url, 'whsec_not*base64*at*all'));
    sender({ db: database.db, allowPrivate: true });

    const [attempt] = await until(
      () => listWebhookAttempts(database.db, 'schedule-1'),
      (found) => found.length === 1,
    );
    expect(attempt).toMatchObject({ status: null, nextRetryAt: null });
    expect(attempt?.error).toMatch(/^could not sign: /);
    expect(receiver.received).toHaveLength(0);
    expect(await pending(database.db)).toEqual([]);
  });

  it('writes a message only when its transaction commits', async () => {
    const failed = database.db.transaction().execute(async (tx) => {
      await enqueueWebhook(tx, delivery('https://hooks.example.com/', createWebhookSecret()));
      throw new Error('the list was not stored');
    });
    await expect(failed).rejects.toThrow(/not stored/);
    expect(await pending(database.db)).toEqual([]);
  });

  it('forgets the messages and attempts of a deleted schedule', async () => {
    const secret = createWebhookSecret();
    await enqueue(database.db, delivery('https://hooks.example.com/', secret, 'gone'));
    await enqueue(database.db, delivery('https://hooks.example.com/', secret, 'kept'));
    const now = new Date();
    for (const claimed of await claimDueWebhooks(database.db, now, 10, 60_000)) {
      await recordWebhookAttempt(database.db, claimed, {
        attempt: 1,
        attemptedAt: now.toISOString(),
        status: 500,
        error: 'HTTP 500',
        nextRetryAt: now.toISOString(),
      });
    }
    await database.db.transaction().execute((tx) => deleteWebhooksOfSchedule(tx, 'gone'));
    expect((await pending(database.db)).map((row) => row.schedule_id)).toEqual(['kept']);
    expect(await listWebhookAttempts(database.db, 'gone')).toEqual([]);
    expect(await listWebhookAttempts(database.db, 'kept')).toHaveLength(1);
  });

  it('takes back a claim under way when the URL changes: that attempt is not recorded', async () => {
    const oldSecret = createWebhookSecret();
    const newSecret = createWebhookSecret();
    const start = new Date('2026-12-03T08:00:00.000Z');
    const { messageId } = await enqueue(
      database.db,
      delivery('https://old.example.com/', oldSecret),
      start,
    );
    const [claimed] = await claimDueWebhooks(database.db, start, 10, 60_000);
    if (claimed === undefined) throw new Error('nothing due');
    const changedAt = new Date(start.getTime() + 1_000);
    await database.db
      .transaction()
      .execute((tx) =>
        redirectWebhooksOfSchedule(
          tx,
          'schedule-1',
          { url: 'https://new.example.com/', secret: newSecret },
          changedAt,
        ),
      );
    // The attempt to the old URL ends after the change: whatever it got, nothing is recorded.
    await recordWebhookAttempt(database.db, claimed, {
      attempt: 1,
      attemptedAt: changedAt.toISOString(),
      status: 200,
      error: null,
      nextRetryAt: null,
    });
    expect(await listWebhookAttempts(database.db, 'schedule-1')).toEqual([]);
    const [again] = await claimDueWebhooks(database.db, changedAt, 10, 60_000);
    expect(again).toMatchObject({
      id: messageId,
      url: 'https://new.example.com/',
      secret: newSecret,
      attempts: 0,
      first_attempt_at: changedAt.toISOString(),
    });
    expect(again?.claim_token).not.toBe(claimed.claim_token);
  });

  it('counts the backoff and the 24 h again from a change of URL, numbering attempts on', async () => {
    const receiver = await startReceiver((_, __, response) => response.writeHead(503).end());
    const start = Date.parse('2026-12-03T08:00:00.000Z');
    await enqueue(
      database.db,
      delivery('https://old.example.com/', createWebhookSecret()),
      new Date(start),
    );
    // Six failed attempts to the old URL over 20 h.
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      const at = new Date(start + (attempt - 1) * 4 * 3_600_000);
      const [claimed] = await claimDueWebhooks(database.db, at, 1, 500);
      if (claimed === undefined) throw new Error('nothing due');
      await recordWebhookAttempt(database.db, claimed, {
        attempt,
        attemptedAt: at.toISOString(),
        status: 500,
        error: 'HTTP 500',
        nextRetryAt: new Date(at.getTime() + 4 * 3_600_000).toISOString(),
      });
    }
    const changedAt = start + 21 * 3_600_000;
    await database.db
      .transaction()
      .execute((tx) =>
        redirectWebhooksOfSchedule(
          tx,
          'schedule-1',
          { url: receiver.url, secret: createWebhookSecret() },
          new Date(changedAt),
        ),
      );
    let now = new Date(changedAt);
    // The longest wait each time (a jitter of 1), the clock jumping to each retry.
    sender({ db: database.db, allowPrivate: true, now: () => now, random: () => 1 });
    const attempts = await until(
      async () => {
        const found = await listWebhookAttempts(database.db, 'schedule-1');
        const [latest] = found;
        if (latest !== undefined && latest.attempt > 6 && latest.nextRetryAt !== null) {
          now = new Date(latest.nextRetryAt);
        }
        return found;
      },
      (found) => found[0]?.nextRetryAt === null,
      20_000,
    );
    const after = attempts.filter((attempt) => attempt.attempt > 6).reverse();
    expect(after.map((attempt) => attempt.attempt)).toEqual(
      Array.from({ length: after.length }, (_, index) => 7 + index),
    );
    const times = after.map((attempt) => Date.parse(attempt.attemptedAt));
    expect(times[0]).toBe(changedAt);
    // 10 s, then 20 s: the first retries of a fresh message, not the sixth's 2 h.
    expect((times[1] as number) - (times[0] as number)).toBe(10_000);
    expect((times[2] as number) - (times[1] as number)).toBe(20_000);
    expect(times.at(-1)).toBe(changedAt + 24 * 3_600_000);
    expect(after.at(-1)?.error).toBe('HTTP 503; given up after 24 h');
    expect(receiver.received).toHaveLength(after.length);
  });

  it(`keeps the newest ${WEBHOOK_ATTEMPTS_KEPT} attempts of a schedule`, async () => {
    const start = Date.parse('2026-12-03T08:00:00.000Z');
    const secret = createWebhookSecret();
    await enqueue(database.db, delivery('https://hooks.example.com/', secret), new Date(start));
    const total = WEBHOOK_ATTEMPTS_KEPT + 5;
    for (let attempt = 1; attempt <= total; attempt += 1) {
      const at = new Date(start + attempt * 1_000);
      const [claimed] = await claimDueWebhooks(database.db, at, 1, 500);
      if (claimed === undefined) throw new Error('nothing due');
      await recordWebhookAttempt(database.db, claimed, {
        attempt,
        attemptedAt: at.toISOString(),
        status: 500,
        error: 'HTTP 500',
        nextRetryAt: at.toISOString(),
      });
    }
    const kept = await listWebhookAttempts(database.db, 'schedule-1');
    expect(kept.map((attempt) => attempt.attempt)).toEqual(
      Array.from({ length: WEBHOOK_ATTEMPTS_KEPT }, (_, index) => total - index),
    );
    const stored = await database.db.selectFrom('webhook_attempts').select('attempt').execute();
    expect(stored).toHaveLength(WEBHOOK_ATTEMPTS_KEPT);
  });
});

describe('webhook senders sharing a database', () => {
  it('never claim one message twice, however many claim at once', async () => {
    const dir = makeTempDir();
    const fresh = await freshTestDatabase(dir.path);
    const first = openDatabase(fresh.url).db;
    const second = testDatabase === 'postgres' ? openDatabase(fresh.url).db : first;
    try {
      await migrateToLatest(first);
      const count = 40;
      for (let index = 0; index < count; index += 1) {
        await enqueue(first, delivery('https://hooks.example.com/', createWebhookSecret()));
      }
      const now = new Date(Date.now() + 1_000);
      const claims = await Promise.all(
        Array.from({ length: 16 }, (_, index) =>
          claimDueWebhooks(index % 2 === 0 ? first : second, now, 5, 60_000),
        ),
      );
      const ids = claims.flat().map((claimed) => claimed.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBeGreaterThan(0);
      // What was claimed is not due again until its lease ends.
      expect(await claimDueWebhooks(first, now, count, 60_000)).toHaveLength(count - ids.length);
    } finally {
      await first.destroy();
      if (second !== first) await second.destroy();
      await fresh.drop();
      dir.remove();
    }
  });

  it(`send each message once (${testDatabase === 'postgres' ? 'two connection pools, as two replicas' : 'one SQLite process'})`, async () => {
    const dir = makeTempDir();
    const fresh = await freshTestDatabase(dir.path);
    const first = openDatabase(fresh.url).db;
    // On PostgreSQL each sender has a pool of its own, as a replica would.
    const second = testDatabase === 'postgres' ? openDatabase(fresh.url).db : first;
    try {
      await migrateToLatest(first);
      const secret = createWebhookSecret();
      const receiver = await startReceiver((request, _, response) => {
        verify(secret, request);
        setTimeout(() => response.writeHead(200).end(), 30);
      });
      const count = 30;
      for (let index = 0; index < count; index += 1) {
        await enqueue(first, delivery(receiver.url, secret));
      }
      for (const db of [first, second]) {
        sender({ db, allowPrivate: true, batchSize: 3, pollIntervalMs: 5 });
      }
      await until(
        () => listWebhookAttempts(first, 'schedule-1'),
        (found) => found.length >= count,
      );
      await Promise.all(senders.splice(0).map((running) => running.stop()));
      const ids = receiver.received.map((request) => String(request.headers['webhook-id']));
      expect(ids).toHaveLength(count);
      expect(new Set(ids).size).toBe(count);
      const attempts = await listWebhookAttempts(first, 'schedule-1');
      expect(attempts).toHaveLength(count);
      expect(attempts.every((attempt) => attempt.attempt === 1 && attempt.status === 200)).toBe(
        true,
      );
      expect(await pending(first)).toEqual([]);
    } finally {
      await first.destroy();
      if (second !== first) await second.destroy();
      await fresh.drop();
      dir.remove();
    }
  });
});

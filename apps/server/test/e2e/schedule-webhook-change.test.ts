import { existsSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep } from '../support/server-process.js';
import { makeTempDir } from '../support/temp-dir.js';
import { startTestService, type TestService } from '../support/test-service.js';

const ICPS = '/api/v1/entities/icps';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

interface Receiver {
  url: string;
  received: Received[];
  server: Server;
}

/** A receiver on 127.0.0.1 answering every request with `status`. */
async function startReceiver(status: number): Promise<Receiver> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.statusCode = status;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/leads`, received, server };
}

const headersOf = (request: Received) => ({
  'webhook-id': String(request.headers['webhook-id']),
  'webhook-timestamp': String(request.headers['webhook-timestamp']),
  'webhook-signature': String(request.headers['webhook-signature']),
});

async function waitFor(received: Received[], count: number) {
  const deadline = Date.now() + 15_000;
  while (received.length < count && Date.now() < deadline) await sleep(50);
  expect(received).toHaveLength(count);
}

/**
 * A user who fixes a broken webhook URL gets the messages still waiting at the new one, signed
 * with the new secret, at once; the old URL gets nothing more. Taking the URL away drops them.
 */
describe('changing the webhook of a schedule', () => {
  let service: TestService;
  let broken: Receiver;
  let fixed: Receiver;
  // Near the real time: a receiver's verifier refuses timestamps more than 5 minutes off.
  const start = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 2 * 60_000);
  let clock = new Date();
  const rule = { every: 'day', at: start.toISOString().slice(11, 16), timezone: 'UTC' };

  beforeAll(async () => {
    broken = await startReceiver(500);
    fixed = await startReceiver(204);
    service = await startTestService(
      // Retries an hour apart: none is due again by the test's clock unless the change makes it.
      { SCHEDULE_POLL_MS: '50', WEBHOOK_ALLOW_PRIVATE: 'on', WEBHOOK_RETRY_BASE_MS: '3600000' },
      { now: () => clock },
    );
  });
  afterAll(async () => {
    await service.stop();
    for (const receiver of [broken, fixed]) {
      receiver.server.closeAllConnections();
      await new Promise((resolve) => receiver.server.close(resolve));
    }
  });

  const scheduledIcp = async (token: string, name: string, webhookUrl: string) => {
    const icp = await service.api('POST', ICPS, {
      token,
      body: { name, leadProviderCriteria: [], customFilterCriteria: [], userIds: [] },
    });
    const path = `${ICPS}/${icp.body.id}/schedule`;
    const set = await service.api('PUT', path, { token, body: { ...rule, webhookUrl } });
    expect(set.status, set.text).toBe(201);
    return { path, secret: set.body.webhookSecret as string };
  };

  it('sends the waiting message to the new URL, signed with its new secret, and not to the old', async () => {
    const token = await service.tokenFor('hook_fixer');
    const { path, secret: oldSecret } = await scheduledIcp(token, 'Fixed hook', broken.url);
    clock = start;
    await waitFor(broken.received, 1);

    const changed = await service.api('PUT', path, {
      token,
      body: { ...rule, webhookUrl: fixed.url },
    });
    expect(changed.status, changed.text).toBe(200);
    const newSecret: string = changed.body.webhookSecret;
    expect(newSecret).not.toBe(oldSecret);
    // Due at once, although the failed attempt's retry is an hour away by the same clock.
    await waitFor(fixed.received, 1);

    const [toBroken] = broken.received as [Received];
    const [toFixed] = fixed.received as [Received];
    expect(headersOf(toFixed)['webhook-id']).toBe(headersOf(toBroken)['webhook-id']);
    expect(toFixed.body).toBe(toBroken.body);
    expect(new Webhook(newSecret).verify(toFixed.body, headersOf(toFixed))).toMatchObject({
      type: 'leadlist.delivered',
    });
    expect(() => new Webhook(oldSecret).verify(toFixed.body, headersOf(toFixed))).toThrow();

    // Long after every retry the old URL would have had: it got nothing more.
    clock = new Date(start.getTime() + 23 * 3_600_000);
    await sleep(1_500);
    expect(broken.received).toHaveLength(1);
    expect(fixed.received).toHaveLength(1);
    const recorded = (await service.api('GET', path, { token })).body.webhookAttempts;
    expect(
      recorded.map((attempt: { attempt: number; status: number | null }) => [
        attempt.attempt,
        attempt.status,
      ]),
    ).toEqual([
      [2, 204],
      [1, 500],
    ]);
  });

  it('drops the waiting message when the URL is taken away, keeping the attempts made, none to come', async () => {
    clock = start;
    const token = await service.tokenFor('hook_remover');
    const before = broken.received.length;
    const { path } = await scheduledIcp(token, 'Removed hook', broken.url);
    await waitFor(broken.received, before + 1);

    const removed = await service.api('PUT', path, { token, body: rule });
    expect(removed.status, removed.text).toBe(200);
    expect(removed.body.webhookUrl).toBeNull();

    clock = new Date(start.getTime() + 23 * 3_600_000);
    await sleep(1_500);
    expect(broken.received).toHaveLength(before + 1);
    const state = (await service.api('GET', path, { token })).body;
    expect(state.webhookAttempts).toEqual([
      expect.objectContaining({ attempt: 1, status: 500, nextRetryAt: null }),
    ]);
    expect(fixed.received).toHaveLength(1);
  });
});

/**
 * A list delivered while the URL is being changed: the delivery holds the schedule's row until
 * it commits, so the change waits for it and then sends its message to the new URL too.
 */
describe('changing the webhook while a list is being delivered', () => {
  let service: TestService;
  let old: Receiver;
  let current: Receiver;
  const dir = makeTempDir();
  const pauseFile = join(dir.path, 'delivery-paused');
  const start = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 2 * 60_000);
  let clock = new Date();
  const rule = { every: 'day', at: start.toISOString().slice(11, 16), timezone: 'UTC' };

  beforeAll(async () => {
    // The old receiver fails: the message waits (its retry an hour away) whenever it is tried.
    old = await startReceiver(500);
    current = await startReceiver(204);
    service = await startTestService(
      {
        SCHEDULE_POLL_MS: '50',
        WEBHOOK_ALLOW_PRIVATE: 'on',
        WEBHOOK_RETRY_BASE_MS: '3600000',
        TEST_DELIVERY_PAUSE_FILE: pauseFile,
      },
      { now: () => clock },
    );
  });
  afterAll(async () => {
    rmSync(pauseFile, { force: true });
    await service.stop();
    for (const receiver of [old, current]) {
      receiver.server.closeAllConnections();
      await new Promise((resolve) => receiver.server.close(resolve));
    }
    dir.remove();
  });

  it('sends the message of a delivery under way to the URL the change sets', async () => {
    const token = await service.tokenFor('hook_racer');
    const icp = await service.api('POST', ICPS, {
      token,
      body: { name: 'Racing', leadProviderCriteria: [], customFilterCriteria: [], userIds: [] },
    });
    const path = `${ICPS}/${icp.body.id}/schedule`;
    const set = await service.api('PUT', path, { token, body: { ...rule, webhookUrl: old.url } });
    expect(set.status, set.text).toBe(201);

    clock = start;
    const deadline = Date.now() + 15_000;
    while (!existsSync(pauseFile) && Date.now() < deadline) await sleep(20);
    expect(existsSync(pauseFile)).toBe(true);
    // The delivery has written its list and message, and waits before committing.
    let answered = false;
    const change = service
      .api('PUT', path, { token, body: { ...rule, webhookUrl: current.url } })
      .finally(() => {
        answered = true;
      });
    await sleep(500);
    expect(answered).toBe(false);
    rmSync(pauseFile);

    const changed = await change;
    expect(changed.status, changed.text).toBe(200);
    await waitFor(current.received, 1);
    const [request] = current.received as [Received];
    expect(
      new Webhook(changed.body.webhookSecret).verify(request.body, headersOf(request)),
    ).toMatchObject({ type: 'leadlist.delivered', data: { icpId: icp.body.id } });
    await sleep(1_500);
    // Once the delivery committed, the sender may have tried the old URL before the change did.
    expect(old.received.length).toBeLessThanOrEqual(1);
    expect(current.received).toHaveLength(1);
  });
});

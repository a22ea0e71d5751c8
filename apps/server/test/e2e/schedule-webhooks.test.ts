import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep } from '../support/server-process.js';
import { startTestService, type TestService } from '../support/test-service.js';

const ICPS = '/api/v1/entities/icps';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A delivered list reaches the schedule's webhook as a Standard Webhooks request the
 * `standardwebhooks` verifier accepts with the secret the PUT answered; a failed attempt is
 * retried with the same `webhook-id`, and both are in the schedule's record.
 */
describe('the webhook of a schedule', () => {
  let service: TestService;
  let receiver: Server;
  let receiverUrl: string;
  const received: Received[] = [];
  // Near the real time: a receiver's verifier refuses timestamps more than 5 minutes off.
  const start = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 2 * 60_000);
  let clock = new Date();

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.statusCode = received.length === 1 ? 500 : 204;
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/leads`;
    service = await startTestService(
      { SCHEDULE_POLL_MS: '50', WEBHOOK_ALLOW_PRIVATE: 'on', WEBHOOK_RETRY_BASE_MS: '1000' },
      { now: () => clock },
    );
  });
  afterAll(async () => {
    await service.stop();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('is signed with the secret shown once, retried after a failure, and recorded', async () => {
    const token = await service.tokenFor('hook_owner');
    const icp = await service.api('POST', ICPS, {
      token,
      body: { name: 'Hooked', leadProviderCriteria: [], customFilterCriteria: [], userIds: [] },
    });
    const path = `${ICPS}/${icp.body.id}/schedule`;
    const set = await service.api('PUT', path, {
      token,
      body: {
        every: 'day',
        at: start.toISOString().slice(11, 16),
        timezone: 'UTC',
        webhookUrl: receiverUrl,
      },
    });
    expect(set.status, set.text).toBe(201);
    const secret: string = set.body.webhookSecret;

    clock = start;
    const waitFor = async (count: number) => {
      const deadline = Date.now() + 15_000;
      while (received.length < count && Date.now() < deadline) await sleep(50);
      expect(received).toHaveLength(count);
    };
    await waitFor(1);
    // The retry is due within 1 s of the failure, by the service's clock.
    clock = new Date(start.getTime() + 60_000);
    await waitFor(2);

    const [first, second] = received as [Received, Received];
    const headersOf = (request: Received) => ({
      'webhook-id': String(request.headers['webhook-id']),
      'webhook-timestamp': String(request.headers['webhook-timestamp']),
      'webhook-signature': String(request.headers['webhook-signature']),
    });
    expect(headersOf(second)['webhook-id']).toBe(headersOf(first)['webhook-id']);
    expect(second.body).toBe(first.body);
    const message = new Webhook(secret).verify(second.body, headersOf(second));
    expect(() =>
      new Webhook(`whsec_${Buffer.from('another secret!!').toString('base64')}`).verify(
        second.body,
        headersOf(second),
      ),
    ).toThrow();

    const state = await service.api('GET', path, { token });
    expect(state.body.deliveries).toHaveLength(1);
    expect(message).toMatchObject({
      type: 'leadlist.delivered',
      data: {
        icpId: icp.body.id,
        period: {
          start: start.toISOString(),
          end: new Date(start.getTime() + 86_400_000).toISOString(),
        },
        leadList: { id: state.body.deliveries[0].leadListId, icpId: icp.body.id },
      },
    });
    await sleep(200);
    const recorded = (await service.api('GET', path, { token })).body.webhookAttempts;
    expect(recorded.map((attempt: { status: number | null }) => attempt.status)).toEqual([
      204, 500,
    ]);
    expect(recorded[0]).toMatchObject({
      messageId: headersOf(first)['webhook-id'],
      attempt: 2,
      nextRetryAt: null,
    });
  });
});

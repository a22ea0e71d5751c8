import { once } from 'node:events';
import type { IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../test/support/temp-database.js';
import { enqueueWebhook, listWebhookAttempts, type WebhookAttempt } from './webhook-outbox.js';
import { createWebhookSecret } from './webhook-secret.js';
import { startWebhookSender, type WebhookSender } from './webhook-sender.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A self-signed certificate (and its key) for the names it is given. */
async function certificateFor(altNames: { type: 2; value: string }[] | { type: 7; ip: string }[]) {
  const pems = await generate([{ name: 'commonName', value: 'webhook receiver' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

const servers: https.Server[] = [];
const senders: WebhookSender[] = [];

afterEach(async () => {
  await Promise.all(senders.splice(0).map((sender) => sender.stop()));
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

/** An HTTPS receiver on 127.0.0.1 with `certificate`, answering 204 and keeping each request. */
async function startHttpsReceiver(certificate: { key: string; cert: string }) {
  const received: Received[] = [];
  const server = https.createServer(certificate, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(204).end();
    });
  });
  // A refused handshake is the sender's to record; the receiver only sees it end.
  server.on('tlsClientError', () => {});
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  return { url: `https://127.0.0.1:${port}/hooks/leads`, received };
}

async function firstAttempt(read: () => Promise<WebhookAttempt[]>): Promise<WebhookAttempt> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const [attempt] = await read();
    if (attempt !== undefined) return attempt;
    if (Date.now() > deadline) throw new Error('no attempt was recorded');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('webhooks to https receivers', () => {
  const database = useTempDatabase();

  const send = async (url: string, secret: string, ca?: string) => {
    await database.db.transaction().execute((tx) =>
      enqueueWebhook(tx, {
        scheduleId: 'schedule-1',
        icpId: 'icp-1',
        leadListId: 'list-1',
        url,
        secret,
        eventType: 'leadlist.delivered',
        payload: { leadList: { id: 'list-1' } },
      }),
    );
    const sender = startWebhookSender({
      db: database.db,
      allowPrivate: true,
      pollIntervalMs: 20,
      retry: { baseMs: 60_000 },
      ...(ca !== undefined && { ca }),
    });
    senders.push(sender);
    return firstAttempt(() => listWebhookAttempts(database.db, 'schedule-1'));
  };

  it('delivers over TLS to a receiver whose certificate is trusted, signed as Standard Webhooks', async () => {
    const certificate = await certificateFor([{ type: 7, ip: '127.0.0.1' }]);
    const receiver = await startHttpsReceiver(certificate);
    const secret = createWebhookSecret();

    const attempt = await send(receiver.url, secret, certificate.cert);

    expect(attempt).toMatchObject({ attempt: 1, status: 204, error: null, nextRetryAt: null });
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received as [Received];
    const message = new Webhook(secret).verify(request.body, {
      'webhook-id': String(request.headers['webhook-id']),
      'webhook-timestamp': String(request.headers['webhook-timestamp']),
      'webhook-signature': String(request.headers['webhook-signature']),
    });
    expect(message).toMatchObject({
      type: 'leadlist.delivered',
      data: { leadList: { id: 'list-1' } },
    });
  });

  it('refuses a self-signed certificate it was not told to trust, and records a failed attempt', async () => {
    const receiver = await startHttpsReceiver(await certificateFor([{ type: 7, ip: '127.0.0.1' }]));

    const attempt = await send(receiver.url, createWebhookSecret());

    expect(attempt).toMatchObject({ attempt: 1, status: null, nextRetryAt: expect.any(String) });
    expect(attempt.error).toBe(
      'certificate refused: self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)',
    );
    expect(receiver.received).toHaveLength(0);
  });

  it('refuses a trusted certificate made out to another host', async () => {
    const certificate = await certificateFor([{ type: 2, value: 'hooks.example.com' }]);
    const receiver = await startHttpsReceiver(certificate);

    const attempt = await send(receiver.url, createWebhookSecret(), certificate.cert);

    expect(attempt).toMatchObject({ status: null, nextRetryAt: expect.any(String) });
    expect(attempt.error).toMatch(
      /^certificate refused: .*127\.0\.0\.1.* \(ERR_TLS_CERT_ALTNAME_INVALID\)$/,
    );
    expect(receiver.received).toHaveLength(0);
  });
});

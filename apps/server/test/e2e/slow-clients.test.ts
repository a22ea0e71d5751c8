import { once } from 'node:events';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../support/test-service.js';

/** Opens a raw connection, sends `sent`, and resolves with what came back once it closed. */
async function rawExchange(
  service: TestService,
  sent: string,
  keepSending?: { everyMs: number; chunk: string },
): Promise<{ answer: string; closedAfterMs: number }> {
  const { hostname, port } = new URL(service.url);
  const socket = connect({ host: hostname, port: Number(port) });
  await once(socket, 'connect');
  const started = Date.now();
  let answer = '';
  socket.on('data', (chunk) => {
    answer += chunk;
  });
  socket.on('error', () => {});
  socket.write(sent);
  const trickle =
    keepSending === undefined
      ? undefined
      : setInterval(() => socket.writable && socket.write(keepSending.chunk), keepSending.everyMs);
  await once(socket, 'close');
  if (trickle !== undefined) clearInterval(trickle);
  return { answer, closedAfterMs: Date.now() - started };
}

describe('slow and oversized clients', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ HEADERS_TIMEOUT_MS: '1000', REQUEST_TIMEOUT_MS: '2000' });
  });
  afterAll(() => service.stop());

  it('cuts off a client that trickles its headers forever (slowloris)', async () => {
    const { answer, closedAfterMs } = await rawExchange(
      service,
      'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n',
      { everyMs: 200, chunk: 'X-Slow: 1\r\n' },
    );

    expect(closedAfterMs).toBeLessThan(10_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408|^$/);
  });

  it('cuts off a client that sends its headers but never all of its body', async () => {
    // The local sign-in reads its body before anything else, so only the timeout can end this.
    const { answer, closedAfterMs } = await rawExchange(
      service,
      'POST /trpc/auth.localSignIn HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"us',
    );

    expect(closedAfterMs).toBeLessThan(10_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408|^$/);
  });

  it('refuses request headers beyond 16 KiB with 431, before the app', async () => {
    const { answer } = await rawExchange(
      service,
      `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\nConnection: close\r\n\r\n`,
    );

    expect(answer).toMatch(/^HTTP\/1\.1 431/);
  });

  it('still serves a normal client meanwhile', async () => {
    const response = await service.api('GET', '/healthz');
    expect(response.status).toBe(200);
  });
});

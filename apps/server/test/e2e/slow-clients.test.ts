import { once } from 'node:events';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFigures } from '../support/suite-figures.js';
import { startTestService, type TestService } from '../support/test-service.js';

let misbehavingClients = 0;

/** Opens a raw connection, sends `sent`, and resolves with what came back once it closed. */
async function rawExchange(
  service: TestService,
  sent: string,
  keepSending?: { everyMs: number; chunk: string },
): Promise<{ answer: string; closedAfterMs: number }> {
  const { hostname, port } = new URL(service.url);
  misbehavingClients += 1;
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

/** The status line and the JSON body of a raw HTTP answer. */
const parsed = (answer: string) => ({
  statusLine: answer.split('\r\n')[0],
  body: JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)),
});

const timedOut = {
  statusLine: 'HTTP/1.1 408 Request Timeout',
  body: { error: { code: 'REQUEST_TIMEOUT', message: 'The request took too long to arrive' } },
};

describe('slow and oversized clients', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ HEADERS_TIMEOUT_MS: '1000', REQUEST_TIMEOUT_MS: '2000' });
  });
  afterAll(async () => {
    reportFigures('slow, oversized and malformed clients', {
      requestsSent: misbehavingClients,
      faultsInjected: misbehavingClients,
    });
    await service.stop();
  });

  it('cuts off a client that trickles its headers forever (slowloris)', async () => {
    const { answer, closedAfterMs } = await rawExchange(
      service,
      'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n',
      { everyMs: 200, chunk: 'X-Slow: 1\r\n' },
    );

    expect(closedAfterMs).toBeLessThan(10_000);
    expect(parsed(answer)).toEqual(timedOut);
  });

  it('cuts off a client that sends its headers but never all of its body', async () => {
    // The local sign-in reads its body before anything else, so only the timeout can end this.
    const { answer, closedAfterMs } = await rawExchange(
      service,
      'POST /trpc/auth.localSignIn HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"us',
    );

    expect(closedAfterMs).toBeLessThan(10_000);
    expect(parsed(answer)).toEqual(timedOut);
  });

  it.each([
    [
      'headers',
      `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\nConnection: close\r\n\r\n`,
    ],
    [
      'a request line',
      `GET /api/v1/entities/icps?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`,
    ],
  ])('refuses %s beyond 16 KiB with 431 in the envelope, before the app', async (_, sent) => {
    const { answer } = await rawExchange(service, sent);

    expect(parsed(answer)).toEqual({
      statusLine: 'HTTP/1.1 431 Request Header Fields Too Large',
      body: {
        error: {
          code: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
          message: 'The request line and headers may take at most 16 KiB',
        },
      },
    });
    expect(answer).toMatch(/\r\nX-Request-Id: [\w-]+\r\n/i);
  });

  it('answers bytes that are not HTTP with 400 in the envelope', async () => {
    const { answer } = await rawExchange(service, 'HELLO THERE\r\n\r\n');

    expect(parsed(answer)).toEqual({
      statusLine: 'HTTP/1.1 400 Bad Request',
      body: { error: { code: 'BAD_REQUEST', message: 'The request is not valid HTTP' } },
    });
  });

  it('still serves a normal client meanwhile', async () => {
    const response = await service.api('GET', '/healthz');
    expect(response.status).toBe(200);
  });
});

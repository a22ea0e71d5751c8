import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestService, type TestService } from '../support/test-service.js';

const ICPS = '/api/v1/entities/icps';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids and structured request logs', () => {
  let service: TestService;
  let token: string;
  const written: string[] = [];

  beforeAll(async () => {
    const write = process.stdout.write.bind(process.stdout);
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk, ...rest) => {
      written.push(String(chunk));
      return write(chunk, ...(rest as []));
    });
    service = await startTestService({ LOG_REQUESTS: 'on' });
    token = await service.apiKeyFor('user_logged');
  });
  afterAll(async () => {
    await service.stop();
    vi.restoreAllMocks();
  });

  const logLines = () =>
    written
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  it('gives every response an X-Request-Id, keeping a safe one sent by a proxy', async () => {
    const fresh = await service.api('GET', '/healthz');
    const forwarded = await service.api('GET', '/healthz', {
      headers: { 'x-request-id': 'edge-42' },
    });
    const unsafe = await service.api('GET', '/healthz', {
      headers: { 'x-request-id': '{"forged":true}' },
    });
    const failed = await service.api('GET', ICPS);

    expect(fresh.headers.get('x-request-id')).toMatch(UUID);
    expect(forwarded.headers.get('x-request-id')).toBe('edge-42');
    expect(unsafe.headers.get('x-request-id')).toMatch(UUID);
    expect(failed.status).toBe(401);
    expect(failed.headers.get('x-request-id')).toMatch(UUID);
  });

  it('logs one JSON line per request, and never a token, a body or a query string', async () => {
    const created = await service.api('POST', ICPS, {
      token,
      body: {
        name: 'TOP-SECRET-NAME',
        leadProviderCriteria: [],
        customFilterCriteria: [],
        userIds: [],
      },
    });
    const read = await service.api('GET', '/v2/recommendations/icp?externalUserId=private-ext-id', {
      token,
    });
    await new Promise((resolve) => setTimeout(resolve, 250));

    const lines = logLines();
    const line = lines.find((entry) => entry.requestId === created.headers.get('x-request-id'));
    expect(line).toEqual({
      time: expect.any(String),
      level: 'info',
      msg: 'request',
      requestId: created.headers.get('x-request-id'),
      method: 'POST',
      path: ICPS,
      status: 201,
      ms: expect.any(Number),
    });
    expect(
      lines.find((entry) => entry.requestId === read.headers.get('x-request-id')),
    ).toMatchObject({ path: '/v2/recommendations/icp', status: 404 });
    const everything = written.join('');
    expect(everything).not.toContain(token);
    expect(everything).not.toContain('TOP-SECRET-NAME');
    expect(everything).not.toContain('private-ext-id');
  });
});

describe('logs of unexpected errors', () => {
  let service: TestService;
  const written: string[] = [];

  beforeAll(async () => {
    const write = process.stdout.write.bind(process.stdout);
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk, ...rest) => {
      written.push(String(chunk));
      return write(chunk, ...(rest as []));
    });
    service = await startTestService({ LOG_REQUESTS: 'on' });
    // A table gone from under the server: what no request can do, so the failure is unexpected.
    await sql`drop table recommendation_icps`.execute(service.db);
  });
  afterAll(async () => {
    await service.stop();
    vi.restoreAllMocks();
  });

  const errorLineOf = (requestId: string | null) =>
    written
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((entry) => entry.level === 'error' && entry.requestId === requestId);

  it('logs the cause of a 500 with its request id, through tRPC as through REST', async () => {
    const token = await service.apiKeyFor('user_failing');
    const viaTrpc = await service.api('GET', '/trpc/recommendations.icp?input=%7B%7D', { token });
    const viaRest = await service.api('GET', '/v2/recommendations/icp', { token });

    expect([viaTrpc.status, viaRest.status]).toEqual([500, 500]);
    expect(viaTrpc.text).not.toContain('recommendation_icps');
    expect(errorLineOf(viaTrpc.headers.get('x-request-id'))).toEqual({
      time: expect.any(String),
      level: 'error',
      msg: 'unexpected error',
      requestId: viaTrpc.headers.get('x-request-id'),
      procedure: 'recommendations.icp',
      error: expect.stringContaining('recommendation_icps'),
    });
    expect(errorLineOf(viaRest.headers.get('x-request-id'))).toMatchObject({
      msg: 'unexpected error',
      error: expect.stringContaining('recommendation_icps'),
    });
  });
});

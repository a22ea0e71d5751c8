import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonResponse } from '../support/api-client.js';
import { startTestService, type TestService } from '../support/test-service.js';

const ICPS = '/api/v1/entities/icps';
const CREATE_TRPC = '/trpc/icp.create';
const body = { name: 'Café', leadProviderCriteria: [], customFilterCriteria: [], userIds: [] };
const json = JSON.stringify(body);
const trpcJson = JSON.stringify({ body });

/** The text's bytes with `é` (C3 A9 in UTF-8) replaced by the lone byte E9, as Latin-1 has it. */
const latin1Bytes = (text: string) => {
  const bytes = Buffer.from(text, 'utf8');
  const at = bytes.indexOf(Buffer.from('é', 'utf8'));
  return Buffer.concat([bytes.subarray(0, at), Buffer.from([0xe9]), bytes.subarray(at + 2)]);
};

describe('the encoding of request bodies', () => {
  let service: TestService;
  let token: string;

  const send = async (path: string, bytes: Uint8Array | string, contentType: string) => {
    const response = await fetch(`${service.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body: bytes,
    });
    return { status: response.status, body: (await response.json()) as JsonResponse['body'] };
  };
  const stored = async () => (await service.api('GET', ICPS, { token })).body;

  beforeAll(async () => {
    service = await startTestService();
    token = await service.tokenFor('user_encoding');
  });
  afterAll(() => service.stop());

  it.each([
    ['REST', ICPS, json],
    ['tRPC', CREATE_TRPC, trpcJson],
  ])(
    'refuses bytes that are not UTF-8 over %s with a 400, and stores nothing',
    async (_, path, text) => {
      const response = await send(path, latin1Bytes(text), 'application/json');

      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({
        code: 'BAD_REQUEST',
        message: 'Request body is not valid UTF-8',
        details: [{ path: [], message: expect.any(String) }],
      });
      expect(await stored()).toEqual([]);
    },
  );

  it.each([
    ['REST', ICPS, 'application/json; charset=iso-8859-1'],
    ['REST', ICPS, 'application/json; charset="UTF-16"'],
    ['tRPC', CREATE_TRPC, 'application/json; charset=latin1'],
  ])('refuses a body declared in another charset over %s (%s) with 415', async (_, path, type) => {
    const response = await send(path, path === ICPS ? json : trpcJson, type);

    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(response.body.error.message).toMatch(/UTF-8/);
    expect(await stored()).toEqual([]);
  });

  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'application/json;charset=UTF8',
    'application/json; charset="utf-8"',
  ])('accepts UTF-8 text sent as %s, and stores it as sent', async (type) => {
    const response = await send(ICPS, Buffer.from(json, 'utf8'), type);

    expect(response.status).toBe(201);
    expect(response.body.name).toBe('Café');
  });

  it('accepts UTF-8 text over tRPC, and stores it as sent', async () => {
    const response = await send(CREATE_TRPC, Buffer.from(trpcJson, 'utf8'), 'application/json');

    expect(response.status).toBe(200);
    expect(response.body.result.data.icp.name).toBe('Café');
  });
});

import { generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, revokeApiKey } from '../../src/auth/api-keys.js';
import { InvalidEnvironmentError, parseEnv } from '../../src/env.js';
import { icpBody } from '../support/icp-bodies.js';
import { startTestService, type TestService } from '../support/test-service.js';

const ICPS = '/api/v1/entities/icps';
const ISSUER = 'https://clerk.example.com';
const AUDIENCE = 'icp-api';
const UNAUTHORIZED_TEXT = JSON.stringify({
  error: { code: 'UNAUTHORIZED', message: 'User not authenticated' },
});

function rsaPair() {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

function ecPair() {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' });
}

const pemOf = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString();
const nowSeconds = () => Math.floor(Date.now() / 1000);
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

interface TokenOptions {
  alg?: string;
  kid?: string;
  sub?: string | null;
  iss?: string | null;
  aud?: string | null;
  exp?: number | null;
  nbf?: number;
}

/** A JWT as an identity provider would issue it; `null` leaves a claim out. */
async function signToken(key: KeyObject | Uint8Array, options: TokenOptions = {}) {
  const payload: JWTPayload = {};
  const claims = {
    sub: options.sub === undefined ? 'user_jwt' : options.sub,
    iss: options.iss === undefined ? ISSUER : options.iss,
    aud: options.aud === undefined ? AUDIENCE : options.aud,
    exp: options.exp === undefined ? nowSeconds() + 300 : options.exp,
  };
  for (const [name, value] of Object.entries(claims)) if (value !== null) payload[name] = value;
  if (options.nbf !== undefined) payload.nbf = options.nbf;
  return new SignJWT(payload)
    .setProtectedHeader({
      alg: options.alg ?? 'RS256',
      typ: 'JWT',
      ...(options.kid !== undefined && { kid: options.kid }),
    })
    .setIssuedAt()
    .sign(key);
}

async function listWith(service: TestService, authorization?: string) {
  const headers: Record<string, string> = {};
  if (authorization !== undefined) headers.authorization = authorization;
  const response = await fetch(`${service.url}${ICPS}`, { headers });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

async function expectAuthenticatedAs(service: TestService, token: string, userId: string) {
  const created = await service.api('POST', ICPS, { token, body: icpBody({ userIds: [] }) });
  expect(created.status, created.text).toBe(201);
  expect(created.body.userIds).toEqual([userId]);
  const listed = await service.api('GET', ICPS, { token });
  expect(listed.status).toBe(200);
  expect(listed.body.map((icp: { id: string }) => icp.id)).toContain(created.body.id);
}

async function expectUnauthenticated(service: TestService, authorization?: string) {
  const response = await listWith(service, authorization);
  expect(response.status).toBe(401);
  expect(response.text).toBe(UNAUTHORIZED_TEXT);
  expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
}

describe('JWTs verified with an RS256 PEM public key', () => {
  const pair = rsaPair();
  const publicPem = pemOf(pair.publicKey);
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({
      AUTH_JWT_PUBLIC_KEY: publicPem,
      AUTH_JWT_ISSUER: ISSUER,
      AUTH_JWT_AUDIENCE: AUDIENCE,
    });
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('accepts a valid token and takes the user id from sub', async () => {
    const token = await signToken(pair.privateKey, { sub: 'user_rs256' });
    await expectAuthenticatedAs(service, token, 'user_rs256');
  });

  it('accepts the same token again (from its cache), as the same user', async () => {
    const token = await signToken(pair.privateKey, { sub: 'user_again' });
    for (let round = 0; round < 3; round += 1) {
      expect((await listWith(service, `Bearer ${token}`)).status).toBe(200);
    }
    await expectAuthenticatedAs(service, token, 'user_again');
  });

  it('accepts a valid token inside the clock tolerance around nbf', async () => {
    const token = await signToken(pair.privateKey, { nbf: nowSeconds() + 2 });
    expect((await listWith(service, `Bearer ${token}`)).status).toBe(200);
  });

  const otherRsa = rsaPair();
  const otherEc = ecPair();
  const tamper = (token: string) => {
    const [header, , signature] = token.split('.');
    const payload = base64url({
      sub: 'user_admin_wannabe',
      iss: ISSUER,
      aud: AUDIENCE,
      exp: nowSeconds() + 300,
    });
    return `${header}.${payload}.${signature}`;
  };

  const refused: [string, () => Promise<string | undefined>][] = [
    ['no Authorization header', async () => undefined],
    ['"Bearer" with nothing after it', async () => 'Bearer'],
    ['"Bearer " with only a space', async () => 'Bearer '],
    ['a Basic credential', async () => `Basic ${Buffer.from('user:pass').toString('base64')}`],
    ['a valid token without the Bearer scheme', async () => signToken(pair.privateKey)],
    ['garbage', async () => 'Bearer not-a-token'],
    ['three dots of garbage', async () => 'Bearer a.b.c'],
    ['two tokens', async () => `Bearer ${await signToken(pair.privateKey)} extra`],
    [
      'an alg: none token',
      async () =>
        `Bearer ${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({
          sub: 'user_none',
          iss: ISSUER,
          aud: AUDIENCE,
          exp: nowSeconds() + 300,
        })}.`,
    ],
    [
      'an HS256 token signed with the PEM public key as the HMAC secret',
      async () =>
        `Bearer ${await signToken(new TextEncoder().encode(publicPem), { alg: 'HS256' })}`,
    ],
    [
      'a token signed by another RSA key',
      async () => `Bearer ${await signToken(otherRsa.privateKey)}`,
    ],
    [
      'an ES256 token signed by an EC key',
      async () => `Bearer ${await signToken(otherEc.privateKey, { alg: 'ES256' })}`,
    ],
    [
      'an expired token',
      async () => `Bearer ${await signToken(pair.privateKey, { exp: nowSeconds() - 60 })}`,
    ],
    [
      'a token not valid yet (nbf in the future)',
      async () => `Bearer ${await signToken(pair.privateKey, { nbf: nowSeconds() + 120 })}`,
    ],
    [
      'a token of another issuer',
      async () => `Bearer ${await signToken(pair.privateKey, { iss: 'https://evil.example.com' })}`,
    ],
    [
      'a token without an issuer',
      async () => `Bearer ${await signToken(pair.privateKey, { iss: null })}`,
    ],
    [
      'a token for another audience',
      async () => `Bearer ${await signToken(pair.privateKey, { aud: 'another-api' })}`,
    ],
    [
      'a token without an audience',
      async () => `Bearer ${await signToken(pair.privateKey, { aud: null })}`,
    ],
    [
      'a token without sub',
      async () => `Bearer ${await signToken(pair.privateKey, { sub: null })}`,
    ],
    [
      'a token with an empty sub',
      async () => `Bearer ${await signToken(pair.privateKey, { sub: '' })}`,
    ],
    [
      'a token with a blank sub',
      async () => `Bearer ${await signToken(pair.privateKey, { sub: '   ' })}`,
    ],
    [
      'a token whose sub holds the NUL character',
      async () => `Bearer ${await signToken(pair.privateKey, { sub: 'user\u0000admin' })}`,
    ],
    [
      'a token whose sub holds a lone surrogate',
      async () => `Bearer ${await signToken(pair.privateKey, { sub: 'user_\ud800' })}`,
    ],
    [
      'a token whose sub is longer than a user id may be (256 characters)',
      async () => `Bearer ${await signToken(pair.privateKey, { sub: 'u'.repeat(256) })}`,
    ],
    [
      'a token without exp',
      async () => `Bearer ${await signToken(pair.privateKey, { exp: null })}`,
    ],
    [
      'a token whose payload was tampered with',
      async () => `Bearer ${tamper(await signToken(pair.privateKey))}`,
    ],
    [
      'a token whose signature was cut off',
      async () => `Bearer ${(await signToken(pair.privateKey)).split('.').slice(0, 2).join('.')}.`,
    ],
    [
      'an API key that never existed',
      async () => `Bearer icp_${randomBytes(32).toString('base64url')}`,
    ],
    ['the bare API key prefix', async () => 'Bearer icp_'],
  ];

  it.each(refused)('answers 401 with the documented body for %s', async (_label, header) => {
    await expectUnauthenticated(service, await header());
  });

  it('refuses a token signed by the right key once it is tampered with, though the original works', async () => {
    const original = await signToken(pair.privateKey, { sub: 'user_original' });
    expect((await listWith(service, `Bearer ${original}`)).status).toBe(200);
    await expectUnauthenticated(service, `Bearer ${tamper(original)}`);
  });

  it('refuses an API key once it is revoked, at once', async () => {
    const { key, summary } = await createApiKey(service.db, 'user_with_key', 'ci');
    await expectAuthenticatedAs(service, key, 'user_with_key');
    expect(await revokeApiKey(service.db, summary.id)).toBe(true);
    await expectUnauthenticated(service, `Bearer ${key}`);
  });

  it('refuses a request that changes data without a valid token, and stores nothing', async () => {
    const response = await service.api('POST', ICPS, {
      token: await signToken(otherRsa.privateKey),
      body: icpBody(),
    });
    expect(response.status).toBe(401);
    expect(response.text).toBe(UNAUTHORIZED_TEXT);
    const rows = await service.db
      .selectFrom('icps')
      .select('user_ids')
      .where('user_ids', 'like', '%user_jwt%')
      .execute();
    expect(rows).toEqual([]);
  });

  it('refuses local sign-in, which exists only in local mode', async () => {
    const response = await service.api('POST', '/trpc/auth.localSignIn', {
      body: { userId: 'u1' },
    });
    expect(response.status).toBe(403);
    expect(response.text).not.toMatch(/eyJ/);
    expect(response.body.result).toBeUndefined();
  });
});

describe('JWTs verified with an ES256 PEM public key', () => {
  const pair = ecPair();
  let service: TestService;

  beforeAll(async () => {
    // Written on one line with \n escapes, as it often is in an environment file.
    service = await startTestService({
      AUTH_JWT_PUBLIC_KEY: pemOf(pair.publicKey).trim().replace(/\n/g, '\\n'),
    });
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('accepts a valid ES256 token', async () => {
    const token = await signToken(pair.privateKey, { alg: 'ES256', sub: 'user_es256' });
    await expectAuthenticatedAs(service, token, 'user_es256');
  });

  it('refuses an RS256 token and an ES256 token of another key', async () => {
    await expectUnauthenticated(service, `Bearer ${await signToken(rsaPair().privateKey)}`);
    const other = await signToken(ecPair().privateKey, { alg: 'ES256' });
    await expectUnauthenticated(service, `Bearer ${other}`);
  });
});

describe('JWTs verified with keys from a JWKS URL', () => {
  const signing = rsaPair();
  const KID = 'key-2026';
  let jwks: Server;
  let jwksRequests = 0;
  let service: TestService;

  beforeAll(async () => {
    const jwk = { ...(await exportJWK(signing.publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
    jwks = createServer((request, response) => {
      jwksRequests += 1;
      if (request.url !== '/.well-known/jwks.json') {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as AddressInfo;
    service = await startTestService({
      AUTH_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      AUTH_JWT_ISSUER: ISSUER,
    });
  });

  afterAll(async () => {
    await service?.stop();
    await new Promise((resolve) => jwks?.close(resolve));
  });

  it('accepts a token signed by a key of the JWKS', async () => {
    const token = await signToken(signing.privateKey, { kid: KID, sub: 'user_jwks' });
    await expectAuthenticatedAs(service, token, 'user_jwks');
    expect(jwksRequests).toBeGreaterThan(0);
  });

  it('refuses a token that names a JWKS key but is signed by another', async () => {
    const forged = await signToken(rsaPair().privateKey, { kid: KID });
    await expectUnauthenticated(service, `Bearer ${forged}`);
  });

  it('refuses a token of another issuer, though signed by the JWKS key', async () => {
    const token = await signToken(signing.privateKey, { kid: KID, iss: 'https://other.example' });
    await expectUnauthenticated(service, `Bearer ${token}`);
  });
});

describe('local mode', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService();
  });

  afterAll(async () => {
    await service?.stop();
  });

  const localSignIn = (userId: unknown) =>
    service.api('POST', '/trpc/auth.localSignIn', { body: { userId } });

  it('issues a token through auth.localSignIn that authenticates as that user', async () => {
    const response = await localSignIn('u1');
    expect(response.status).toBe(200);
    const token = response.body.result.data.token;
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    await expectAuthenticatedAs(service, token, 'u1');
  });

  it('refuses local sign-in without a user id', async () => {
    const response = await localSignIn('');
    expect(response.status).toBe(400);
    expect(response.body.result).toBeUndefined();
  });

  it('still refuses a request without a token', async () => {
    await expectUnauthenticated(service);
  });

  it('refuses a token that the server did not sign itself', async () => {
    const foreign = await signToken(ecPair().privateKey, { alg: 'ES256', iss: 'icp-local' });
    await expectUnauthenticated(service, `Bearer ${foreign}`);
  });

  it('issues tokens a JWT-mode service does not accept', async () => {
    const token = (await localSignIn('u1')).body.result.data.token;
    const jwtService = await startTestService({ AUTH_JWT_PUBLIC_KEY: pemOf(rsaPair().publicKey) });
    try {
      await expectUnauthenticated(jwtService, `Bearer ${token}`);
    } finally {
      await jwtService.stop();
    }
  });
});

describe('local sign-in under the rate limit', () => {
  it('is limited per calling address, apart from the users it signs in', async () => {
    const service = await startTestService({ RATE_LIMIT_RPS: '0.01', RATE_LIMIT_BURST: '3' });
    try {
      const signIns = [];
      for (let attempt = 0; attempt < 4; attempt += 1) {
        signIns.push(
          await service.api('POST', '/trpc/auth.localSignIn', { body: { userId: `u${attempt}` } }),
        );
      }
      const refused = signIns[3];
      const token = signIns[0]?.body.result.data.token;

      expect(signIns.map((response) => response.status)).toEqual([200, 200, 200, 429]);
      expect(refused?.body.error.data.appCode).toBe('TOO_MANY_REQUESTS');
      expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(refused?.text).not.toMatch(/eyJ/);
      expect((await listWith(service, `Bearer ${token}`)).status).toBe(200);
    } finally {
      await service.stop();
    }
  });
});

describe('configuration of authentication', () => {
  const base = { DATABASE_URL: 'file:./data/icp.sqlite' };

  function configurationError(source: Record<string, string>): string {
    try {
      parseEnv(source);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidEnvironmentError);
      return (error as Error).message;
    }
    throw new Error('expected the configuration to be refused');
  }

  it('refuses production without a key or JWKS URL, and says what to set', () => {
    const message = configurationError({ ...base, NODE_ENV: 'production' });
    expect(message).toContain('AUTH_JWT_PUBLIC_KEY');
    expect(message).toContain('AUTH_JWKS_URL');
  });

  it('accepts production with a JWKS URL', () => {
    const env = parseEnv({
      ...base,
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://clerk.example.com/.well-known/jwks.json',
    });
    expect(env.AUTH_JWKS_URL).toBe('https://clerk.example.com/.well-known/jwks.json');
  });

  it('refuses PORT=abc, naming PORT', () => {
    expect(configurationError({ ...base, PORT: 'abc' })).toMatch(/PORT/);
  });

  it('refuses DATABASE_URL=mysql://x, naming DATABASE_URL and the expected form', () => {
    const message = configurationError({ DATABASE_URL: 'mysql://x' });
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('file:');
  });

  it('refuses both a PEM key and a JWKS URL at once', () => {
    const message = configurationError({
      ...base,
      AUTH_JWT_PUBLIC_KEY: pemOf(rsaPair().publicKey),
      AUTH_JWKS_URL: 'https://clerk.example.com/.well-known/jwks.json',
    });
    expect(message).toMatch(/either AUTH_JWT_PUBLIC_KEY or AUTH_JWKS_URL/);
  });
});

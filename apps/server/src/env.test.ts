import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.js';

describe('parseEnv', () => {
  it('has defaults that run the product locally', () => {
    expect(parseEnv({})).toMatchObject({
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: 3000,
      DATABASE_URL: 'file:./data/icp.sqlite',
      ADMIN_USER_IDS: [],
      RATE_LIMIT_RPS: 10,
      RATE_LIMIT_BURST: 20,
      BODY_LIMIT_BYTES: 1024 * 1024,
    });
  });

  it('reads admin ids as a comma-separated list', () => {
    expect(parseEnv({ ADMIN_USER_IDS: ' admin_1, ,admin_2 ' }).ADMIN_USER_IDS).toEqual([
      'admin_1',
      'admin_2',
    ]);
  });

  it('takes a SQLite file or a PostgreSQL URL as DATABASE_URL, and nothing else', () => {
    expect(parseEnv({ DATABASE_URL: 'postgres://icp@db:5432/icp' }).DATABASE_URL).toBe(
      'postgres://icp@db:5432/icp',
    );
    expect(parseEnv({ DATABASE_URL: 'postgresql://db/icp' }).DATABASE_URL).toBe(
      'postgresql://db/icp',
    );
    expect(() => parseEnv({ DATABASE_URL: 'mysql://db/icp' })).toThrow(/postgres:\/\//);
  });

  it('reads the schedule runner settings; the delivery pause only for tests', () => {
    expect(parseEnv({})).toMatchObject({ SCHEDULE_POLL_MS: 30_000 });
    expect(parseEnv({}).SCHEDULE_QUEUE_SCHEMA).toBeUndefined();
    expect(parseEnv({ SCHEDULE_QUEUE_SCHEMA: 'icp_jobs' }).SCHEDULE_QUEUE_SCHEMA).toBe('icp_jobs');
    expect(() => parseEnv({ SCHEDULE_QUEUE_SCHEMA: 'jobs; drop table icps' })).toThrow(
      /SCHEDULE_QUEUE_SCHEMA/,
    );
    expect(() => parseEnv({ SCHEDULE_POLL_MS: '10' })).toThrow(/SCHEDULE_POLL_MS/);
    expect(() => parseEnv({ TEST_DELIVERY_PAUSE_FILE: 'paused' })).toThrow(
      /TEST_DELIVERY_PAUSE_FILE: is only for tests/,
    );
    expect(
      parseEnv({ NODE_ENV: 'test', TEST_DELIVERY_PAUSE_FILE: 'paused' }).TEST_DELIVERY_PAUSE_FILE,
    ).toBe('paused');
  });

  it('keeps recorded lead deletions LEAD_DELETIONS_RETENTION_HOURS, 24 by default (0: forever)', () => {
    expect(parseEnv({}).LEAD_DELETIONS_RETENTION_HOURS).toBe(24);
    expect(parseEnv({ LEAD_DELETIONS_RETENTION_HOURS: '0' }).LEAD_DELETIONS_RETENTION_HOURS).toBe(
      0,
    );
    for (const bad of ['-1', '1.5', 'a day']) {
      expect(() => parseEnv({ LEAD_DELETIONS_RETENTION_HOURS: bad })).toThrow(
        /LEAD_DELETIONS_RETENTION_HOURS/,
      );
    }
  });

  it('sizes the PostgreSQL pool of each process with DATABASE_POOL_SIZE', () => {
    expect(parseEnv({}).DATABASE_POOL_SIZE).toBe(10);
    expect(parseEnv({ DATABASE_POOL_SIZE: '25' }).DATABASE_POOL_SIZE).toBe(25);
    expect(() => parseEnv({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => parseEnv({ DATABASE_POOL_SIZE: 'many' })).toThrow(/DATABASE_POOL_SIZE/);
  });

  it('refuses both a PEM key and a JWKS URL at once', () => {
    expect(() =>
      parseEnv({ AUTH_JWT_PUBLIC_KEY: 'pem', AUTH_JWKS_URL: 'https://example.com/jwks.json' }),
    ).toThrow(/AUTH_JWKS_URL: set either AUTH_JWT_PUBLIC_KEY or AUTH_JWKS_URL/);
  });

  it('logs at LOG_LEVEL, info by default, and refuses a level pino does not have', () => {
    expect(parseEnv({}).LOG_LEVEL).toBe('info');
    expect(parseEnv({ LOG_LEVEL: 'debug' }).LOG_LEVEL).toBe('debug');
    expect(parseEnv({ LOG_LEVEL: 'silent' }).LOG_LEVEL).toBe('silent');
    expect(() => parseEnv({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/);
  });

  it('bounds PostgreSQL statements and lead searches in time', () => {
    expect(parseEnv({})).toMatchObject({
      DATABASE_STATEMENT_TIMEOUT_MS: 5_000,
      LEAD_SEARCH_TIMEOUT_MS: 10_000,
    });
    expect(parseEnv({ DATABASE_STATEMENT_TIMEOUT_MS: '0' }).DATABASE_STATEMENT_TIMEOUT_MS).toBe(0);
    expect(() => parseEnv({ LEAD_SEARCH_TIMEOUT_MS: '0' })).toThrow(/LEAD_SEARCH_TIMEOUT_MS/);
  });
});

describe('parseEnv: local mode beyond this machine', () => {
  const jwks = { AUTH_JWKS_URL: 'https://clerk.example.com/.well-known/jwks.json' };

  it('refuses a HOST other machines can reach, saying why and what to set', () => {
    for (const host of ['0.0.0.0', '::', '10.1.2.3', '::ffff:10.1.2.3', 'icp.internal']) {
      expect(() => parseEnv({ HOST: host })).toThrow(
        new RegExp(
          `HOST: ${host.replace(/\./g, '\\.')} can be reached from other machines.*anyone who reaches it signs in as any user.*LOCAL_MODE_ALLOW_REMOTE=on`,
        ),
      );
    }
  });

  it('listens on any loopback address', () => {
    for (const host of [
      '127.0.0.1',
      '127.0.1.1',
      '::1',
      '[::1]',
      'localhost',
      '::ffff:127.0.0.1',
    ]) {
      expect(parseEnv({ HOST: host }).HOST).toBe(host);
    }
  });

  it('listens beyond this machine when told to, or when tokens come from an identity provider', () => {
    expect(parseEnv({ HOST: '0.0.0.0', LOCAL_MODE_ALLOW_REMOTE: 'on' }).HOST).toBe('0.0.0.0');
    expect(parseEnv({ HOST: '0.0.0.0', ...jwks }).HOST).toBe('0.0.0.0');
    expect(parseEnv({}).LOCAL_MODE_ALLOW_REMOTE).toBe('off');
    expect(() => parseEnv({ LOCAL_MODE_ALLOW_REMOTE: 'yes' })).toThrow(/LOCAL_MODE_ALLOW_REMOTE/);
  });
});

describe('parseEnv: where the keys that verify tokens come from', () => {
  const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const publicPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const oneLine = (pem: string) => pem.trim().replace(/\n/g, '\\n');

  it('refuses a JWKS URL over plain http in production, where its keys could be swapped', () => {
    const http = 'http://clerk.example.com/.well-known/jwks.json';

    expect(() => parseEnv({ NODE_ENV: 'production', AUTH_JWKS_URL: http })).toThrow(
      /AUTH_JWKS_URL: must be an https: URL in production/,
    );
    expect(parseEnv({ NODE_ENV: 'development', AUTH_JWKS_URL: http }).AUTH_JWKS_URL).toBe(http);
    expect(
      parseEnv({ NODE_ENV: 'production', AUTH_JWKS_URL: http.replace('http:', 'https:') }),
    ).toMatchObject({ AUTH_JWKS_URL: 'https://clerk.example.com/.well-known/jwks.json' });
    expect(() => parseEnv({ AUTH_JWKS_URL: 'ftp://clerk.example.com/jwks.json' })).toThrow(
      /AUTH_JWKS_URL: must be an https: URL/,
    );
  });

  it('refuses a private key given as AUTH_JWT_PUBLIC_KEY, saying to give the public key', () => {
    const formats = [
      pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      pair.privateKey.export({ type: 'sec1', format: 'pem' }).toString(),
      generateKeyPairSync('rsa', { modulusLength: 2048 })
        .privateKey.export({ type: 'pkcs1', format: 'pem' })
        .toString(),
    ];
    for (const privatePem of [...formats, oneLine(formats[0] as string)]) {
      expect(() => parseEnv({ AUTH_JWT_PUBLIC_KEY: privatePem })).toThrow(
        /AUTH_JWT_PUBLIC_KEY: holds a private key: give the public key instead/,
      );
    }
    expect(parseEnv({ AUTH_JWT_PUBLIC_KEY: publicPem }).AUTH_JWT_PUBLIC_KEY).toBe(publicPem.trim());
    expect(parseEnv({ AUTH_JWT_PUBLIC_KEY: oneLine(publicPem) }).AUTH_JWT_PUBLIC_KEY).toBeDefined();
  });
});

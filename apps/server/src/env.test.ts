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
});

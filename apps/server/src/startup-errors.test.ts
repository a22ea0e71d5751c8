import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.js';
import { describeStartupFailure } from './startup-errors.js';

const failure = (code: string, extra: object = {}) =>
  Object.assign(new Error(`${code} happened`), { code, ...extra });

describe('describeStartupFailure', () => {
  it('says which setting to change for failures a person can fix', () => {
    expect(
      describeStartupFailure(failure('EADDRINUSE', { port: 3000, address: '127.0.0.1' })),
    ).toBe('Port 3000 on 127.0.0.1 is already in use: stop what listens there, or set PORT.');
    expect(describeStartupFailure(failure('EADDRNOTAVAIL', { address: '10.9.9.9' }))).toContain(
      'HOST',
    );
    expect(describeStartupFailure(failure('SQLITE_CANTOPEN'))).toContain('DATABASE_URL');
    expect(describeStartupFailure(failure('ENOTDIR'))).toContain('DATA_DIR');
  });

  it('passes the configuration message through', () => {
    let thrown: unknown;
    try {
      parseEnv({ PORT: 'abc' });
    } catch (error) {
      thrown = error;
    }
    expect(describeStartupFailure(thrown)).toMatch(/^Invalid configuration:\n {2}PORT: /);
  });

  it('says why local mode may not listen beyond this machine, and how to start anyway', () => {
    let thrown: unknown;
    try {
      parseEnv({ HOST: '0.0.0.0' });
    } catch (error) {
      thrown = error;
    }
    const message = describeStartupFailure(thrown);

    expect(message).toMatch(/^Invalid configuration:\n {2}HOST: 0\.0\.0\.0 can be reached/);
    expect(message).toContain('anyone who reaches it signs in as any user, admins included');
    expect(message).toContain('AUTH_JWT_PUBLIC_KEY or AUTH_JWKS_URL');
    expect(message).toContain('HOST=127.0.0.1');
    expect(message).toContain('LOCAL_MODE_ALLOW_REMOTE=on');
  });

  it('leaves anything else to be shown whole', () => {
    expect(describeStartupFailure(new Error('unexpected'))).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { isLoopbackHost, remoteLocalModeWarning } from './auth-settings.js';

describe('isLoopbackHost', () => {
  it('knows the addresses only this machine reaches', () => {
    const loopback = ['127.0.0.1', '127.255.0.9', '::1', '[::1]', '0:0:0:0:0:0:0:1', 'LocalHost'];
    const reachable = ['0.0.0.0', '::', '192.168.1.5', 'fe80::1', '::ffff:10.0.0.1', 'example.com'];

    expect(loopback.filter(isLoopbackHost)).toEqual(loopback);
    expect(reachable.filter(isLoopbackHost)).toEqual([]);
  });
});

describe('remoteLocalModeWarning', () => {
  const settings = { NODE_ENV: 'development', LOCAL_MODE_ALLOW_REMOTE: 'on' as const };

  it('warns loudly when local mode listens beyond this machine, and only then', () => {
    expect(remoteLocalModeWarning({ ...settings, HOST: '0.0.0.0' })).toMatch(
      /^WARNING: local mode on 0\.0\.0\.0 .*anyone who can reach this server can sign in as any user/,
    );
    expect(remoteLocalModeWarning({ ...settings, HOST: '127.0.0.1' })).toBeUndefined();
    expect(
      remoteLocalModeWarning({ ...settings, HOST: '0.0.0.0', AUTH_JWKS_URL: 'https://a/jwks' }),
    ).toBeUndefined();
  });
});

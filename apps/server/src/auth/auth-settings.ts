import { BlockList, isIP } from 'node:net';
import { holdsPrivateKey, pemText } from './public-key-pem.js';

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** Whether a HOST to listen on is reachable from this machine only: 127.0.0.0/8, ::1, localhost. */
export function isLoopbackHost(host: string): boolean {
  const address = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (address === 'localhost') return true;
  const family = isIP(address);
  return family !== 0 && loopback.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

interface AuthSettings {
  NODE_ENV: string;
  HOST: string;
  AUTH_JWT_PUBLIC_KEY?: string | undefined;
  AUTH_JWKS_URL?: string | undefined;
  LOCAL_MODE_ALLOW_REMOTE: 'on' | 'off';
}

/** Whether the server signs its own tokens (no JWT setting): anyone may sign in as anyone. */
export function isLocalMode(env: Pick<AuthSettings, 'AUTH_JWT_PUBLIC_KEY' | 'AUTH_JWKS_URL'>) {
  return env.AUTH_JWT_PUBLIC_KEY === undefined && env.AUTH_JWKS_URL === undefined;
}

/** What is unsafe in the sign-in settings, as problems naming the variable to change. */
export function authSettingProblems(env: AuthSettings): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (env.AUTH_JWT_PUBLIC_KEY !== undefined && holdsPrivateKey(pemText(env.AUTH_JWT_PUBLIC_KEY))) {
    problems.push({
      path: 'AUTH_JWT_PUBLIC_KEY',
      message:
        'holds a private key: give the public key instead (the PEM starting -----BEGIN PUBLIC KEY-----, such as `openssl pkey -in private.pem -pubout` prints), and keep the private key with whoever signs the tokens',
    });
  }
  if (env.AUTH_JWKS_URL !== undefined) {
    const scheme = new URL(env.AUTH_JWKS_URL).protocol;
    if (scheme !== 'https:' && (scheme !== 'http:' || env.NODE_ENV === 'production')) {
      problems.push({
        path: 'AUTH_JWKS_URL',
        message: `must be an https: URL${scheme === 'http:' ? ' in production' : ''}: keys fetched over plain http can be swapped by anyone on the way, and any token forged with them`,
      });
    }
  }
  if (isLocalMode(env) && !isLoopbackHost(env.HOST) && env.LOCAL_MODE_ALLOW_REMOTE !== 'on') {
    problems.push({
      path: 'HOST',
      message: `${env.HOST} can be reached from other machines, and without AUTH_JWT_PUBLIC_KEY or AUTH_JWKS_URL the server runs in local mode, where anyone who reaches it signs in as any user, admins included. Set AUTH_JWT_PUBLIC_KEY or AUTH_JWKS_URL, or listen on HOST=127.0.0.1, or set LOCAL_MODE_ALLOW_REMOTE=on to accept that risk`,
    });
  }
  return problems;
}

/** The warning printed at start when local mode listens beyond this machine (allowed). */
export function remoteLocalModeWarning(env: AuthSettings): string | undefined {
  if (!isLocalMode(env) || isLoopbackHost(env.HOST)) return undefined;
  return `WARNING: local mode on ${env.HOST} (LOCAL_MODE_ALLOW_REMOTE=on): anyone who can reach this server can sign in as any user, admins included. Set AUTH_JWT_PUBLIC_KEY or AUTH_JWKS_URL before real data goes in.`;
}

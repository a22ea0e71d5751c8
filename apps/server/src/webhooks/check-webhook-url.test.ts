import { MAX_WEBHOOK_URL_LENGTH } from '@icp/schema';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env.js';
import { checkWebhookUrl } from './check-webhook-url.js';
import { createWebhookSecret } from './webhook-secret.js';
import { webhookSettingsOf } from './webhook-settings.js';

/** A resolver of a few made-up names, so no test depends on the network's DNS. */
const names: Record<string, string[]> = {
  'hooks.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'internal.example.com': ['10.1.2.3'],
  'metadata.example.com': ['169.254.169.254'],
  'mixed.example.com': ['93.184.215.14', '192.168.0.10'],
  'mapped.example.com': ['::ffff:127.0.0.1'],
  'nothing.example.com': [],
};
const resolve = async (hostname: string) => {
  const found = names[hostname];
  if (found === undefined) throw new Error(`getaddrinfo ENOTFOUND ${hostname}`);
  return found;
};
const check = (url: string, allowPrivate = false) =>
  checkWebhookUrl(url, { resolve, allowPrivate });

describe('checkWebhookUrl', () => {
  it.each([
    'https://hooks.example.com/leads',
    'http://hooks.example.com:8080/leads?token=1',
    'https://93.184.215.14/hook',
    'https://[2606:4700:4700::1111]/hook',
    'https://8.8.8.8/hook',
  ])('accepts %s, which reaches only public addresses', async (url) => {
    expect(await check(url)).toEqual({ ok: true });
  });

  it.each([
    ['http://127.0.0.1/', /127\.0\.0\.1 is a loopback address/],
    ['http://127.8.9.10:3000/', /loopback/],
    ['http://[::1]/', /::1 is a loopback address/],
    ['http://10.0.0.1/', /10\.0\.0\.1 is a private address/],
    ['http://172.16.5.4/', /private/],
    ['http://192.168.1.1/', /private/],
    ['http://[fd12:3456::1]/', /unique local/],
    ['http://[fc00::1]/', /unique local/],
    ['http://169.254.169.254/latest/meta-data/', /169\.254\.169\.254 is a link-local address/],
    ['http://169.254.1.1/', /link-local/],
    ['http://[fe80::1]/', /link-local/],
    ['http://0.0.0.0/', /unspecified/],
    ['http://[::]/', /unspecified/],
    ['http://224.0.0.1/', /multicast/],
    ['http://[ff02::1]/', /multicast/],
    ['http://100.64.0.1/', /carrier-grade NAT/],
    ['http://100.127.255.254/', /carrier-grade NAT/],
    ['http://255.255.255.255/', /broadcast/],
    // IPv4-mapped IPv6, in both spellings, judged as the IPv4 address they map.
    ['http://[::ffff:127.0.0.1]/', /loopback/],
    ['http://[::ffff:a9fe:a9fe]/', /link-local/],
    ['http://[::ffff:10.0.0.1]/', /private/],
    // Spellings of 127.0.0.1 that the URL parser turns into it.
    ['http://2130706433/', /127\.0\.0\.1 is a loopback/],
    ['http://0x7f.1/', /127\.0\.0\.1 is a loopback/],
    ['http://017700000001/', /127\.0\.0\.1 is a loopback/],
    // NAT64 and 6to4 embed an IPv4 address that could be a private one.
    ['http://[64:ff9b::7f00:1]/', /special-purpose/],
    ['http://[2002:7f00:1::1]/', /special-purpose/],
  ])('refuses %s', async (url, reason) => {
    const result = await check(url);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it.each([
    [
      'https://internal.example.com/',
      /internal\.example\.com resolves to 10\.1\.2\.3, which is a private/,
    ],
    ['https://metadata.example.com/', /169\.254\.169\.254, which is a link-local/],
    ['https://mapped.example.com/', /::ffff:127\.0\.0\.1, which is a loopback/],
    // One private address among public ones is enough to refuse.
    ['https://mixed.example.com/', /192\.168\.0\.10, which is a private/],
    ['https://nothing.example.com/', /resolves to no address/],
    ['https://unknown.example.com/', /could not be resolved.*ENOTFOUND/],
  ])('refuses %s after resolving its host', async (url, reason) => {
    const result = await check(url);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('resolves names with the system resolver by default: localhost is loopback', async () => {
    const result = await checkWebhookUrl('http://localhost:4000/hook');
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(/localhost resolves to .*loopback/),
    });
  });

  it.each([
    ['ftp://hooks.example.com/', /http or https/],
    ['file:///etc/passwd', /http or https/],
    ['javascript:alert(1)', /http or https/],
    ['hooks.example.com/leads', /absolute http\(s\) URL/],
    ['', /absolute http\(s\) URL/],
    [`https://hooks.example.com/${'a'.repeat(MAX_WEBHOOK_URL_LENGTH)}`, /at most 2048 characters/],
  ])('refuses %s, which is not a short http(s) URL', async (url, reason) => {
    const result = await check(url, true);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('accepts a URL of the longest length', async () => {
    const base = 'https://hooks.example.com/';
    const url = base + 'a'.repeat(MAX_WEBHOOK_URL_LENGTH - base.length);
    expect(await check(url)).toEqual({ ok: true });
  });

  it('accepts private, loopback and link-local targets with WEBHOOK_ALLOW_PRIVATE=on only', async () => {
    const on = webhookSettingsOf(parseEnv({ WEBHOOK_ALLOW_PRIVATE: 'on' }));
    const off = webhookSettingsOf(parseEnv({}));
    expect(off.allowPrivate).toBe(false);
    for (const url of [
      'http://127.0.0.1:4000/',
      'http://[::1]/',
      'https://internal.example.com/',
    ]) {
      expect(await checkWebhookUrl(url, { resolve, allowPrivate: on.allowPrivate })).toEqual({
        ok: true,
      });
      expect((await checkWebhookUrl(url, { resolve, allowPrivate: off.allowPrivate })).ok).toBe(
        false,
      );
    }
    // Still only http(s), and still a host that resolves.
    expect((await check('ftp://127.0.0.1/', true)).ok).toBe(false);
    expect((await check('https://unknown.example.com/', true)).ok).toBe(false);
    expect(() => parseEnv({ WEBHOOK_ALLOW_PRIVATE: 'yes' })).toThrow(/WEBHOOK_ALLOW_PRIVATE/);
  });
});

describe('webhookSettingsOf', () => {
  it('reads the timeout and the first retry wait, within their bounds', () => {
    expect(webhookSettingsOf(parseEnv({}))).toEqual({
      allowPrivate: false,
      timeoutMs: 10_000,
      retry: { baseMs: 10_000 },
    });
    const env = parseEnv({ WEBHOOK_TIMEOUT_MS: '2000', WEBHOOK_RETRY_BASE_MS: '50' });
    expect(webhookSettingsOf(env)).toMatchObject({ timeoutMs: 2_000, retry: { baseMs: 50 } });
    expect(() => parseEnv({ WEBHOOK_TIMEOUT_MS: '60001' })).toThrow(/WEBHOOK_TIMEOUT_MS/);
    expect(() => parseEnv({ WEBHOOK_TIMEOUT_MS: 'soon' })).toThrow(/WEBHOOK_TIMEOUT_MS/);
    expect(() => parseEnv({ WEBHOOK_RETRY_BASE_MS: '0' })).toThrow(/WEBHOOK_RETRY_BASE_MS/);
  });
});

describe('createWebhookSecret', () => {
  it('makes a Standard Webhooks secret of 32 random bytes, a new one each time', () => {
    const secrets = new Set(Array.from({ length: 20 }, createWebhookSecret));
    expect(secrets.size).toBe(20);
    for (const secret of secrets) {
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
      expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    }
  });
});

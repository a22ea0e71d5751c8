import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { MAX_WEBHOOK_URL_LENGTH } from '@icp/schema';
import { refusedHostReason } from './webhook-address.js';

/** How long resolving a webhook's host may take. */
const RESOLVE_TIMEOUT_MS = 5_000;

/** The addresses a host name resolves to. */
export type ResolveHost = (hostname: string) => Promise<string[]>;

export interface WebhookUrlOptions {
  /** Accept loopback, private and link-local targets (`WEBHOOK_ALLOW_PRIVATE=on`). */
  allowPrivate?: boolean;
  /** How host names are resolved; the system resolver (as connections use it) by default. */
  resolve?: ResolveHost;
}

export type WebhookUrlCheck = { ok: true } | { ok: false; reason: string };

/** Every address the system resolver gives for `hostname`, as a connection would look it up. */
export const systemResolve: ResolveHost = async (hostname) => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`resolving ${hostname} took over ${RESOLVE_TIMEOUT_MS / 1000} s`)),
      RESOLVE_TIMEOUT_MS,
    );
  });
  try {
    const found = await Promise.race([lookup(hostname, { all: true, verbatim: true }), timeout]);
    return found.map((entry) => entry.address);
  } finally {
    clearTimeout(timer);
  }
};

/**
 * Whether `url` may receive webhooks: an http(s) URL of bounded length whose host is, or
 * resolves only to, public addresses (unless `allowPrivate`). The sender checks the address
 * again when it connects, so a host that resolves differently later is refused then.
 */
export async function checkWebhookUrl(
  url: string,
  options: WebhookUrlOptions = {},
): Promise<WebhookUrlCheck> {
  if (url.length > MAX_WEBHOOK_URL_LENGTH) {
    return refuse(`must be at most ${MAX_WEBHOOK_URL_LENGTH} characters long`);
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('must be an absolute http(s) URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return refuse('must be an http or https URL');
  }
  // Every member of the ICP reads the URL: a secret belongs in the signature, not in the URL.
  if (parsed.username !== '' || parsed.password !== '') {
    return refuse('must not hold a user name or password (the messages are signed instead)');
  }
  const host = hostOf(parsed);
  if (host === '') return refuse('must name a host');
  let addresses: string[];
  if (isIP(host) !== 0) {
    addresses = [host];
  } else {
    try {
      addresses = await (options.resolve ?? systemResolve)(host);
    } catch (error) {
      return refuse(`has a host that could not be resolved (${host}: ${messageOf(error)})`);
    }
    if (addresses.length === 0) return refuse(`has a host that resolves to no address (${host})`);
  }
  if (options.allowPrivate) return { ok: true };
  for (const address of addresses) {
    const reason = refusedHostReason(host, address);
    if (reason !== null) return refuse(`must reach a public address: ${reason}`);
  }
  return { ok: true };
}

/** The host of a URL as a connection names it: an IPv6 literal without its brackets. */
export function hostOf(url: URL): string {
  const { hostname } = url;
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

function refuse(reason: string): WebhookUrlCheck {
  return { ok: false, reason: `webhookUrl ${reason}` };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

import { lookup as dnsLookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { checkWebhookUrl, messageOf, type ResolveHost } from './check-webhook-url.js';
import { refusedHostReason } from './webhook-address.js';

/** Bytes of a receiver's answer read at most (kept in the attempt's error when it failed). */
const MAX_ANSWER_BYTES = 1_024;
/** Characters of a failed answer kept in the attempt's error. */
const MAX_ANSWER_EXCERPT = 200;

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** The whole attempt: resolving, connecting, the answer and its first bytes. */
  timeoutMs: number;
  allowPrivate: boolean;
  resolve?: ResolveHost | undefined;
  /** Ends the attempt early (the sender stops). */
  signal?: AbortSignal | undefined;
  /**
   * Certificates (PEM) an https receiver's must be issued by, in place of the system's
   * roots; left out, as in production, the usual roots are trusted and nothing else.
   */
  ca?: string | readonly string[] | undefined;
}

export interface WebhookAnswer {
  delivered: boolean;
  /** The HTTP status; null when none came. */
  status: number | null;
  /** Why it was not delivered; null when it was. */
  error: string | null;
}

/**
 * POSTs one webhook request. The URL is checked again first, and the address is checked once
 * more as the connection is made (a host that now resolves to a private address is refused
 * there, so DNS rebinding gains nothing). A 2xx delivers it; a redirect is not followed (its
 * target was never checked by anyone) and counts as a failure like any other answer.
 */
export async function postWebhook(request: WebhookRequest): Promise<WebhookAnswer> {
  const check = await checkWebhookUrl(request.url, {
    allowPrivate: request.allowPrivate,
    ...(request.resolve && { resolve: request.resolve }),
  });
  if (!check.ok) return { delivered: false, status: null, error: check.reason };
  const url = new URL(request.url);
  const send = url.protocol === 'https:' ? https.request : http.request;
  return new Promise<WebhookAnswer>((resolve) => {
    let settled = false;
    const settle = (answer: WebhookAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
    };
    const outgoing = send(url, {
      method: 'POST',
      headers: {
        ...request.headers,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(request.body)),
      },
      agent: false,
      lookup: guardedLookup(request.allowPrivate, request.resolve),
      ...(request.ca !== undefined && { ca: [request.ca].flat() }),
    });
    // Once an answer's status came, what it said so far; a timeout then keeps its status.
    let answered: (() => WebhookAnswer) | undefined;
    const timer = setTimeout(() => {
      outgoing.destroy();
      settle(
        answered?.() ?? {
          delivered: false,
          status: null,
          error: `no answer within ${request.timeoutMs / 1000} s`,
        },
      );
    }, request.timeoutMs);
    const abort = () => {
      outgoing.destroy();
      settle({ delivered: false, status: null, error: 'the sender stopped before an answer came' });
    };
    if (request.signal?.aborted) abort();
    request.signal?.addEventListener('abort', abort, { once: true });
    outgoing.on('close', () => request.signal?.removeEventListener('abort', abort));
    outgoing.on('error', (error) => {
      settle({ delivered: false, status: null, error: connectionErrorOf(error) });
    });
    outgoing.on('response', (answer) => {
      const status = answer.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let read = 0;
      const said = () =>
        outcomeOf(status, answer.headers.location, Buffer.concat(chunks).toString('utf8'));
      answered = said;
      const finish = () => {
        answer.destroy();
        outgoing.destroy();
        settle(said());
      };
      // Only a failure's answer is read, for its first bytes.
      if (status < 400) {
        finish();
        return;
      }
      answer.on('data', (chunk: Buffer) => {
        if (read >= MAX_ANSWER_BYTES) return;
        chunks.push(chunk.subarray(0, MAX_ANSWER_BYTES - read));
        read += chunk.length;
        if (read >= MAX_ANSWER_BYTES) finish();
      });
      answer.on('end', finish);
      answer.on('error', finish);
    });
    outgoing.end(request.body);
  });
}

/** Codes of the TLS errors that refuse a receiver's certificate (node's, from OpenSSL's). */
const CERTIFICATE_ERRORS = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** What a failed connection is recorded as; a refused certificate says so. */
function connectionErrorOf(error: NodeJS.ErrnoException): string {
  const message = messageOf(error);
  return error.code !== undefined && CERTIFICATE_ERRORS.has(error.code)
    ? `certificate refused: ${message} (${error.code})`
    : message;
}

function outcomeOf(status: number, location: string | undefined, text: string): WebhookAnswer {
  if (status >= 200 && status < 300) return { delivered: true, status, error: null };
  if (status >= 300 && status < 400) {
    const target = location === undefined ? '' : ` to ${location.slice(0, MAX_ANSWER_EXCERPT)}`;
    return { delivered: false, status, error: `redirect${target} not followed` };
  }
  const excerpt = text
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim()
    .slice(0, MAX_ANSWER_EXCERPT);
  return {
    delivered: false,
    status,
    error: excerpt === '' ? `HTTP ${status}` : `HTTP ${status}: ${excerpt}`,
  };
}

/**
 * The lookup connections use: the host's addresses as `resolve` (or the system resolver)
 * gives them, refused unless every one may receive webhooks.
 */
function guardedLookup(allowPrivate: boolean, resolve: ResolveHost | undefined): LookupFunction {
  return (hostname, options, callback) => {
    const addresses: Promise<string[]> = resolve
      ? resolve(hostname)
      : new Promise((done, fail) => {
          dnsLookup(hostname, { all: true, verbatim: true }, (error, found) =>
            error ? fail(error) : done(found.map((entry) => entry.address)),
          );
        });
    addresses.then(
      (found) => {
        const wanted = found.filter(
          (address) => !options.family || isIP(address) === options.family,
        );
        const refused = allowPrivate
          ? undefined
          : found
              .map((address) => refusedHostReason(hostname, address))
              .find((reason) => reason !== null);
        if (refused) {
          callback(
            Object.assign(new Error(`refused to connect: ${refused}`), {
              code: 'EWEBHOOKADDRESS',
            }),
            '',
          );
          return;
        }
        if (wanted.length === 0) {
          callback(
            Object.assign(new Error(`${hostname} resolves to no usable address`), {
              code: 'ENOTFOUND',
            }),
            '',
          );
          return;
        }
        if (options.all) {
          callback(
            null,
            wanted.map((address) => ({ address, family: isIP(address) })),
          );
        } else {
          const first = wanted[0] as string;
          callback(null, first, isIP(first));
        }
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}

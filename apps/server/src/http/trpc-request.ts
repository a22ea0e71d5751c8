import type { Context as HonoContext } from 'hono';
import { decodeUtf8Body, unsupportedCharset } from './body-encoding.js';
import { requestHeader } from './request-header.js';

/**
 * The request for the tRPC handler, its body checked first: tRPC reads bodies leniently, turning
 * bytes that are not UTF-8 into U+FFFD and ignoring a declared charset, so the text rules of the
 * REST adapter (415 for another charset, 400 for bytes that are not UTF-8) are applied here.
 */
export async function utf8TrpcRequest(c: HonoContext): Promise<Request> {
  const raw = c.req.raw;
  if (raw.body === null) return raw;
  const charsetError = unsupportedCharset(requestHeader(c, 'content-type'));
  if (charsetError !== null) throw charsetError;
  const text = decodeUtf8Body(new Uint8Array(await c.req.arrayBuffer()));
  return new Request(raw.url, { method: raw.method, headers: raw.headers, body: text });
}

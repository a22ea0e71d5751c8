import type { Context as HonoContext } from 'hono';
import { AppError } from '../errors.js';
import { decodeUtf8Body } from './body-encoding.js';
import { nodeRequest } from './node-request.js';
import { requestHeader } from './request-header.js';

const fullyRead = new WeakSet<HonoContext>();

export function payloadTooLarge(limitBytes: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `Request body is larger than ${limitBytes} bytes`);
}

/** Whether the request says it carries a body (a length above 0, or chunked). */
export function declaresBody(c: HonoContext): boolean {
  const length = requestHeader(c, 'content-length');
  return (
    (length !== undefined && length !== '0') || requestHeader(c, 'transfer-encoding') !== undefined
  );
}

/** Whether the request's body was read to its end (so its connection can serve another request). */
export function bodyWasRead(c: HonoContext): boolean {
  return fullyRead.has(c) || Object.keys(c.req.bodyCache).length > 0;
}

/**
 * The request body as text, refused with 413 past `limitBytes` (declared or streamed) and with
 * 400 when it is not UTF-8. Read
 * straight from Node's request stream when served by the Node adapter: going through a WHATWG
 * Request and its web stream costs more than the rest of a create.
 */
export function readRequestText(c: HonoContext, limitBytes: number): Promise<string> {
  const incoming = nodeRequest(c);
  if (incoming === undefined) {
    return c.req.arrayBuffer().then((body) => {
      if (body.byteLength > limitBytes) throw payloadTooLarge(limitBytes);
      return decodeUtf8Body(new Uint8Array(body));
    });
  }
  if (Number(incoming.headers['content-length'] ?? 0) > limitBytes) {
    return Promise.reject(payloadTooLarge(limitBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) {
        chunks.push(chunk);
        return;
      }
      stop();
      incoming.pause();
      reject(payloadTooLarge(limitBytes));
    };
    const onEnd = () => {
      stop();
      fullyRead.add(c);
      try {
        resolve(decodeUtf8Body(Buffer.concat(chunks, size)));
      } catch (error) {
        reject(error);
      }
    };
    const onError = () => {
      stop();
      reject(new AppError('BAD_REQUEST', 'The request body could not be read'));
    };
    incoming.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { type ErrorCode, type ErrorEnvelope, httpStatusOfErrorCode } from '@icp/schema';
import { requestIdOf } from '../logging/request-id.js';

/**
 * What the HTTP server answers, before any route runs, to a request it cannot read: headers
 * (or the request line) over the size limit, a client too slow to send its request, or bytes
 * that are not HTTP. Node's own answers have no body; these carry the error envelope, like
 * every other error of the API.
 */
function envelopeFor(error: NodeJS.ErrnoException): { code: ErrorCode; message: string } {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        code: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
        message: 'The request line and headers may take at most 16 KiB',
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { code: 'REQUEST_TIMEOUT', message: 'The request took too long to arrive' };
    default:
      return { code: 'BAD_REQUEST', message: 'The request is not valid HTTP' };
  }
}

/** A `clientError` listener for `node:http` servers: the envelope, then the connection closes. */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // A client that went away, or a response already under way, gets nothing more.
  const responding = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || responding?.headersSent) {
    socket.destroy();
    return;
  }
  const { code, message } = envelopeFor(error);
  const status = httpStatusOfErrorCode[code];
  const body = JSON.stringify({ error: { code, message } } satisfies ErrorEnvelope);
  socket.end(
    [
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      `X-Request-Id: ${requestIdOf(undefined)}`,
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  );
}

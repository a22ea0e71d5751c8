import type { Context as HonoContext } from 'hono';
import { AppError } from '../errors.js';
import { unsupportedCharset } from '../http/body-encoding.js';
import { readRequestText } from '../http/request-body.js';
import { requestHeader } from '../http/request-header.js';

const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;

export type DecodedBody = { ok: true; value: unknown } | { ok: false; error: AppError };

/**
 * The request body as parsed JSON, or why it is not: 415 unless sent as JSON in UTF-8, 400
 * unless it is UTF-8 and parses. A body over the limit is refused (413) at once.
 */
export async function decodeJsonBody(c: HonoContext, limitBytes: number): Promise<DecodedBody> {
  const contentType = requestHeader(c, 'content-type') ?? '';
  if (!JSON_MEDIA_TYPE.test(contentType)) {
    return {
      ok: false,
      error: new AppError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json'),
    };
  }
  const charsetError = unsupportedCharset(contentType);
  if (charsetError !== null) return { ok: false, error: charsetError };
  let text: string;
  try {
    text = await readRequestText(c, limitBytes);
  } catch (error) {
    if (error instanceof AppError && error.appCode === 'BAD_REQUEST') return { ok: false, error };
    throw error;
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return {
      ok: false,
      error: new AppError('BAD_REQUEST', 'Request body is not valid JSON', [
        { path: [], message: text.trim() === '' ? 'Body is empty' : 'Malformed JSON' },
      ]),
    };
  }
}

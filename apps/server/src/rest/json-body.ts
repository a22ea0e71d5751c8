import type { Context as HonoContext } from 'hono';
import { AppError } from '../errors.js';

const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;

/** The request body as parsed JSON; 415 unless it is sent as JSON, 400 when it does not parse. */
export async function readJsonBody(c: HonoContext): Promise<unknown> {
  const contentType = c.req.header('content-type') ?? '';
  if (!JSON_MEDIA_TYPE.test(contentType)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json');
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('BAD_REQUEST', 'Request body is not valid JSON', [
      { path: [], message: text.trim() === '' ? 'Body is empty' : 'Malformed JSON' },
    ]);
  }
}

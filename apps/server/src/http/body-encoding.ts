import { AppError } from '../errors.js';

const CHARSET_PARAMETER = /;\s*charset\s*=\s*("?)([^";\s]*)\1/i;
const UTF8_NAMES = new Set(['utf-8', 'utf8']);
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * 415 when a Content-Type declares a charset other than UTF-8: JSON is UTF-8 (RFC 8259), and
 * reading another encoding as UTF-8 would store different text than the client meant.
 */
export function unsupportedCharset(contentType: string | undefined): AppError | null {
  const charset = CHARSET_PARAMETER.exec(contentType ?? '')?.[2];
  if (charset === undefined || UTF8_NAMES.has(charset.toLowerCase())) return null;
  return new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    `The request body must be UTF-8; charset=${charset} is not accepted`,
  );
}

/**
 * The body's text, or a 400 when its bytes are not UTF-8: decoding them leniently would store
 * U+FFFD in place of what the client sent.
 */
export function decodeUtf8Body(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new AppError('BAD_REQUEST', 'Request body is not valid UTF-8', [
      { path: [], message: 'The body holds bytes that are not UTF-8' },
    ]);
  }
}

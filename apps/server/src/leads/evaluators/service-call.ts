/** Why a call to an evaluator service brought no usable answer; the message names the cause. */
export class ServiceCallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServiceCallError';
  }
}

export interface PostJsonOptions {
  headers?: Record<string, string>;
  timeoutMs: number;
}

const MAX_DETAIL_LENGTH = 200;
// A reason is shown beside each lead; a runaway answer must not flood the list.
const MAX_REASON_LENGTH = 500;

/** The error text a JSON error body carries (OpenAI's `error.message` and similar), if any. */
function errorDetail(text: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null) return undefined;
  const { error, message } = body as { error?: unknown; message?: unknown };
  const nested = (error as { message?: unknown } | null | undefined)?.message;
  const detail =
    typeof error === 'string'
      ? error
      : typeof nested === 'string'
        ? nested
        : typeof message === 'string'
          ? message
          : undefined;
  return detail?.slice(0, MAX_DETAIL_LENGTH);
}

/**
 * POSTs `body` as JSON and returns the parsed JSON answer. Throws ServiceCallError for a
 * network failure, a timeout (which covers reading the answer too), a non-2xx status or an
 * answer that is not JSON.
 */
export async function postJson(
  url: string,
  body: unknown,
  options: PostJsonOptions,
): Promise<unknown> {
  let status: number;
  let text: string;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...options.headers,
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') {
      throw new ServiceCallError(`no answer within ${options.timeoutMs} ms`);
    }
    const cause = (error as { cause?: { message?: unknown } } | null)?.cause?.message;
    throw new ServiceCallError(
      `request failed: ${typeof cause === 'string' ? cause : String(error)}`,
    );
  }
  if (status < 200 || status >= 300) {
    const detail = errorDetail(text);
    throw new ServiceCallError(`HTTP ${status}${detail ? `: ${detail}` : ''}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ServiceCallError('the answer is not JSON');
  }
}

/** `{ passed, reason }` read from an answer; throws ServiceCallError when it is malformed. */
export function parseVerdictAnswer(answer: unknown): { passed: boolean; reason?: string } {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
    throw new ServiceCallError('the answer is not a JSON object');
  }
  const { passed, reason } = answer as { passed?: unknown; reason?: unknown };
  if (typeof passed !== 'boolean') {
    throw new ServiceCallError('the answer has no boolean "passed"');
  }
  if (typeof reason === 'string' && reason.trim() !== '') {
    return { passed, reason: reason.trim().slice(0, MAX_REASON_LENGTH) };
  }
  return { passed };
}

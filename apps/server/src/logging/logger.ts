/** One log record: a JSON object on a line of its own. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(fields: LogFields): void;
  error(fields: LogFields): void;
  /** Writes out what is buffered now. */
  flush(): void;
}

/** Lines are buffered and written in batches: one write per request would cost a system call each. */
const FLUSH_EVERY_MS = 100;
const FLUSH_AT_BYTES = 32 * 1024;

/**
 * Structured logs: one JSON object per line with `time`, `level` and the given fields, written to
 * `write` (standard output by default) in batches. Callers pass only what may be logged: never
 * tokens, API keys or request bodies.
 */
export function createLogger(
  write: (chunk: string) => void = (chunk) => process.stdout.write(chunk),
): Logger {
  let buffered: string[] = [];
  let bytes = 0;
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (buffered.length === 0) return;
    const chunk = buffered.join('');
    buffered = [];
    bytes = 0;
    write(chunk);
  };
  const log = (level: 'info' | 'error', fields: LogFields) => {
    const line = `${JSON.stringify({ time: new Date().toISOString(), level, ...fields })}\n`;
    buffered.push(line);
    bytes += line.length;
    if (level === 'error' || bytes >= FLUSH_AT_BYTES) flush();
    else if (timer === undefined) timer = setTimeout(flush, FLUSH_EVERY_MS).unref();
  };
  return {
    info: (fields) => log('info', fields),
    error: (fields) => log('error', fields),
    flush,
  };
}

/** A logger that drops everything (logs turned off). */
export const silentLogger: Logger = { info: () => {}, error: () => {}, flush: () => {} };

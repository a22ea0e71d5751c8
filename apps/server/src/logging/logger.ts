import {
  type DestinationStream,
  type LevelWithSilent,
  type Logger,
  type LoggerOptions,
  pino,
} from 'pino';

export type { Logger };

/** A logger that drops everything (logs turned off). */
export const silentLogger: Logger = pino({ level: 'silent' });

/**
 * Where a header that carries a credential could sit in a record. No caller logs headers: this
 * keeps one that ever does from writing a token or a session cookie.
 */
const REDACTED_PATHS = [
  'authorization',
  'cookie',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

/** Lines wait for this many bytes or this long, so that under load many share one write. */
const BUFFER_BYTES = 8 * 1024;
const FLUSH_AFTER_MS = 100;
/** pino's number for `error`. */
const ERROR = 50;

/**
 * Standard output, buffered: a write per line would cost a system call each. Errors, and what
 * waits before them, go out at once; what is left goes out when the process exits.
 */
function bufferedStdout(): Pick<LoggerOptions, 'hooks'> & { destination: DestinationStream } {
  const destination = pino.destination({ dest: 1, sync: true, minLength: BUFFER_BYTES });
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    destination.flushSync();
  };
  process.once('exit', flush);
  return {
    destination,
    hooks: {
      streamWrite: (line) => {
        timer ??= setTimeout(flush, FLUSH_AFTER_MS).unref();
        return line;
      },
      logMethod(args, write, level) {
        write.apply(this, args);
        if (level >= ERROR) flush();
      },
    },
  };
}

/**
 * Structured logs (pino): one JSON object per line with `time` (ISO 8601), `level` (its name),
 * `msg` and the given fields, on standard output unless `destination` says otherwise. Callers
 * pass only what may be logged: never tokens, API keys, request bodies or query strings.
 */
export function createLogger(
  options: { level?: LevelWithSilent; destination?: DestinationStream } = {},
): Logger {
  if (options.level === 'silent') return silentLogger;
  const { destination, hooks } =
    options.destination === undefined
      ? bufferedStdout()
      : { destination: options.destination, hooks: {} };
  return pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      hooks,
    },
    destination,
  );
}

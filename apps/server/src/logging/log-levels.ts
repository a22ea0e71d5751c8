import type { LevelWithSilent } from 'pino';

/** The levels `LOG_LEVEL` accepts, most verbose first; `silent` logs nothing. */
export const LOG_LEVELS = [
  'trace',
  'debug',
  'info',
  'warn',
  'error',
  'fatal',
  'silent',
] as const satisfies readonly LevelWithSilent[];

import { readFileSync } from 'node:fs';
import type { Env } from './env.js';

/**
 * The clock of a server under test (`TEST_CLOCK_FILE`, accepted with NODE_ENV=test only): the
 * instant written in that file, read again at every call, so a test moves a running server
 * through days. Undefined without it: the system clock.
 */
export function testClockOf(env: Pick<Env, 'TEST_CLOCK_FILE'>): (() => Date) | undefined {
  const file = env.TEST_CLOCK_FILE;
  if (file === undefined) return undefined;
  return () => {
    const text = readFileSync(file, 'utf8').trim();
    const now = new Date(text);
    if (Number.isNaN(now.getTime())) {
      throw new Error(`TEST_CLOCK_FILE holds ${JSON.stringify(text)}, not an ISO 8601 instant`);
    }
    return now;
  };
}

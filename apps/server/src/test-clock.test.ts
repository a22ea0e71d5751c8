import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../test/support/temp-dir.js';
import { parseEnv } from './env.js';
import { testClockOf } from './test-clock.js';

describe('TEST_CLOCK_FILE', () => {
  it('is refused unless NODE_ENV is test, so no other server reads its clock from a file', () => {
    for (const NODE_ENV of ['development', 'production']) {
      expect(() => parseEnv({ NODE_ENV, TEST_CLOCK_FILE: 'now.txt' })).toThrow(
        /TEST_CLOCK_FILE: is only for tests: it needs NODE_ENV=test/,
      );
    }
    expect(parseEnv({ NODE_ENV: 'test', TEST_CLOCK_FILE: 'now.txt' }).TEST_CLOCK_FILE).toBe(
      'now.txt',
    );
  });

  it('without it, the system clock; with it, the instant the file holds at each call', () => {
    const dir = makeTempDir('icp-test-clock-');
    try {
      const file = join(dir.path, 'now.txt');
      const clock = testClockOf({ TEST_CLOCK_FILE: file });
      writeFileSync(file, '2026-01-31T23:59:59.000Z\n');
      const first = clock?.();
      writeFileSync(file, '2026-02-01T00:00:00.000Z');
      const second = clock?.();
      writeFileSync(file, 'tomorrow');

      expect(testClockOf({ TEST_CLOCK_FILE: undefined })).toBeUndefined();
      expect(first?.toISOString()).toBe('2026-01-31T23:59:59.000Z');
      expect(second?.toISOString()).toBe('2026-02-01T00:00:00.000Z');
      expect(() => clock?.()).toThrow(/not an ISO 8601 instant/);
    } finally {
      dir.remove();
    }
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { PatternPool } from './pattern-pool.js';
import type { PageTexts, PatternTask } from './pattern-task.js';

const evil = `${'a'.repeat(40)}!`;
/** Compiling this on RE2 takes a few hundred milliseconds (it expands to 62,000 steps). */
const slowToCompile = '.{0,999}'.repeat(62);

const progress = () => new Int32Array(new SharedArrayBuffer(4));
const oneTextEach = (...values: string[]): PageTexts => ({ values, counts: values.map(() => 1) });

function task(patterns: string[], texts: PageTexts, ms: number): PatternTask {
  return {
    patterns: patterns.map((regex) => ({ regex, texts: 0 })),
    texts: [texts],
    deadline: Date.now() + ms,
    progress: progress(),
  };
}

describe('the pattern pool', () => {
  const pool = new PatternPool({ threads: 1, maxQueued: 1 });
  afterAll(() => pool.close());

  it('runs RE2 and JavaScript patterns in its worker, with the answers of RegExp#test', async () => {
    const texts: PageTexts = {
      values: ['Acme GmbH', 'Acme Test Labs', 'Go', 'Rust', 'Golang', 'aaaa', evil],
      counts: [1, 1, 2, 1, 2],
    };

    const outcome = await pool.run(
      // `^(a+)+$` backtracks on JavaScript's engine; RE2 answers it in linear time.
      task(['^(?!.*Test)', '^(Go|Rust|Acme GmbH|aaaa)$', '^(a+)+$|^[A-Z]'], texts, 5_000),
      AbortSignal.timeout(10_000),
    );

    // A lead with several texts (a list field) passes when any of them matches.
    expect(outcome).toEqual({ result: { kind: 'done', passed: [true, false, true, false, true] } });
  });

  it('stops a backtracking JavaScript pattern at the deadline, naming it', async () => {
    const started = Date.now();

    const outcome = await pool.run(
      task(['^a', '^(?=a)(a+)+$'], oneTextEach('aaaa', evil), 200),
      AbortSignal.timeout(10_000),
    );

    expect(outcome).toEqual({ result: { kind: 'out-of-time', pattern: 1 } });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('cancels a task stuck in compiling, ending its worker, and runs the next one', async () => {
    const stuck = task(['^a', slowToCompile], oneTextEach('a'), 10_000);
    const started = Date.now();

    const cancelled = await pool.run(stuck, AbortSignal.timeout(50));
    const next = await pool.run(
      task(['^a'], oneTextEach('a', 'b'), 5_000),
      AbortSignal.timeout(10_000),
    );

    expect(cancelled).toEqual({ failure: { kind: 'cancelled' } });
    expect(Date.now() - started).toBeLessThan(5_000);
    // The worker wrote down which pattern it was at.
    expect(Atomics.load(stuck.progress, 0)).toBe(2);
    expect(next).toEqual({ result: { kind: 'done', passed: [true, false] } });
  });

  it('says which pattern does not compile, and tests nothing', async () => {
    const outcome = await pool.run(
      task(['^a', '(', '^b'], oneTextEach('a'), 5_000),
      AbortSignal.timeout(10_000),
    );

    expect(outcome).toEqual({
      result: {
        kind: 'uncompilable',
        pattern: 1,
        message: expect.stringContaining('Invalid regular expression'),
      },
    });
  });

  it('refuses a task at once when its worker is busy and its queue full', async () => {
    const busy = () => task(['^(?=a)(a+)+$'], oneTextEach(evil), 1_000);

    const outcomes = await Promise.all(
      [busy(), busy(), busy()].map((t) => pool.run(t, AbortSignal.timeout(1_500))),
    );

    expect(outcomes).toContainEqual({ failure: { kind: 'busy' } });
  });
});

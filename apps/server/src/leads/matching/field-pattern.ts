/**
 * A `matchFieldWithRegex` pattern, compiled and run in a pattern worker (see pattern-worker.ts),
 * never on the server's event loop. Both engines stop at a deadline: RE2 between values, the
 * JavaScript engine by the timeout of the `vm` call that runs it.
 */
import { createContext, Script } from 'node:vm';
import { RE2JS } from 're2js';
import { re2PatternOf } from './re2-pattern.js';

/** Thrown when a pattern reaches its deadline before it has tested every value. */
export class PatternTimeoutError extends Error {
  constructor() {
    super('the pattern reached its deadline');
    this.name = 'PatternTimeoutError';
  }
}

/** A compiled pattern: tests many values at once, like `RegExp#test`. */
export interface FieldPattern {
  /** `re2`: linear time. `javascript`: backtracking, for lookarounds and backreferences. */
  readonly engine: 're2' | 'javascript';
  /**
   * Whether the pattern matches somewhere in each value; throws PatternTimeoutError when
   * `deadline` (a `Date.now()` time) comes first.
   */
  testAll(values: readonly string[], deadline: number): boolean[];
}

function re2Pattern(pattern: string): FieldPattern | null {
  const rewritten = re2PatternOf(pattern);
  if (rewritten === null) return null;
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(rewritten);
  } catch {
    // Beyond RE2's limits (such as more than 1,000 repetitions): JavaScript runs it.
    return null;
  }
  return {
    engine: 're2',
    testAll(values, deadline) {
      return values.map((value) => {
        if (Date.now() >= deadline) throw new PatternTimeoutError();
        return compiled.test(value);
      });
    },
  };
}

const RUN = new Script('run(values)');

/**
 * JavaScript's engine backtracks, so a pattern like `^(a+)+$` can take exponential time. It runs
 * in a `vm` context whose `timeout` interrupts it at the deadline.
 */
function sandboxedPattern(pattern: string): FieldPattern {
  const context = createContext({ pattern, values: [] as readonly string[] });
  new Script(
    'const regex = new RegExp(pattern); globalThis.run = (values) => values.map((value) => regex.test(value));',
  ).runInContext(context);
  return {
    engine: 'javascript',
    testAll(values, deadline) {
      const timeout = Math.floor(deadline - Date.now());
      if (timeout < 1) throw new PatternTimeoutError();
      context.values = values;
      try {
        // The array comes from the sandbox's realm: copied into one of this realm.
        return Array.from(RUN.runInContext(context, { timeout }) as boolean[], Boolean);
      } catch (error) {
        if ((error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
          throw new PatternTimeoutError();
        }
        throw error;
      } finally {
        context.values = [];
      }
    },
  };
}

/**
 * Compiles a pattern that `new RegExp(pattern)` accepts (the schema checks that): on RE2 when it
 * means the same there, otherwise on JavaScript's engine. Compiling may itself take long (RE2
 * expands counted repetitions such as `.{0,999}`): the worker running it is cut off when the
 * request's budget runs out.
 */
export function compileFieldPattern(pattern: string): FieldPattern {
  return re2Pattern(pattern) ?? sandboxedPattern(pattern);
}

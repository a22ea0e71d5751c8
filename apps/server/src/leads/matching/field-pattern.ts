import { createContext, Script } from 'node:vm';
import { RE2JS } from 're2js';
import { re2PatternOf } from './re2-pattern.js';

/** Thrown when a pattern run by the JavaScript engine uses up its time budget. */
export class PatternTimeoutError extends Error {
  constructor(readonly budgetMs: number) {
    super(`the pattern took longer than ${budgetMs} ms`);
    this.name = 'PatternTimeoutError';
  }
}

/** A compiled `matchFieldWithRegex` pattern: tests many values at once, like `RegExp#test`. */
export interface FieldPattern {
  /** `re2`: linear time, never times out. `javascript`: in a sandbox, within the time budget. */
  readonly engine: 're2' | 'javascript';
  /** Whether the pattern matches somewhere in each value; throws PatternTimeoutError. */
  testAll(values: readonly string[]): boolean[];
}

/** How long patterns may run on JavaScript's engine before they are given up on. */
export interface PatternBudget {
  /** The longest one call of `testAll` may run the JavaScript engine. */
  perCallMs: number;
  /** The longest all calls of `testAll` together may run it. */
  totalMs: number;
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
  return { engine: 're2', testAll: (values) => values.map((value) => compiled.test(value)) };
}

const RUN = new Script('run(values)');

/**
 * JavaScript's engine backtracks, so a pattern like `^(a+)+$` can take exponential time. It runs
 * in a `vm` context whose `timeout` interrupts it; the event loop is blocked at most for the
 * budget, which bounds how long one bad pattern can hold up every other request.
 */
function sandboxedPattern(pattern: string, budget: PatternBudget): FieldPattern {
  const context = createContext({ pattern, values: [] as readonly string[] });
  new Script(
    'const regex = new RegExp(pattern); globalThis.run = (values) => values.map((value) => regex.test(value));',
  ).runInContext(context);
  let spentMs = 0;
  return {
    engine: 'javascript',
    testAll(values) {
      const budgetMs = Math.floor(Math.min(budget.perCallMs, budget.totalMs - spentMs));
      if (budgetMs < 1) throw new PatternTimeoutError(budget.totalMs);
      context.values = values;
      const started = performance.now();
      let timedOut = false;
      try {
        // The array comes from the sandbox's realm: copied into one of this realm.
        return Array.from(RUN.runInContext(context, { timeout: budgetMs }) as boolean[], Boolean);
      } catch (error) {
        timedOut = (error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
        if (timedOut) throw new PatternTimeoutError(budgetMs);
        throw error;
      } finally {
        // A call that ran out of time spent its whole budget, whatever the clock says.
        const elapsed = performance.now() - started;
        spentMs += timedOut ? Math.max(elapsed, budgetMs) : elapsed;
        context.values = [];
      }
    },
  };
}

/**
 * Compiles a pattern that `new RegExp(pattern)` accepts (the schema checks that): on RE2 when it
 * means the same there, otherwise on JavaScript's engine within `budget`.
 */
export function compileFieldPattern(pattern: string, budget: PatternBudget): FieldPattern {
  return re2Pattern(pattern) ?? sandboxedPattern(pattern, budget);
}

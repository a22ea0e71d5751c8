import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import type { Db } from './connect.js';
import { derivedFrom } from './root-database.js';

/** Refuses to start a statement once the deadline has passed, throwing `passed()` instead. */
class StatementDeadlinePlugin implements KyselyPlugin {
  constructor(
    private readonly deadlineMs: number,
    private readonly passed: () => Error,
  ) {}

  transformQuery(args: PluginTransformQueryArgs) {
    if (performance.now() >= this.deadlineMs) throw this.passed();
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs) {
    return args.result;
  }
}

/** When a handle's statements must have started by, and the error once they have not. */
export interface StatementDeadline {
  /** A `performance.now()` time of this thread. */
  deadlineMs: number;
  passed: () => Error;
}

const deadlines = new WeakMap<Db, StatementDeadline>();

/** The deadline `db` was given by `withStatementDeadline`, if any. */
export function statementDeadlineOf(db: Db): StatementDeadline | undefined {
  return deadlines.get(db);
}

/**
 * `db` for work given a time budget: no statement starts after `deadlineMs` (a
 * `performance.now()` time). A statement already running is bounded by the database's own
 * statement timeout, so the work ends at most that long after its deadline.
 */
export function withStatementDeadline(db: Db, deadlineMs: number, passed: () => Error): Db {
  const bounded = derivedFrom(db, db.withPlugin(new StatementDeadlinePlugin(deadlineMs, passed)));
  deadlines.set(bounded, { deadlineMs, passed });
  return bounded;
}

import type { Db } from '../db/connect.js';
import { withStatementDeadline } from '../db/statement-deadline.js';
import { AppError, isStatementTimeout } from '../errors.js';

/** Lead searches one user may run at once in one server process. */
export const LEAD_SEARCHES_PER_USER = 2;

const searchTooSlow = (budgetMs: number) =>
  new AppError(
    'SERVICE_UNAVAILABLE',
    `The lead search took longer than its ${budgetMs / 1000} s budget; narrow its criteria (fewer job titles, places or keywords), or try again later`,
  );

const tooManySearches = () =>
  new AppError(
    'TOO_MANY_REQUESTS',
    `At most ${LEAD_SEARCHES_PER_USER} lead searches run at once per user; retry when one has finished`,
    undefined,
    { 'Retry-After': '1' },
  );

/**
 * Bounds on the lead searches (previews, lead lists, the v2 fetch), so that one user's requests
 * cannot hold the whole database pool: at most `perUser` of a user's searches run at once (more
 * are refused with 429, not queued), and each search's statements must start within `budgetMs`
 * (each one also bounded by the statement timeout on PostgreSQL). An over-budget search answers
 * 503 saying so.
 */
export class LeadSearchLimits {
  readonly #running = new Map<string, number>();

  constructor(
    readonly perUser: number,
    readonly budgetMs: number,
  ) {}

  async run<T>(userId: string, db: Db, search: (db: Db) => Promise<T>): Promise<T> {
    const running = this.#running.get(userId) ?? 0;
    if (running >= this.perUser) throw tooManySearches();
    this.#running.set(userId, running + 1);
    const tooSlow = () => searchTooSlow(this.budgetMs);
    try {
      return await search(withStatementDeadline(db, performance.now() + this.budgetMs, tooSlow));
    } catch (error) {
      throw isStatementTimeout(error) ? tooSlow() : error;
    } finally {
      const left = (this.#running.get(userId) ?? 1) - 1;
      if (left === 0) this.#running.delete(userId);
      else this.#running.set(userId, left);
    }
  }
}

/** Runs a lead search of `userId` within the context's limits (unbounded when it has none). */
export function leadSearch<T>(
  ctx: { db: Db; leadSearches?: LeadSearchLimits | undefined },
  userId: string,
  search: (db: Db) => Promise<T>,
): Promise<T> {
  return ctx.leadSearches === undefined
    ? search(ctx.db)
    : ctx.leadSearches.run(userId, ctx.db, search);
}

/**
 * Keeps `lead_deletions` (filled by triggers, read by every lead index catching up, see
 * index/fresh-lead-index.ts) from growing forever: rows recorded longer ago than the retention
 * are deleted, a batch at a time, each batch in a transaction of its own that also moves
 * `lead_revision.deletions_pruned_through` up to the highest revision it deleted. An index at an
 * older revision may have missed a pruned deletion: it is rebuilt rather than caught up.
 * Any number of processes may prune at once: a row deleted twice is deleted once, and the
 * pruned-through revision only moves forward.
 */
import type { Db } from '../db/connect.js';
import { isPostgres } from '../db/dialect.js';
import type { Logger } from '../logging/logger.js';
import { type Rounds, startRounds } from '../rounds.js';

/** Rows deleted per transaction. */
export const PRUNE_BATCH = 1_000;
/** How often each server process prunes. */
export const PRUNE_INTERVAL_MS = 10 * 60_000;

/** Deletes up to `size` of the rows recorded before `before`; resolves with how many it deleted. */
async function pruneBatch(db: Db, before: string, size: number): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const deleted = await tx
      .deleteFrom('lead_deletions')
      .where('revision', 'in', (eb) =>
        eb
          .selectFrom('lead_deletions')
          .select('revision')
          .where('recorded_at', '<', before)
          .orderBy('recorded_at')
          .limit(size)
          // Processes pruning at once take batches of their own rather than wait on each other.
          .$if(isPostgres(db), (query) => query.forUpdate().skipLocked()),
      )
      .returning('revision')
      .execute();
    if (deleted.length === 0) return 0;
    const through = deleted.reduce((highest, row) => Math.max(highest, Number(row.revision)), 0);
    await tx
      .updateTable('lead_revision')
      .set({ deletions_pruned_through: through })
      .where('id', '=', 1)
      .where('deletions_pruned_through', '<', through)
      .execute();
    return deleted.length;
  });
}

export interface PruneOptions {
  /** Rows recorded before this instant are deleted. */
  before: Date;
  batchSize?: number | undefined;
  /** Asked before each batch: pruning ends early once it answers true. */
  stopped?: (() => boolean) | undefined;
}

/** Deletes the rows of `lead_deletions` recorded before `before`; resolves with how many. */
export async function pruneLeadDeletions(db: Db, options: PruneOptions): Promise<number> {
  const size = options.batchSize ?? PRUNE_BATCH;
  const before = options.before.toISOString();
  let total = 0;
  while (!options.stopped?.()) {
    const deleted = await pruneBatch(db, before, size);
    total += deleted;
    if (deleted < size) break;
  }
  return total;
}

export interface LeadDeletionsPruningOptions {
  db: Db;
  /** Rows older than this are pruned; 0: none ever is (`LEAD_DELETIONS_RETENTION_HOURS`). */
  retentionHours: number;
  /** The wall clock, by default; the database records deletions by its own. */
  now?: (() => Date) | undefined;
  intervalMs?: number | undefined;
  batchSize?: number | undefined;
  logger?: Pick<Logger, 'info' | 'error'> | undefined;
}

/** `runOnce` prunes now; `stop` stops after the batch under way and waits for it. */
export type LeadDeletionsPruning = Rounds;

/**
 * Prunes `lead_deletions` at once and then every `intervalMs`, until stopped. The timer does
 * not keep the process alive.
 */
export function startLeadDeletionsPruning(
  options: LeadDeletionsPruningOptions,
): LeadDeletionsPruning {
  if (options.retentionHours === 0) return { runOnce: async () => {}, stop: async () => {} };
  const now = options.now ?? (() => new Date());
  const retentionMs = options.retentionHours * 3_600_000;
  const intervalMs = options.intervalMs ?? PRUNE_INTERVAL_MS;
  return startRounds(
    async (stopped) => {
      const deleted = await pruneLeadDeletions(options.db, {
        before: new Date(now().getTime() - retentionMs),
        batchSize: options.batchSize,
        stopped,
      });
      if (deleted > 0) options.logger?.info({ event: 'lead_deletions_pruned', deleted });
    },
    {
      intervalMs,
      firstAtOnce: true,
      onError: (error) =>
        options.logger?.error({ event: 'lead_deletions_prune_failed', error: String(error) }),
    },
  );
}

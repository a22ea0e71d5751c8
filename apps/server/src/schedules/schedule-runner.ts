import { sql } from 'kysely';
import PgBoss from 'pg-boss';
import type { Db } from '../db/connect.js';
import type { DatabaseKind } from '../db/open-database.js';
import type { Logger } from '../logging/logger.js';
import { startRounds } from '../rounds.js';
import { type DeliveryJob, findDueDeliveries } from './due-deliveries.js';
import { anySchedule } from './schedule.repository.js';
import { type DeliveryDeps, type DeliveryOutcome, deliverPeriod } from './schedule.service.js';

/** The pg-boss queue of delivery jobs. */
export const DELIVERY_QUEUE = 'icp-schedule-delivery';

export interface ScheduleRunnerOptions {
  deps: DeliveryDeps;
  kind: DatabaseKind;
  /** The PostgreSQL URL pg-boss connects with (its own small pool). */
  databaseUrl: string;
  now: () => Date;
  /** How often due periods are looked for (and, on PostgreSQL, jobs fetched). */
  pollMs: number;
  /** pg-boss's schema; by default the server's schema's name with `_jobs` appended. */
  queueSchema?: string | undefined;
  logger: Logger;
  /** Told after each delivered list (the webhook sender, to send its message now). */
  onDelivered?: (() => void) | undefined;
}

export interface ScheduleRunner {
  /** Looks for due periods now, and delivers or queues them; resolves when that round is done. */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

/** Tries at delivering one period on PostgreSQL before pg-boss gives up on that job. */
const JOB_RETRY_LIMIT = 10;
/** A job a crashed replica held is retried after this. */
const JOB_EXPIRE_SECONDS = 15 * 60;

/** The schema pg-boss keeps its tables in: the configured one, or `<current schema>_jobs`. */
async function queueSchemaOf(db: Db, configured: string | undefined): Promise<string> {
  if (configured !== undefined) return configured;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return `${rows[0]?.schema ?? 'public'}_jobs`;
}

/**
 * Delivers the schedules' periods as they become due, until stopped. Every `pollMs` the periods
 * due and not delivered are looked for (see findDueDeliveries). On SQLite this process delivers
 * them at once, one after another; a failed one is still due at the next round. On PostgreSQL
 * each becomes a pg-boss job, keyed by ICP and period so one is queued at a time, which any
 * replica's worker takes and pg-boss retries with backoff. A period whose job was held by a
 * replica that died is queued again by the next round of any replica (and that job is retried
 * once it expires after JOB_EXPIRE_SECONDS, finding the period delivered). Either way the delivery row's key makes one list per period.
 * pg-boss is started once the database holds a schedule.
 */
export function startScheduleRunner(options: ScheduleRunnerOptions): ScheduleRunner {
  const { deps, logger } = options;
  let boss: PgBoss | undefined;
  let bossStarting: Promise<PgBoss> | undefined;
  let workerId: string | undefined;

  const deliver = async (job: DeliveryJob): Promise<DeliveryOutcome> => {
    const outcome = await deliverPeriod(deps, job, options.now());
    if (outcome.kind === 'delivered') {
      logger.info({ event: 'schedule_delivered', ...job, leadListId: outcome.leadListId });
      options.onDelivered?.();
    }
    return outcome;
  };

  const startBoss = async (): Promise<PgBoss> => {
    const schema = await queueSchemaOf(deps.db, options.queueSchema);
    const started = new PgBoss({
      connectionString: options.databaseUrl,
      schema,
      max: 2,
      // Its cron and state monitors are not used; maintenance (expiry, archive) is.
      schedule: false,
    });
    started.on('error', (error) => {
      logger.error({ event: 'schedule_queue_error', error: String(error) });
    });
    await started.start();
    await started.createQueue(DELIVERY_QUEUE, {
      name: DELIVERY_QUEUE,
      // One job queued per key (ICP and period), however many replicas find it due; one already
      // running does not stop another from being queued: it may be held by a replica that died.
      policy: 'short',
      retryLimit: JOB_RETRY_LIMIT,
      retryDelay: 5,
      retryBackoff: true,
      expireInSeconds: JOB_EXPIRE_SECONDS,
    });
    workerId = await started.work<DeliveryJob>(
      DELIVERY_QUEUE,
      { pollingIntervalSeconds: Math.max(0.5, options.pollMs / 1000) },
      async (jobs) => {
        for (const job of jobs) await deliver(job.data);
      },
    );
    return started;
  };

  const queue = async (jobs: DeliveryJob[]): Promise<void> => {
    bossStarting ??= startBoss();
    boss = await bossStarting;
    for (const job of jobs) {
      await boss.send(DELIVERY_QUEUE, job, {
        singletonKey: `${job.icpId}/${job.periodStart}`,
      });
    }
    // This process's worker fetches at once rather than at its next poll.
    if (jobs.length > 0 && workerId !== undefined) boss.notifyWorker(workerId);
  };

  const runRound = async (stopped: () => boolean): Promise<void> => {
    const jobs = await findDueDeliveries(deps.db, options.now());
    if (options.kind === 'postgres') {
      // The worker runs only once pg-boss is started, which it is as soon as there is a schedule.
      if (jobs.length > 0 || (bossStarting === undefined && (await anySchedule(deps.db)))) {
        await queue(jobs);
      }
      return;
    }
    for (const job of jobs) {
      if (stopped()) return;
      await deliver(job);
    }
  };

  const rounds = startRounds(runRound, {
    intervalMs: options.pollMs,
    firstAtOnce: false,
    onError: (error) => logger.error({ event: 'schedule_round_failed', error: String(error) }),
  });

  return {
    runOnce: rounds.runOnce,
    stop: async () => {
      await rounds.stop();
      const started = await bossStarting?.catch(() => undefined);
      await started?.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

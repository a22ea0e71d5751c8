import { remoteLocalModeWarning } from './auth/auth-settings.js';
import { createAuthenticator } from './auth/authenticator.js';
import { configureAuth } from './auth/configure-auth.js';
import { bullhornFromEnv } from './crm/bullhorn/client.js';
import type { Db } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { openDatabase } from './db/open-database.js';
import { withoutStatementTimeout } from './db/without-statement-timeout.js';
import type { Env } from './env.js';
import { createApp } from './http/app.js';
import { createContextFactory } from './http/context-factory.js';
import { listen } from './http/server.js';
import { generateDemoLeads } from './leads/dataset/demo-leads.js';
import { evaluatorsFromEnv } from './leads/evaluators/from-env.js';
import { type LeadSearch, sharedPool, startLeadSearch } from './leads/index/lead-engine-of.js';
import { startLeadDeletionsPruning } from './leads/lead-deletions-pruning.js';
import { LEAD_SEARCHES_PER_USER, LeadSearchLimits } from './leads/lead-search-limits.js';
import { closeSharedPatternPool } from './leads/matching/pattern-pool.js';
import { createLogger } from './logging/logger.js';
import { SharedTokenBucketLimiter } from './rate-limit/shared-token-bucket.js';
import { TokenBucketLimiter } from './rate-limit/token-bucket.js';
import { startScheduleRunner } from './schedules/schedule-runner.js';
import { testDeliveryPauseOf } from './schedules/test-delivery-pause.js';
import { testClockOf } from './test-clock.js';
import type { AuthMode } from './trpc/context.js';
import { startWebhookSender, webhookSettingsOf } from './webhooks/index.js';

export interface IcpService {
  url: string;
  port: number;
  db: Db;
  authMode: AuthMode;
  /** Drains in-flight requests, then closes the database and ends the pattern workers. */
  stop(): Promise<void>;
}

/**
 * Opens and migrates the database, fills an empty lead database with demo data (unless
 * `DEMO_LEADS=off`), then serves the API on the configured host and port. `now` is the clock
 * requests see (the system's by default).
 */
export async function startIcpService(
  env: Env,
  options: { now?: () => Date } = {},
): Promise<IcpService> {
  // The lead search worker's connections are part of DATABASE_POOL_SIZE.
  const pools = sharedPool(env.DATABASE_URL, env.DATABASE_POOL_SIZE);
  const { db, kind, transact } = openDatabase(env.DATABASE_URL, {
    poolSize: pools.main,
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
  });
  const logger = createLogger({ level: env.LOG_LEVEL });
  // Its worker, if any, starts with `start()` below, once the database is migrated.
  const leadSearch: LeadSearch = startLeadSearch(db, {
    databaseUrl: env.DATABASE_URL,
    poolSize: pools.search,
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    logger,
  });
  try {
    await migrateToLatest(db);
    if (env.DEMO_LEADS === 'auto') {
      const demo = await withoutStatementTimeout(db, generateDemoLeads);
      if (demo !== null) {
        const count = (n: number) => n.toLocaleString('en-US');
        console.log(
          `Generated a demo lead database: ${count(demo.companies)} companies, ${count(demo.people)} people (DEMO_LEADS=off to skip)`,
        );
      }
    }
    const { authMode, verifyJwt } = await configureAuth(env);
    const remoteLocalMode = remoteLocalModeWarning(env);
    if (remoteLocalMode !== undefined) console.warn(remoteLocalMode);
    const authenticate = createAuthenticator({ db, verifyJwt, adminUserIds: env.ADMIN_USER_IDS });
    // On PostgreSQL the buckets live in the database, shared by every replica over it.
    const limited = env.RATE_LIMIT_RPS > 0;
    const rateLimiter = !limited
      ? undefined
      : kind === 'postgres'
        ? new SharedTokenBucketLimiter(db, env.RATE_LIMIT_RPS, env.RATE_LIMIT_BURST)
        : new TokenBucketLimiter(env.RATE_LIMIT_RPS, env.RATE_LIMIT_BURST);
    // Built while the server starts listening: `/healthz` answers 503 and searches wait until then.
    leadSearch.start().catch((error: unknown) => {
      logger.error({ event: 'lead_index_build_failed', error: String(error) });
    });
    const now = options.now ?? testClockOf(env) ?? (() => new Date());
    const evaluators = evaluatorsFromEnv(env);
    const bullhorn = bullhornFromEnv(env, logger);
    const webhookSettings = webhookSettingsOf(env);
    const createContext = createContextFactory({
      db,
      transact,
      authenticate,
      authMode,
      now,
      rateLimiter,
      leadSearches: new LeadSearchLimits(LEAD_SEARCHES_PER_USER, env.LEAD_SEARCH_TIMEOUT_MS),
      evaluators,
      bullhorn,
      storedLeadsPerDay: env.LEADS_STORED_PER_DAY,
      recommendedCompaniesPerDay: env.RECOMMENDED_COMPANIES_PER_DAY,
      webhookAllowPrivate: webhookSettings.allowPrivate,
    });
    const lifecycle = { draining: false };
    const app = createApp({
      db,
      createContext,
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      webDistDir: env.WEB_DIST_DIR,
      lifecycle,
      logger,
      logRequests: env.LOG_REQUESTS === 'on',
    });
    const server = await listen(app, env.HOST, env.PORT, {
      headersMs: env.HEADERS_TIMEOUT_MS,
      requestMs: Math.max(env.REQUEST_TIMEOUT_MS, env.HEADERS_TIMEOUT_MS),
      keepAliveMs: 5_000,
    });
    // Each delivered list's webhook message is sent after its commit, by any replica.
    const webhookSender = startWebhookSender({ db, now, logger, ...webhookSettings });
    const scheduleRunner = startScheduleRunner({
      deps: { db, transact, evaluators, bullhorn, insideDelivery: testDeliveryPauseOf(env) },
      kind,
      databaseUrl: env.DATABASE_URL,
      now,
      pollMs: env.SCHEDULE_POLL_MS,
      queueSchema: env.SCHEDULE_QUEUE_SCHEMA,
      logger,
      onDelivered: () => webhookSender.wake(),
    });
    const leadDeletionsPruning = startLeadDeletionsPruning({
      db,
      retentionHours: env.LEAD_DELETIONS_RETENTION_HOURS,
      logger,
    });
    return {
      url: server.url,
      port: server.port,
      db,
      authMode,
      stop: async () => {
        lifecycle.draining = true;
        await server.close(env.SHUTDOWN_GRACE_MS);
        await scheduleRunner.stop();
        await webhookSender.stop();
        await leadDeletionsPruning.stop();
        logger.flush();
        await Promise.all([db.destroy(), closeSharedPatternPool(), leadSearch.close()]);
      },
    };
  } catch (error) {
    await Promise.all([db.destroy(), leadSearch.close()]);
    throw error;
  }
}

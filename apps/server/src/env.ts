import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { authSettingProblems } from './auth/auth-settings.js';
import { LOG_LEVELS } from './logging/log-levels.js';

/** The built web app (apps/web/dist), found from this module whether it runs from src or dist. */
const defaultWebDistDir = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const commaSeparatedIds = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== ''),
  );

const envFields = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  DATABASE_URL: z
    .string()
    .default('file:./data/icp.sqlite')
    .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
      message:
        'must be file:<path to a SQLite file>, such as file:./data/icp.sqlite, or a PostgreSQL URL such as postgres://user@host:5432/icp',
    }),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1_000).default(10),
  // PostgreSQL cancels a statement running longer (a 503), so none holds a connection longer.
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(5_000),
  // Time budget of one lead search (a preview, a lead list, a v2 fetch); over it, a 503.
  LEAD_SEARCH_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  // Recorded deletions of people and companies older than this are pruned; `0`: kept forever.
  LEAD_DELETIONS_RETENTION_HOURS: z.coerce.number().int().min(0).max(87_600).default(24),
  DATA_DIR: z.string().min(1).default('./data'),
  AUTH_JWT_PUBLIC_KEY: optionalText,
  AUTH_JWKS_URL: optionalText.pipe(z.url().optional()),
  AUTH_JWT_ISSUER: optionalText,
  AUTH_JWT_AUDIENCE: optionalText,
  // Local mode (no JWT setting) listens on a loopback HOST only, unless this is `on`.
  LOCAL_MODE_ALLOW_REMOTE: z.enum(['on', 'off']).default('off'),
  ADMIN_USER_IDS: commaSeparatedIds,
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .default(1024 * 1024),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  // Slow clients: all headers within HEADERS_TIMEOUT_MS, the whole request within REQUEST_TIMEOUT_MS.
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  RATE_LIMIT_RPS: z.coerce.number().min(0).default(10),
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(20),
  // Leads one user may store in generated lead lists per UTC day; `0` turns the quota off.
  LEADS_STORED_PER_DAY: z.coerce.number().int().min(0).default(50_000),
  // Unique companies one user may fetch from v2 recommendations per UTC day; `0`: no quota.
  RECOMMENDED_COMPANIES_PER_DAY: z.coerce.number().int().min(0).default(1_000),
  WEB_DIST_DIR: z.string().min(1).default(defaultWebDistDir),
  // The least severe log records written; `silent` writes none.
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  // One JSON line per request on standard output (never tokens, keys or bodies), unless `off`.
  LOG_REQUESTS: z.enum(['on', 'off']).default('on'),
  // The built-in lead database: a small generated data set on first start, unless `off`.
  DEMO_LEADS: z.enum(['auto', 'off']).default('auto'),
  // Evaluators of the `ai`, `website` and `webscraping` custom filters; unset: not applied.
  AI_EVALUATOR_URL: optionalText.pipe(z.url().optional()),
  AI_EVALUATOR_API_KEY: optionalText,
  AI_EVALUATOR_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  WEBSITE_EVALUATOR_URL: optionalText.pipe(z.url().optional()),
  // Bullhorn REST search for `crmFilters`; unset: CRM sourcing is not applied.
  BULLHORN_REST_URL: optionalText.pipe(z.url().optional()),
  BULLHORN_REST_TOKEN: optionalText,
  // Webhooks of scheduled lead lists: loopback, private and link-local targets are refused
  // unless `on` (for tests and closed networks).
  WEBHOOK_ALLOW_PRIVATE: z.enum(['on', 'off']).default('off'),
  // One webhook attempt (connection, answer and the first bytes of its body) within this.
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  // The first retry of a failed webhook waits about this long, each next one twice as long.
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(10_000),
  // How often each server process looks for schedule periods due (and fetches delivery jobs).
  SCHEDULE_POLL_MS: z.coerce.number().int().min(50).max(3_600_000).default(30_000),
  // PostgreSQL: the schema of the delivery job queue (pg-boss); default `<server schema>_jobs`.
  SCHEDULE_QUEUE_SCHEMA: optionalText.pipe(
    z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,50}$/, { message: 'must be a lower-case SQL identifier' })
      .optional(),
  ),
  // Tests only (NODE_ENV=test): a delivery writes this file inside its transaction and waits
  // there until the file is removed (so a test can kill the server in the middle of one).
  TEST_DELIVERY_PAUSE_FILE: optionalText,
  // Tests only (NODE_ENV=test): a file holding the ISO 8601 instant the server takes as now.
  TEST_CLOCK_FILE: optionalText,
});

export const envSchema = envFields.superRefine((env, ctx) => {
  if (env.AUTH_JWT_PUBLIC_KEY && env.AUTH_JWKS_URL) {
    ctx.addIssue({
      code: 'custom',
      path: ['AUTH_JWKS_URL'],
      message: 'set either AUTH_JWT_PUBLIC_KEY or AUTH_JWKS_URL, not both',
    });
  }
  const hasJwtSetting = env.AUTH_JWT_PUBLIC_KEY !== undefined || env.AUTH_JWKS_URL !== undefined;
  if (env.NODE_ENV === 'production' && !hasJwtSetting) {
    ctx.addIssue({
      code: 'custom',
      path: ['AUTH_JWT_PUBLIC_KEY'],
      message:
        'production needs a way to verify tokens: set AUTH_JWT_PUBLIC_KEY (a PEM public key) or AUTH_JWKS_URL (for Clerk: https://<your-domain>/.well-known/jwks.json)',
    });
  }
  if (env.TEST_DELIVERY_PAUSE_FILE !== undefined && env.NODE_ENV !== 'test') {
    ctx.addIssue({
      code: 'custom',
      path: ['TEST_DELIVERY_PAUSE_FILE'],
      message: 'is only for tests: it needs NODE_ENV=test',
    });
  }
  if (env.TEST_CLOCK_FILE !== undefined && env.NODE_ENV !== 'test') {
    ctx.addIssue({
      code: 'custom',
      path: ['TEST_CLOCK_FILE'],
      message: 'is only for tests: it needs NODE_ENV=test',
    });
  }
  for (const { path, message } of authSettingProblems(env)) {
    ctx.addIssue({ code: 'custom', path: [path], message });
  }
});

export type Env = z.infer<typeof envSchema>;

export class InvalidEnvironmentError extends Error {}

/** Parses the environment once at start; a bad value stops the start with a readable message. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  return parseWith(envSchema, source);
}

/** Only the database settings, for tools that do not serve requests. */
export function parseDatabaseEnv(source: Record<string, string | undefined> = process.env) {
  return parseWith(envFields.pick({ DATABASE_URL: true }), source);
}

function parseWith<T extends z.ZodType>(
  schema: T,
  source: Record<string, string | undefined>,
): z.output<T> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`,
  );
  throw new InvalidEnvironmentError(`Invalid configuration:\n${lines.join('\n')}`);
}

/** The SQLite file a `file:` DATABASE_URL names. */
export function sqlitePathOf(databaseUrl: string): string {
  return databaseUrl.slice('file:'.length);
}

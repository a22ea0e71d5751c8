import { readFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import type { CpuTime } from './cpu-meter.js';
import { type ByDatabase, DATABASE_LABELS, type ProductDatabase } from './database-host.js';
import type { DurabilityCheck } from './durability.js';
import type { HostilePatternsResult } from './leads/hostile-patterns.js';
import { renderHostilePatternsSection } from './leads/hostile-patterns-report.js';
import type { LeadsResult } from './leads/leads-bench.js';
import { LEADS_10M_SECTION, LEADS_SECTION, renderLeadsSection } from './leads/leads-report.js';
import type { LoadResult } from './load.js';
import { fixed, joined, row, tableHead } from './markdown.js';
import type { ScenarioName } from './scenarios.js';

export interface ScenarioResult {
  scenario: ScenarioName;
  product: ByDatabase<LoadResult>;
  baseline: LoadResult;
  /** The same bare server verifying every request's RS256 token. */
  jwtBaseline: LoadResult;
}

export interface BenchSettings {
  icpCount: number;
  userCount: number;
  listUserIcpCount: number;
  seedSeconds: number;
  /** Seconds taken to copy the seeded ICPs to each database other than SQLite. */
  copySeconds: ByDatabase<number>;
  tokenPoolSize: number;
  readTargetCount: number;
  connections: number;
  durationS: number;
  warmupS: number;
  rateLimitRps: number;
}

/** Whether the product also ran on PostgreSQL, and on which server; or why not. */
export type PostgresStatus =
  | { measured: true; description: string }
  | { measured: false; reason: string };

export const TARGETS = {
  readRatio: 0.6,
  /** Reads on SQLite against the baseline that verifies tokens. */
  jwtReadRatio: 1.0,
  /** Reads of the product on PostgreSQL against the product on SQLite. */
  postgresReadRatio: 0.6,
  postgresCreatePerSec: 2_000,
  createPerSec: 3_000,
  rssMb: 150,
};

function cpuModel(): string {
  try {
    const model = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1];
    return model?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function failures(result: LoadResult): string {
  const statuses = Object.entries(result.non2xxByStatus).map(
    ([status, count]) => `${count}x${status}`,
  );
  if (result.errors > 0) statuses.push(`${result.errors} errors`);
  return statuses.length === 0 ? '0' : statuses.join(', ');
}
const userPlusKernel = ({ user, system }: CpuTime) => `${fixed(user)}+${fixed(system)}`;
const met = (ok: boolean) => (ok ? 'met' : '**not met**');
const ratio = (product: LoadResult, baseline: LoadResult) =>
  `${fixed(product.okPerSec / baseline.okPerSec, 2)}x`;

/** The databases the product ran on, in report order. */
const databasesOf = (results: readonly ScenarioResult[]): ProductDatabase[] =>
  (['sqlite', 'postgres'] as const).filter((database) =>
    results.some((result) => result.product[database] !== undefined),
  );

function table(results: ScenarioResult[]): string[] {
  const databases = databasesOf(results);
  const labels = databases.map((database) => DATABASE_LABELS[database]);
  const servers = ['baseline', 'baseline with JWT', ...labels].join(' / ');
  const withDatabaseCpu = results.some(({ product }) =>
    databases.some((database) => product[database]?.databaseCpuUsPerRequest),
  );
  const header = [
    'scenario',
    'baseline 2xx/s',
    'baseline with JWT 2xx/s',
    ...labels.flatMap((label) => [
      `product on ${label} 2xx/s`,
      `${label} vs baseline`,
      `${label} vs baseline with JWT`,
    ]),
    `p50 ms (${servers})`,
    `p99 ms (${servers})`,
    `non-2xx and errors (${servers})`,
    `peak RSS MB (${servers})`,
    `server CPU µs per request, user+kernel (${servers})`,
    ...(withDatabaseCpu ? ['PostgreSQL processes CPU µs per request, user+kernel'] : []),
  ];
  const rows = results.map(({ scenario, product, baseline, jwtBaseline }) => {
    const measured = databases.map((database) => product[database] as LoadResult);
    const all = [baseline, jwtBaseline, ...measured];
    const databaseCpu = measured.flatMap((result) =>
      result.databaseCpuUsPerRequest === null ? [] : [result.databaseCpuUsPerRequest],
    );
    return row([
      scenario,
      fixed(baseline.okPerSec),
      fixed(jwtBaseline.okPerSec),
      ...measured.flatMap((result) => [
        fixed(result.okPerSec),
        ratio(result, baseline),
        ratio(result, jwtBaseline),
      ]),
      joined(all.map((result) => fixed(result.p50Ms))),
      joined(all.map((result) => fixed(result.p99Ms))),
      joined(all.map(failures)),
      joined(all.map((result) => fixed(result.peakRssMb))),
      joined(all.map((result) => userPlusKernel(result.cpuUsPerRequest))),
      ...(withDatabaseCpu ? [joined(databaseCpu.map(userPlusKernel))] : []),
    ]);
  });
  return [...tableHead(header, ['scenario']), ...rows];
}

function durabilityOf(result: LoadResult, durability: DurabilityCheck): string {
  return (
    `${fixed(result.okPerSec)}/s acknowledged; ${fixed(durability.acknowledged)} acknowledged creates, ` +
    `${fixed(durability.missing)} missing after ${durability.afterHardKill ? 'a hard kill' : 'a graceful stop'} ` +
    `(${fixed(durability.rows)} rows, at least ${fixed(durability.expectedAtLeast)} expected)`
  );
}

function targets(results: ScenarioResult[], durability: ByDatabase<DurabilityCheck>): string[] {
  const databases = databasesOf(results);
  const lines: string[] = [];
  for (const { scenario, product, baseline, jwtBaseline } of results) {
    const perDatabase = databases.map((database) => {
      const result = product[database] as LoadResult;
      const label = DATABASE_LABELS[database];
      if (scenario !== 'create') {
        const times = result.okPerSec / baseline.okPerSec;
        return `${label} ${fixed(times, 2)}x: ${met(times >= TARGETS.readRatio)}`;
      }
      const check = durability[database] as DurabilityCheck;
      const ok = result.okPerSec >= TARGETS.createPerSec && check.missing === 0;
      return `${label} ${durabilityOf(result, check)}: ${met(ok)}`;
    });
    lines.push(
      scenario === 'create'
        ? `- create >= ${fixed(TARGETS.createPerSec)}/s acknowledged and durable (any extra rows are creates still in flight when a load run stopped): ${perDatabase.join('; ')}`
        : `- ${scenario} >= ${TARGETS.readRatio}x baseline 2xx/s: ${perDatabase.join('; ')}`,
    );
    const onSqlite = product.sqlite;
    const onPostgres = product.postgres;
    if (scenario !== 'create' && onSqlite !== undefined) {
      const times = onSqlite.okPerSec / jwtBaseline.okPerSec;
      lines.push(
        `- ${scenario} >= ${fixed(TARGETS.jwtReadRatio, 1)}x baseline with JWT 2xx/s: SQLite ${fixed(times, 2)}x: ${met(times >= TARGETS.jwtReadRatio)}`,
      );
      if (onPostgres !== undefined) {
        const ofSqlite = onPostgres.okPerSec / onSqlite.okPerSec;
        lines.push(
          `- ${scenario} on PostgreSQL >= ${TARGETS.postgresReadRatio}x the product on SQLite: ${fixed(ofSqlite, 2)}x: ${met(ofSqlite >= TARGETS.postgresReadRatio)}`,
        );
      }
    }
    if (scenario === 'create' && onPostgres !== undefined) {
      lines.push(
        `- create on PostgreSQL >= ${fixed(TARGETS.postgresCreatePerSec)}/s: ${fixed(onPostgres.okPerSec)}/s: ${met(onPostgres.okPerSec >= TARGETS.postgresCreatePerSec)}`,
      );
    }
  }
  const peaks = databases.map((database) => {
    const peak = Math.max(...results.map((result) => result.product[database]?.peakRssMb ?? 0));
    return `${DATABASE_LABELS[database]} peak ${fixed(peak)} MB: ${met(peak < TARGETS.rssMb)}`;
  });
  lines.push(`- product RSS < ${TARGETS.rssMb} MB: ${peaks.join('; ')}`);
  return lines;
}

/** What a run measured: the HTTP scenarios, the lead engine, or both, and on which databases. */
export interface BenchReport {
  postgres: PostgresStatus;
  http?: {
    results: ScenarioResult[];
    durability: ByDatabase<DurabilityCheck>;
    settings: BenchSettings;
  };
  leads?: LeadsResult | undefined;
  /** The lead engine on about ten million people, when asked for. */
  leads10m?: LeadsResult | undefined;
  hostilePatterns?: HostilePatternsResult | undefined;
}

function httpSection({
  results,
  durability,
  settings,
}: NonNullable<BenchReport['http']>): string[] {
  const onPostgres = databasesOf(results).includes('postgres');
  const copies = Object.entries(settings.copySeconds).map(
    ([database, seconds]) =>
      `; copied to ${DATABASE_LABELS[database as ProductDatabase]} in ${fixed(seconds, 1)} s (the product's migrations, then multi-row INSERTs)`,
  );
  return [
    `- Data: ${fixed(settings.icpCount)} ICPs over ${fixed(settings.userCount)} users, seeded into SQLite through the product's repository code in ${fixed(settings.seedSeconds, 1)} s${copies.join('')}; the list user is a member of ${settings.listUserIcpCount} ICPs`,
    `- Load: autocannon, ${settings.connections} connections, ${settings.warmupS} s warm-up then ${settings.durationS} s measured per scenario and server; client, servers and database share the machine`,
    `- Auth: RS256 JWTs pre-signed for ${settings.tokenPoolSize} users; get-by-id picks one of their ${fixed(settings.readTargetCount)} ICPs at random per request, with the owner's token; creates come from random users of the same pool`,
    `- Product: built server, NODE_ENV=production, JWT auth; rate limiter on but set to ${fixed(settings.rateLimitRps)}/s per user so it costs what it costs and never refuses${onPostgres ? ". On PostgreSQL the limiter's buckets are rows of the database (shared by replicas): a take is an upsert there, and under this limit it also leases 5% of the burst to the replica for a second, so a user's requests within that second make no upsert (under the default limit of 10/s every request makes one); the server's pool of connections is served by PostgreSQL processes, whose CPU is a column of its own and whose memory is not in the RSS" : ''}`,
    '- Baseline: bare node:http + better-sqlite3 prepared statements over a copy of the SQLite file, same pragmas, no auth or validation; the ratios are 2xx/s of the product on each database over the baseline',
    "- Baseline with JWT: the same server over its own copy, verifying every request's RS256 token with `jose` (no cache) and taking the caller from it: the least a secure server does; the product caches verified tokens",
    '',
    ...table(results),
    '',
    '## Targets',
    '',
    ...targets(results, durability),
    '',
  ];
}

function postgresLine(postgres: PostgresStatus): string {
  return postgres.measured
    ? `- PostgreSQL ${postgres.description}; each database of the run is a fresh schema, dropped at the end`
    : `- PostgreSQL: **skipped** (${postgres.reason}); the product was measured on SQLite only`;
}

/** The report as markdown: machine, then each part that ran (HTTP scenarios, lead engine). */
export function renderReport({
  postgres,
  http,
  leads,
  leads10m,
  hostilePatterns,
}: BenchReport): string {
  return [
    '# Benchmark results',
    '',
    'Written by `pnpm bench` (bench/src/run.ts); every run overwrites this file.',
    '',
    `- Machine: ${cpuModel()}, ${availableParallelism()} cores, ${fixed(totalmem() / 1024 ** 3)} GB RAM`,
    `- Node ${process.version}, ${new Date().toISOString()}`,
    postgresLine(postgres),
    ...(http === undefined ? [''] : httpSection(http)),
    ...(leads === undefined ? [] : renderLeadsSection(leads, LEADS_SECTION)),
    ...(leads10m === undefined ? [] : renderLeadsSection(leads10m, LEADS_10M_SECTION)),
    ...(hostilePatterns === undefined ? [] : renderHostilePatternsSection(hostilePatterns)),
  ].join('\n');
}

import { readFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import type { DurabilityCheck } from './durability.js';
import type { LeadsResult } from './leads/leads-bench.js';
import { renderLeadsSection } from './leads/leads-report.js';
import type { LoadResult } from './load.js';
import type { ScenarioName } from './scenarios.js';

export interface ScenarioResult {
  scenario: ScenarioName;
  product: LoadResult;
  baseline: LoadResult;
}

export interface BenchSettings {
  icpCount: number;
  userCount: number;
  listUserIcpCount: number;
  seedSeconds: number;
  tokenPoolSize: number;
  readTargetCount: number;
  connections: number;
  durationS: number;
  warmupS: number;
  rateLimitRps: number;
}

export const TARGETS = {
  readRatio: 0.6,
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

const fixed = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const latency = (result: LoadResult) => `${fixed(result.p50Ms)} / ${fixed(result.p99Ms)}`;
function failures(result: LoadResult): string {
  const statuses = Object.entries(result.non2xxByStatus).map(
    ([status, count]) => `${count}x${status}`,
  );
  if (result.errors > 0) statuses.push(`${result.errors} errors`);
  return statuses.length === 0 ? '0' : statuses.join(', ');
}
const cpuPerRequest = ({ cpuUsPerRequest: { user, system } }: LoadResult) =>
  `${fixed(user)}+${fixed(system)}`;
const met = (ok: boolean) => (ok ? 'met' : '**not met**');

function table(results: ScenarioResult[]): string[] {
  const rows = results.map(({ scenario, product, baseline }) =>
    [
      scenario,
      fixed(product.okPerSec),
      fixed(baseline.okPerSec),
      `${fixed(product.okPerSec / baseline.okPerSec, 2)}x`,
      latency(product),
      latency(baseline),
      `${failures(product)} / ${failures(baseline)}`,
      `${fixed(product.peakRssMb)} / ${fixed(baseline.peakRssMb)}`,
      `${cpuPerRequest(product)} / ${cpuPerRequest(baseline)}`,
    ].join(' | '),
  );
  return [
    '| scenario | product 2xx/s | baseline 2xx/s | ratio | product p50/p99 ms | baseline p50/p99 ms | non-2xx and errors (product / baseline) | peak RSS MB (product / baseline) | server CPU µs per request, user+kernel (product / baseline) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => `| ${row} |`),
  ];
}

function targets(results: ScenarioResult[], durability: DurabilityCheck): string[] {
  const lines: string[] = [];
  for (const { scenario, product, baseline } of results) {
    if (scenario === 'create') {
      const durable = durability.missing === 0;
      lines.push(
        `- create >= ${fixed(TARGETS.createPerSec)}/s acknowledged and durable: ${fixed(product.okPerSec)}/s acknowledged; ` +
          `${fixed(durability.acknowledged)} acknowledged creates, ${fixed(durability.missing)} missing after ${durability.afterHardKill ? 'a hard kill' : 'a graceful stop'} ` +
          `(${fixed(durability.rows)} rows, at least ${fixed(durability.expectedAtLeast)} expected; ` +
          'any extra rows are creates still in flight when a load run stopped): ' +
          met(product.okPerSec >= TARGETS.createPerSec && durable),
      );
    } else {
      const ratio = product.okPerSec / baseline.okPerSec;
      lines.push(
        `- ${scenario} >= ${TARGETS.readRatio}x baseline 2xx/s: ${fixed(ratio, 2)}x: ${met(ratio >= TARGETS.readRatio)}`,
      );
    }
  }
  const peak = Math.max(...results.map((result) => result.product.peakRssMb));
  lines.push(
    `- product RSS < ${TARGETS.rssMb} MB: peak ${fixed(peak)} MB: ${met(peak < TARGETS.rssMb)}`,
  );
  return lines;
}

/** What a run measured: the HTTP scenarios, the lead engine, or both. */
export interface BenchReport {
  http?: { results: ScenarioResult[]; durability: DurabilityCheck; settings: BenchSettings };
  leads?: LeadsResult | undefined;
}

function httpSection({
  results,
  durability,
  settings,
}: NonNullable<BenchReport['http']>): string[] {
  return [
    `- Data: ${fixed(settings.icpCount)} ICPs over ${fixed(settings.userCount)} users, seeded through the product's repository code in ${fixed(settings.seedSeconds, 1)} s; the list user is a member of ${settings.listUserIcpCount} ICPs`,
    `- Load: autocannon, ${settings.connections} connections, ${settings.warmupS} s warm-up then ${settings.durationS} s measured per scenario and server; client and server share the machine`,
    `- Auth: RS256 JWTs pre-signed for ${settings.tokenPoolSize} users; get-by-id picks one of their ${fixed(settings.readTargetCount)} ICPs at random per request, with the owner's token; creates come from random users of the same pool`,
    `- Product: built server, NODE_ENV=production, JWT auth; rate limiter on but set to ${fixed(settings.rateLimitRps)}/s per user so it costs what it costs and never refuses`,
    '- Baseline: bare node:http + better-sqlite3 prepared statements over a copy of the same file, same pragmas, no auth or validation',
    '',
    ...table(results),
    '',
    '## Targets',
    '',
    ...targets(results, durability),
    '',
  ];
}

/** The report as markdown: machine, then each part that ran (HTTP scenarios, lead engine). */
export function renderReport({ http, leads }: BenchReport): string {
  return [
    '# Benchmark results',
    '',
    'Written by `pnpm bench` (bench/src/run.ts); every run overwrites this file.',
    '',
    `- Machine: ${cpuModel()}, ${availableParallelism()} cores, ${fixed(totalmem() / 1024 ** 3)} GB RAM`,
    `- Node ${process.version}, ${new Date().toISOString()}`,
    ...(http === undefined ? [''] : httpSection(http)),
    ...(leads === undefined ? [] : renderLeadsSection(leads)),
  ].join('\n');
}

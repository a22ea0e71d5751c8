import { DATABASE_LABELS, type ProductDatabase } from '../database-host.js';
import { fixed, joined, row, sameOrEach, seconds, tableHead } from '../markdown.js';
import type { BuildFigures, OperationComparison } from './engine-comparison.js';
import type { LeadsOnDatabase } from './leads-bench.js';

export type Measured = [ProductDatabase, LeadsOnDatabase][];

/** The issue's targets for the lead index; the preview's depends on the size of the data. */
export interface IndexTargets {
  previewP50Ms: number;
  customListP50Ms: number;
  buildSecondsPerMillion: Record<ProductDatabase, number>;
  bytesPerPerson: number;
  getByIdP99Ms: number;
}

export const INDEX_TARGETS: IndexTargets = {
  previewP50Ms: 10,
  customListP50Ms: 50,
  buildSecondsPerMillion: { sqlite: 5, postgres: 15 },
  bytesPerPerson: 64,
  getByIdP99Ms: 20,
};

const met = (ok: boolean) => (ok ? 'met' : '**not met**');
const MB = 1024 * 1024;

/** Seconds the build took per million people. */
const secondsPerMillion = (build: BuildFigures) =>
  build.ms / 1000 / (Math.max(1, build.size.people) / 1_000_000);

const perPerson = (bytes: number, build: BuildFigures) => bytes / Math.max(1, build.size.people);

/** The list the custom-filter target is about: the ICP whose criteria carry custom filters. */
const isCustomList = (operation: OperationComparison, customIcp: string) =>
  operation.icp === customIcp && operation.operation.startsWith('list');

export function buildTable(measured: Measured): string[] {
  const head = tableHead(
    [
      'database',
      'people',
      'companies',
      'build s',
      's per million people',
      'index size() MB',
      'size() B per person',
      'RSS growth B per person',
      'JS heap + external growth B per person',
      'process RSS MB before / after build / peak',
    ],
    ['database'],
  );
  const rows = measured.map(([database, { comparison }]) => {
    const { build } = comparison;
    const growth = (key: 'rss' | 'heapUsed' | 'external') => build.after[key] - build.before[key];
    return row([
      DATABASE_LABELS[database],
      fixed(build.size.people),
      fixed(build.size.companies),
      seconds(build.ms),
      fixed(secondsPerMillion(build), 2),
      fixed(build.size.bytes / MB, 1),
      fixed(perPerson(build.size.bytes, build), 1),
      fixed(perPerson(growth('rss'), build), 1),
      fixed(perPerson(growth('heapUsed') + growth('external'), build), 1),
      joined([
        fixed(build.before.rss / MB),
        fixed(build.after.rss / MB),
        fixed(comparison.peakRssMb),
      ]),
    ]);
  });
  return [...head, ...rows];
}

/** One row per ICP and operation: each database's index and SQL engine p50, and their ratio. */
export function comparisonTable(measured: Measured): string[] {
  const header = [
    'ICP',
    'operation',
    'runs',
    'matched',
    'leads',
    ...measured.flatMap(([database]) => {
      const label = DATABASE_LABELS[database];
      return [
        `${label} index p50 / max ms`,
        `${label} SQL p50 / max ms`,
        `${label} SQL / index p50`,
      ];
    }),
    'same answers',
  ];
  const lists = measured.map(([, figures]) => figures.comparison.operations);
  const rows = (lists[0] ?? []).map((operation, position) => {
    const each = lists.map((list) => list[position] as OperationComparison);
    return row([
      operation.icp,
      operation.operation,
      fixed(operation.runs),
      sameOrEach(each.map((result) => fixed(result.matched))),
      sameOrEach(each.map((result) => fixed(result.leads))),
      ...each.flatMap((result) => [
        joined([fixed(result.index.p50Ms, 1), fixed(result.index.maxMs, 1)]),
        joined([fixed(result.sql.p50Ms, 1), fixed(result.sql.maxMs, 1)]),
        `${fixed(result.sql.p50Ms / result.index.p50Ms, 1)}x`,
      ]),
      sameOrEach(each.map((result) => (result.sameAnswers ? 'yes' : '**no**'))),
    ]);
  });
  return [...tableHead(header, ['ICP', 'operation', 'same answers']), ...rows];
}

export function loadTable(measured: Measured): string[] {
  const head = tableHead(
    [
      'database',
      'connections',
      'seconds',
      'previews 2xx/s',
      'preview p50 / p99 ms',
      'preview non-2xx, errors',
      'get-by-id quiet p50 / p99 / max ms',
      'get-by-id under load p50 / p99 / max ms',
      'get-by-ids under load',
      'server peak RSS MB',
    ],
    ['database'],
  );
  const rows = measured.map(([database, { engine }]) => {
    const { load } = engine;
    const probe = (phase: string) => {
      const figures = load.probes.find((each) => each.phase === phase);
      return figures === undefined
        ? '-'
        : joined([fixed(figures.p50Ms, 1), fixed(figures.p99Ms, 1), fixed(figures.maxMs, 1)]);
    };
    return row([
      DATABASE_LABELS[database],
      fixed(load.connections),
      fixed(load.durationS),
      fixed(load.previewsPerSec),
      joined([fixed(load.previewP50Ms), fixed(load.previewP99Ms)]),
      joined([fixed(load.previewNon2xx), fixed(load.previewErrors)]),
      probe('quiet'),
      probe('under load'),
      fixed(load.probes.find((each) => each.phase === 'under load')?.count ?? 0),
      fixed(load.peakRssMb),
    ]);
  });
  return [...head, ...rows];
}

/** Each target of the issue, with each database's figure and whether it is met. */
export function indexTargets(
  measured: Measured,
  targets: IndexTargets,
  customIcp: string,
): string[] {
  const each = (figure: (figures: LeadsOnDatabase, database: ProductDatabase) => string) =>
    measured
      .map(([database, figures]) => `${DATABASE_LABELS[database]} ${figure(figures, database)}`)
      .join('; ');
  const previews = (figures: LeadsOnDatabase) =>
    figures.comparison.operations.filter((operation) => operation.operation.startsWith('preview'));
  const customList = (figures: LeadsOnDatabase) =>
    figures.comparison.operations.find((operation) => isCustomList(operation, customIcp));
  return [
    `- preview p50 <= ${targets.previewP50Ms} ms for each ICP (index; SQL engine beside it): ${each(
      (figures) => {
        const all = previews(figures);
        const slowest = Math.max(...all.map((operation) => operation.index.p50Ms));
        const sql = all.map((operation) => fixed(operation.sql.p50Ms)).join(', ');
        return `slowest ${fixed(slowest, 1)} ms (SQL ${sql} ms): ${met(slowest <= targets.previewP50Ms)}`;
      },
    )}`,
    `- list of 1,000 with the custom filters p50 <= ${targets.customListP50Ms} ms: ${each(
      (figures) => {
        const list = customList(figures);
        return list === undefined
          ? 'not measured'
          : `${fixed(list.index.p50Ms, 1)} ms (SQL ${fixed(list.sql.p50Ms)} ms): ${met(list.index.p50Ms <= targets.customListP50Ms)}`;
      },
    )}`,
    `- index build <= ${targets.buildSecondsPerMillion.sqlite} s per million people from SQLite, <= ${targets.buildSecondsPerMillion.postgres} s from PostgreSQL: ${each(
      (figures, database) => {
        const rate = secondsPerMillion(figures.comparison.build);
        return `${fixed(rate, 2)} s/M: ${met(rate <= targets.buildSecondsPerMillion[database])}`;
      },
    )}`,
    `- index size <= ${targets.bytesPerPerson} B per person (size()): ${each((figures) => {
      const bytes = perPerson(figures.comparison.build.size.bytes, figures.comparison.build);
      return `${fixed(bytes, 1)} B: ${met(bytes <= targets.bytesPerPerson)}`;
    })}`,
    `- get-by-id p99 < ${targets.getByIdP99Ms} ms while ${measured[0]?.[1].engine.load.connections ?? 0} connections preview: ${each(
      (figures) => {
        const probe = figures.engine.load.probes.find((each) => each.phase === 'under load');
        const p99 = probe?.p99Ms ?? Number.POSITIVE_INFINITY;
        return `${fixed(p99, 1)} ms: ${met(p99 < targets.getByIdP99Ms)}`;
      },
    )}`,
    `- answers of the two engines equal (count, leads in order, reasons): ${each((figures) => {
      const differing = figures.comparison.operations.filter((operation) => !operation.sameAnswers);
      return differing.length === 0 ? 'all equal' : `**${differing.length} differ**`;
    })}`,
  ];
}

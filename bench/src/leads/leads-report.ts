import { DATABASE_LABELS, type ProductDatabase } from '../database-host.js';
import { fixed, joined, row, sameOrEach, seconds, tableHead } from '../markdown.js';
import type { OperationResult } from './engine-latency.js';
import type { LeadsOnDatabase, LeadsResult } from './leads-bench.js';

type Measured = [ProductDatabase, LeadsOnDatabase][];

const measuredOf = ({ byDatabase }: LeadsResult): Measured =>
  (['sqlite', 'postgres'] as const).flatMap((database) => {
    const figures = byDatabase[database];
    return figures === undefined ? [] : [[database, figures] as [ProductDatabase, LeadsOnDatabase]];
  });

function generationTable(measured: Measured): string[] {
  return [
    ...tableHead(
      ['database', 'companies', 'people', 'seconds', 'people/s', 'CLI peak RSS MB'],
      ['database'],
    ),
    ...measured.map(([database, { generation }]) =>
      row([
        DATABASE_LABELS[database],
        fixed(generation.companies),
        fixed(generation.people),
        seconds(generation.durationMs),
        fixed(generation.peoplePerSec),
        fixed(generation.peakRssMb),
      ]),
    ),
  ];
}

function importTable(measured: Measured): string[] {
  return [
    ...tableHead(
      ['database', 'format', 'records', 'rows', 'file MB', 'seconds', 'rows/s', 'CLI peak RSS MB'],
      ['database', 'format', 'records'],
    ),
    ...measured.flatMap(([database, { imports }]) =>
      imports.map((run) =>
        row([
          DATABASE_LABELS[database],
          run.format,
          run.kind,
          fixed(run.rows),
          fixed(run.fileMb, 1),
          seconds(run.durationMs),
          fixed(run.rowsPerSec),
          fixed(run.peakRssMb),
        ]),
      ),
    ),
  ];
}

const cpuPerRun = (operation: OperationResult) =>
  operation.databaseCpuMsPerRun === null
    ? fixed(operation.cpuMsPerRun)
    : `${fixed(operation.cpuMsPerRun)} + ${fixed(operation.databaseCpuMsPerRun)}`;

const NOTES = 'not applied / ignored';

/** One row per ICP and operation, each database's latency and CPU side by side. */
function engineTable(measured: Measured): string[] {
  const labels = measured.map(([database]) => DATABASE_LABELS[database]);
  const [first, second] = labels;
  const header = [
    'ICP',
    'operation',
    'runs',
    'matched',
    'leads',
    ...measured.flatMap(([database, { engine }]) => {
      const label = DATABASE_LABELS[database];
      const split = engine.operations.some((operation) => operation.databaseCpuMsPerRun !== null);
      return [
        `${label} p50 / max ms`,
        `${label} CPU ms per run${split ? ', server + database' : ''}`,
      ];
    }),
    ...(second === undefined ? [] : [`${second} vs ${first} p50`]),
    NOTES,
  ];
  const operations = measured.map(([, figures]) => figures.engine.operations);
  const rows = (operations[0] ?? []).map((operation, index) => {
    const each = operations.map((list) => list[index] as OperationResult);
    const [a, b] = each;
    return row([
      operation.icp,
      operation.operation,
      fixed(operation.runs),
      sameOrEach(each.map((result) => fixed(result.matched))),
      sameOrEach(each.map((result) => fixed(result.leads))),
      ...each.flatMap((result) => [
        joined([fixed(result.p50Ms), fixed(result.maxMs)]),
        cpuPerRun(result),
      ]),
      ...(a === undefined || b === undefined ? [] : [`${fixed(b.p50Ms / a.p50Ms, 2)}x`]),
      sameOrEach(each.map((result) => (result.notes.length === 0 ? '-' : result.notes.join(', ')))),
    ]);
  });
  return [...tableHead(header, ['ICP', 'operation', NOTES]), ...rows];
}

/** The "Lead engine" section of the report: one table per part, databases side by side. */
export function renderLeadsSection(result: LeadsResult): string[] {
  const { settings, importFiles, icps } = result;
  const measured = measuredOf(result);
  const [, firstFigures] = measured[0] ?? [];
  const people =
    firstFigures === undefined ? '' : `, ${fixed(firstFigures.generation.people)} people`;
  return [
    '## Lead engine',
    '',
    '### Generating the lead database',
    '',
    `\`icp leads generate --companies ${settings.companies} --seed 1\` into an empty database; wall time of the whole command, process start included.`,
    '',
    ...generationTable(measured),
    '',
    '### Import throughput',
    '',
    `\`icp leads import\` of ${fixed(importFiles.people)} generated people and their ${fixed(importFiles.companies)} companies (seed 2), each format into a fresh database, companies first; wall time of each command, process start included.`,
    '',
    ...importTable(measured),
    '',
    '### Previews and lead lists',
    '',
    `The built server on the generated database (${fixed(settings.companies)} companies${people}). ` +
      `Each ICP is created through the REST API, then previewed (limit ${settings.previewLimit}) ${settings.previewRuns} times, ` +
      `then given ${settings.listRuns} lead lists of each size, one request at a time. ` +
      'Latency is as the client sees it on the same machine; "matched" counts people before custom filters; ' +
      'lists are recorded, so a reuse window makes each list skip the people of the earlier ones. ' +
      "CPU is the server's, plus on PostgreSQL that of the PostgreSQL processes serving it.",
    '',
    ...engineTable(measured),
    '',
    ...icps.map(({ label, criteria }) => `- ${label}: \`${criteria}\``),
    ...measured.map(
      ([database, { engine }]) =>
        `- Server RSS on ${DATABASE_LABELS[database]}: ${fixed(engine.startRssMb)} MB after start, peak ${fixed(engine.peakRssMb)} MB while previewing and generating`,
    ),
    '',
  ];
}

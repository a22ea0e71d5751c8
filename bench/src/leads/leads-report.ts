import { DATABASE_LABELS, type ProductDatabase } from '../database-host.js';
import { fixed, joined, row, sameOrEach, seconds, tableHead } from '../markdown.js';
import type { OperationResult } from './engine-latency.js';
import {
  buildTable,
  comparisonTable,
  INDEX_TARGETS,
  type IndexTargets,
  indexTargets,
  loadTable,
  type Measured,
} from './index-report.js';
import { leadIcps } from './lead-icps.js';
import type { LeadsOnDatabase, LeadsResult } from './leads-bench.js';

/** What a lead engine section is called, and the targets it is held to. */
export interface LeadsSectionOptions {
  heading: string;
  targets: IndexTargets;
}

export const LEADS_SECTION: LeadsSectionOptions = {
  heading: 'Lead engine',
  targets: INDEX_TARGETS,
};

/** At ten million people the issue asks for previews within 50 ms; the rest is as at one. */
export const LEADS_10M_SECTION: LeadsSectionOptions = {
  heading: 'Lead engine at ten million people (`leads-10m`)',
  targets: { ...INDEX_TARGETS, previewP50Ms: 50 },
};

const CUSTOM_FILTER_ICP =
  leadIcps.find((icp) => (icp.body.customFilterCriteria ?? []).length > 0)?.label ?? '';

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

const NOTES = 'not applied / ignored / failed';

/** What the last answer did not apply, and the refusal that stopped the runs, if any. */
const notesCell = ({ notes, failure }: OperationResult) => {
  const all =
    failure === undefined ? notes : [...notes, `**stopped: ${failure.replaceAll('|', '/')}**`];
  return all.length === 0 ? '-' : all.join(', ');
};

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
      sameOrEach(each.map((result) => fixed(result.runs))),
      sameOrEach(each.map((result) => fixed(result.matched))),
      sameOrEach(each.map((result) => fixed(result.leads))),
      ...each.flatMap((result) => [
        joined([fixed(result.p50Ms), fixed(result.maxMs)]),
        cpuPerRun(result),
      ]),
      ...(a === undefined || b === undefined ? [] : [`${fixed(b.p50Ms / a.p50Ms, 2)}x`]),
      sameOrEach(each.map(notesCell)),
    ]);
  });
  return [...tableHead(header, ['ICP', 'operation', NOTES]), ...rows];
}

/** A lead engine section of the report: one table per part, databases side by side. */
export function renderLeadsSection(result: LeadsResult, options: LeadsSectionOptions): string[] {
  const { settings, importFiles, icps } = result;
  const measured = measuredOf(result);
  const [, firstFigures] = measured[0] ?? [];
  const people =
    firstFigures === undefined ? '' : `, ${fixed(firstFigures.generation.people)} people`;
  const load = settings.load;
  return [
    `## ${options.heading}`,
    '',
    '### Generating the lead database',
    '',
    `\`icp leads generate --companies ${settings.companies} --seed 1\` into an empty database; wall time of the whole command, process start included.`,
    '',
    ...generationTable(measured),
    '',
    ...(importFiles === undefined
      ? []
      : [
          '### Import throughput',
          '',
          `\`icp leads import\` of ${fixed(importFiles.people)} generated people and their ${fixed(importFiles.companies)} companies (seed 2), each format into a fresh database, companies first; wall time of each command, process start included.`,
          '',
          ...importTable(measured),
          '',
        ]),
    '### Lead index: build and size',
    '',
    'The lead index of the generated database, built in a process of its own (the one of the next table) as a server builds it at start. ' +
      "`size()` is the index's own count: its bitmaps in CRoaring's format, its columns and its ids. " +
      'The growth of RSS and of the JS heap and external memory across the build, each after a full garbage collection, cross-check it; ' +
      'RSS before the build is the process with the SQL engine alone.',
    '',
    ...buildTable(measured),
    '',
    '### Index vs SQL engine',
    '',
    `\`findLeads\` in one process on the generated database${people}, each engine in turn: a preview (the count and the first ${settings.previewLimit} leads with their reasons) ${settings.comparisonRuns.preview} times, ` +
      `then a list of ${fixed(settings.comparedListSize)} ${settings.comparisonRuns.list} times, after one uncounted call each. ` +
      'Lists are not recorded here, so the reuse window finds no one used (it is still looked up). ' +
      '"Same answers": both engines gave the same count and the same leads, in order, with the same reasons.',
    '',
    ...comparisonTable(measured),
    '',
    '### Previews and lead lists',
    '',
    `The built server (its lead index) on the generated database (${fixed(settings.companies)} companies${people}). ` +
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
        `- Server on ${DATABASE_LABELS[database]}: ready in ${seconds(engine.readyMs)} s (process start, migrations, lead index built); RSS ${fixed(engine.startRssMb)} MB once ready, peak ${fixed(engine.peakRssMb)} MB while previewing, generating lists and under load`,
    ),
    '',
    '### Previews under load',
    '',
    `The same server: ${load.connections} autocannon connections, each its own user, POST previews (limit ${load.previewLimit}) of the four ICPs in turn through REST for ${load.durationS} s, ` +
      'while one more client asks for an ICP by id through REST, one request at a time; the same probe ran for 3 s quietly just before.',
    '',
    ...loadTable(measured),
    '',
    '### Targets of the lead index',
    '',
    ...indexTargets(measured, options.targets, CUSTOM_FILTER_ICP),
    '',
  ];
}

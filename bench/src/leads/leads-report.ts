import type { LeadsResult } from './leads-bench.js';

const fixed = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const seconds = (ms: number) => fixed(ms / 1000, 1);
const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

function generationTable({ generation }: LeadsResult): string[] {
  return [
    '| companies | people | seconds | people/s | CLI peak RSS MB |',
    '| ---: | ---: | ---: | ---: | ---: |',
    row([
      fixed(generation.companies),
      fixed(generation.people),
      seconds(generation.durationMs),
      fixed(generation.peoplePerSec),
      fixed(generation.peakRssMb),
    ]),
  ];
}

function importTable({ imports }: LeadsResult): string[] {
  return [
    '| format | records | rows | file MB | seconds | rows/s | CLI peak RSS MB |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...imports.runs.map((run) =>
      row([
        run.format,
        run.kind,
        fixed(run.rows),
        fixed(run.fileMb, 1),
        seconds(run.durationMs),
        fixed(run.rowsPerSec),
        fixed(run.peakRssMb),
      ]),
    ),
  ];
}

function engineTable({ engine }: LeadsResult): string[] {
  return [
    '| ICP | operation | runs | matched | leads | p50 ms | max ms | server CPU ms per run | not applied / ignored |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...engine.operations.map((operation) =>
      row([
        operation.icp,
        operation.operation,
        fixed(operation.runs),
        fixed(operation.matched),
        fixed(operation.leads),
        fixed(operation.p50Ms),
        fixed(operation.maxMs),
        fixed(operation.cpuMsPerRun),
        operation.notes.length === 0 ? '-' : operation.notes.join(', '),
      ]),
    ),
  ];
}

/** The "Lead engine" section of the report: one table per part. */
export function renderLeadsSection(result: LeadsResult): string[] {
  const { settings, generation, imports, engine } = result;
  return [
    '## Lead engine',
    '',
    '### Generating the lead database',
    '',
    `\`icp leads generate --companies ${settings.companies} --seed 1\` into an empty SQLite file; wall time of the whole command, process start included.`,
    '',
    ...generationTable(result),
    '',
    '### Import throughput',
    '',
    `\`icp leads import\` of ${fixed(imports.people)} generated people and their ${fixed(imports.companies)} companies (seed 2), each format into a fresh database, companies first; wall time of each command, process start included.`,
    '',
    ...importTable(result),
    '',
    '### Previews and lead lists',
    '',
    `The built server on the generated database (${fixed(generation.companies)} companies, ${fixed(generation.people)} people). ` +
      `Each ICP is created through the REST API, then previewed (limit ${settings.previewLimit}) ${settings.previewRuns} times, ` +
      `then given ${settings.listRuns} lead lists of each size, one request at a time. ` +
      'Latency is as the client sees it on the same machine; "matched" counts people before custom filters; ' +
      'lists are recorded, so a reuse window makes each list skip the people of the earlier ones.',
    '',
    ...engineTable(result),
    '',
    ...engine.icps.map(({ label, criteria }) => `- ${label}: \`${criteria}\``),
    `- Server RSS: ${fixed(engine.startRssMb)} MB after start, peak ${fixed(engine.peakRssMb)} MB while previewing and generating`,
    '',
  ];
}

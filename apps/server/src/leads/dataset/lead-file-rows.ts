import { createReadStream } from 'node:fs';
import { access, constants, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { pipeline } from 'node:stream';
import { companyRecord, personRecord } from '@icp/schema';
import { parse } from 'csv-parse';

/** Which records a lead file holds. */
export type LeadKind = 'companies' | 'people';

/** One row of a lead file: the value it holds, or why it holds none. Lines count from 1. */
export type FileRow =
  | { line: number; input: Record<string, unknown> }
  | { line: number; problem: string };

/** The file cannot be imported: unreadable, of an unknown format, or with a bad header. */
export class LeadFileError extends Error {}

/** The file cannot be read past `line` (a CSV quote left open, say); rows before it were read. */
export class MalformedFileError extends LeadFileError {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const shapes = { companies: companyRecord.shape, people: personRecord.shape };
const NUMBER_FIELDS = new Set(['employeeCount', 'revenue', 'foundedYear', 'latitude', 'longitude']);
const LIST_FIELDS = new Set(['keywords', 'skills']);
const REQUIRED_FIELDS: Record<LeadKind, readonly string[]> = {
  companies: ['id', 'name'],
  people: ['id', 'firstName', 'lastName', 'jobTitle'],
};
const NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** The rows of a `.csv` or `.ndjson` (`.jsonl`) file, read as a stream. */
export async function readLeadFile(path: string, kind: LeadKind): Promise<AsyncGenerator<FileRow>> {
  const extension = extname(path).toLowerCase();
  const format =
    extension === '.csv' ? 'csv' : ['.ndjson', '.jsonl'].includes(extension) ? 'ndjson' : null;
  if (format === null) {
    throw new LeadFileError(`Cannot tell the format of ${path}: name it .csv or .ndjson`);
  }
  try {
    if (!(await stat(path)).isFile()) throw new LeadFileError(`Cannot read ${path}: not a file`);
    await access(path, constants.R_OK);
  } catch (error) {
    if (error instanceof LeadFileError) throw error;
    const code = Reflect.get(error as object, 'code');
    throw new LeadFileError(`Cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code}`);
  }
  return format === 'csv' ? csvRows(path, kind) : ndjsonRows(path);
}

function jsonRow(text: string, line: number): FileRow | null {
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { line, problem: `not valid JSON (${(error as Error).message})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { line, problem: 'expected a JSON object' };
  }
  return { line, input: value as Record<string, unknown> };
}

/** One JSON object per line; blank lines are passed over. */
async function* ndjsonRows(path: string): AsyncGenerator<FileRow> {
  let line = 0;
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() as string;
    for (const text of lines) {
      line++;
      const row = jsonRow(line === 1 ? text.replace(/^\uFEFF/, '') : text, line);
      if (row !== null) yield row;
    }
  }
  const last = jsonRow(line === 0 ? rest.replace(/^\uFEFF/, '') : rest, line + 1);
  if (last !== null) yield last;
}

/** The field each header cell names; `first_name` and `First Name` both name `firstName`. */
function fieldsOfHeader(header: readonly string[], kind: LeadKind): string[] {
  const fields = Object.keys(shapes[kind]);
  const byLooseName = new Map(fields.map((field) => [field.toLowerCase(), field]));
  const seen = new Set<string>();
  const columns = header.map((cell) => {
    const field = byLooseName.get(cell.replace(/[\s_-]/g, '').toLowerCase());
    if (field === undefined) {
      throw new LeadFileError(
        `Unknown column "${cell}" in the header (line 1); ${kind} files have the columns ${fields.join(', ')}`,
      );
    }
    if (seen.has(field)) throw new LeadFileError(`Column "${cell}" appears twice in the header`);
    seen.add(field);
    return field;
  });
  const missing = REQUIRED_FIELDS[kind].filter((field) => !seen.has(field));
  if (missing.length > 0) {
    throw new LeadFileError(`The header (line 1) lacks the column(s) ${missing.join(', ')}`);
  }
  return columns;
}

/** A record's value from its CSV cells: empty cells are left out, lists split on `;`. */
function csvInput(columns: readonly string[], cells: readonly string[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  columns.forEach((field, index) => {
    const cell = (cells[index] ?? '').trim();
    if (cell === '') return;
    if (LIST_FIELDS.has(field)) {
      input[field] = cell
        .split(';')
        .map((item) => item.trim())
        .filter((item) => item !== '');
    } else if (NUMBER_FIELDS.has(field)) {
      // Anything not a plain number stays text, for the schema to refuse with the value named.
      input[field] = NUMBER.test(cell) ? Number(cell) : cell;
    } else {
      input[field] = cell;
    }
  });
  return input;
}

/** A header row naming the fields, then one record per row (a quoted cell may span lines). */
async function* csvRows(path: string, kind: LeadKind): AsyncGenerator<FileRow> {
  const parser = parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true });
  pipeline(createReadStream(path, { highWaterMark: 1 << 20 }), parser, () => {});
  let columns: string[] | null = null;
  let lastLine = 0;
  let emptyLines = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number; empty_lines: number };
    }>) {
      // csv-parse reports the line a record ends on; people look for the line it starts on.
      const line = lastLine + 1 + (info.empty_lines - emptyLines);
      lastLine = info.lines;
      emptyLines = info.empty_lines;
      if (columns === null) {
        columns = fieldsOfHeader(record, kind);
        continue;
      }
      if (record.length !== columns.length) {
        yield { line, problem: `has ${record.length} cells; the header has ${columns.length}` };
        continue;
      }
      yield { line, input: csvInput(columns, record) };
    }
  } catch (error) {
    if (!String(Reflect.get(error as object, 'code')).startsWith('CSV_')) throw error;
    const at = lastLine + 1;
    throw new MalformedFileError(`Malformed CSV from line ${at}: ${(error as Error).message}`, at);
  }
  if (columns === null) throw new LeadFileError(`${path} is empty: expected a header row`);
}

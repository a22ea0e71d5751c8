import type { CrmSourcing, Lead } from '@icp/schema';
import { countryName, leadSourceOf } from './lead-text';

type Cell = string | number | null | undefined;

// A spreadsheet runs a cell that starts like a formula; lead data comes from outside, so such
// cells are kept as text by a leading apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV text, lines ended by CRLF as RFC 4180 and spreadsheets expect. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

type Column = readonly [string, (lead: Lead, crm: Pick<CrmSourcing, 'status'>) => Cell];

/** A country as its code and its English name, side by side. */
const nameOf = (code: string | null | undefined): Cell =>
  code === null || code === undefined ? null : countryName(code);

const columns: readonly Column[] = [
  ['first_name', ({ person }) => person.firstName],
  ['last_name', ({ person }) => person.lastName],
  ['job_title', ({ person }) => person.jobTitle],
  ['seniority', ({ person }) => person.seniority],
  ['department', ({ person }) => person.department],
  ['email', ({ person }) => person.email],
  ['country', ({ person }) => person.country],
  ['country_name', ({ person }) => nameOf(person.country)],
  ['state', ({ person }) => person.state],
  ['city', ({ person }) => person.city],
  ['skills', ({ person }) => person.skills.join('; ')],
  ['source', ({ person }, crm) => leadSourceOf(person, crm)],
  ['company', ({ company }) => company?.name],
  ['company_domain', ({ company }) => company?.domain],
  ['industry', ({ company }) => company?.industry],
  ['employee_count', ({ company }) => company?.employeeCount],
  ['company_country', ({ company }) => company?.country],
  ['company_country_name', ({ company }) => nameOf(company?.country)],
  ['reasons', ({ reasons }) => reasons.join('; ')],
  ['person_id', ({ person }) => person.id],
  ['company_id', ({ company }) => company?.id],
];

/** The header row of a lead list's CSV. */
export const leadCsvHeader: readonly string[] = columns.map(([name]) => name);

/**
 * A lead list as CSV: a header row, then one row per lead in list order. `source` is `crm` only
 * when the list's CRM search ran (see `leadSourceOf`).
 */
export function leadsToCsv(
  leads: readonly Lead[],
  crmSourcing: Pick<CrmSourcing, 'status'> = { status: 'not-requested' },
): string {
  return toCsv([
    leadCsvHeader,
    ...leads.map((lead) => columns.map(([, value]) => value(lead, crmSourcing))),
  ]);
}

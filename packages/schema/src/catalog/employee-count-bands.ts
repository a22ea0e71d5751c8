import type { Band, NumericRange } from './band.js';

/** Employee count bands a company filter offers, smallest first; adjacent bands do not overlap. */
export const employeeCountBands = [
  { label: '1-10', from: 1, to: 10 },
  { label: '11-50', from: 11, to: 50 },
  { label: '51-200', from: 51, to: 200 },
  { label: '201-500', from: 201, to: 500 },
  { label: '501-1000', from: 501, to: 1_000 },
  { label: '1001-5000', from: 1_001, to: 5_000 },
  { label: '5001-10000', from: 5_001, to: 10_000 },
  { label: '10001+', from: 10_001, to: null },
] as const satisfies readonly Band[];

const closedBand = /^(\d+)-(\d+)$/;
const openBand = /^(\d+)\+$/;

/**
 * The employee range of a legacy `company_size` band such as `501-1000` or `5001+`, or null when
 * the label is not a band. Spaces and thousands separators are ignored (`1,001 - 5,000`).
 */
export function employeeRangeOfLegacyBand(label: string): NumericRange | null {
  const compact = label.replace(/[\s,]/g, '');
  const open = openBand.exec(compact);
  if (open) return { from: Number(open[1]), to: null };
  const closed = closedBand.exec(compact);
  if (!closed) return null;
  const from = Number(closed[1]);
  const to = Number(closed[2]);
  return from <= to ? { from, to } : null;
}

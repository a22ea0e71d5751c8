/** A number with thousands separators and `digits` decimals. */
export const fixed = (value: number, digits = 0): string =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const seconds = (ms: number): string => fixed(ms / 1000, 1);

/** One row of a markdown table. */
export const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

/** The same figure of several servers in one cell, in column order: `1 / 2 / 3`. */
export const joined = (cells: readonly string[]): string => cells.join(' / ');

/** A cell that is the same for every server once, otherwise each server's. */
export const sameOrEach = (cells: readonly string[]): string =>
  new Set(cells).size === 1 ? (cells[0] ?? '') : joined(cells);

/** A table's header row and alignment row: numbers right-aligned, `textColumns` left. */
export const tableHead = (header: readonly string[], textColumns: readonly string[]): string[] => [
  row(header),
  row(header.map((title) => (textColumns.includes(title) ? '---' : '---:'))),
];

/**
 * The order of people and companies: their ids compared code point by code point, the order of
 * SQLite's default collation and of PostgreSQL's "C" collation. JavaScript's `<` compares UTF-16
 * code units, which puts characters beyond U+FFFF before U+E000-U+FFFF.
 */
export function compareIds(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (0xd800-0xdfff) starts a code point above every unit of the BMP.
    const xHigh = x >= 0xd800 && x <= 0xdfff;
    const yHigh = y >= 0xd800 && y <= 0xdfff;
    if (xHigh !== yHigh) return xHigh ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

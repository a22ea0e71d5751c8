import { setImmediate } from 'node:timers/promises';

/**
 * Reads rows a page at a time in id order (keyset: each page after the last id of the one
 * before) and applies each page, yielding to the event loop in between: long reads of the lead
 * tables never hold up other requests for more than a page's work.
 */
export async function inPages<Row extends { id: string }>(
  pageSize: number,
  read: (after: string | null, limit: number) => Promise<Row[]>,
  apply: (rows: Row[]) => void,
): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const rows = await read(after, pageSize);
    apply(rows);
    const last = rows.at(-1);
    if (rows.length < pageSize || last === undefined) return;
    after = last.id;
    await setImmediate();
  }
}

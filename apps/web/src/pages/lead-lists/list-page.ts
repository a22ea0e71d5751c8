import { MAX_LEAD_LIST_PAGE_NUMBER } from '@icp/schema';
import { formatCount } from '../../icp/text';

/** How many lead lists one page of the lead lists page shows. */
export const LEAD_LISTS_PAGE_SIZE = 50;

/**
 * The 0-based page named by the URL's `page`, which counts from 1 as people do: page 1 for
 * anything that is not a whole number from 1; a number past what the server can give asks for
 * its last page (the page then shows the last one that holds lists).
 */
export function parsePage(value: string | null | undefined): number {
  if (value === null || value === undefined || !/^[1-9]\d*$/.test(value)) return 0;
  return Math.min(Number(value) - 1, MAX_LEAD_LIST_PAGE_NUMBER);
}

/** The URL's search with `page` set for a 0-based page (none for the first), the rest kept. */
export function withPage(search: URLSearchParams, page: number): URLSearchParams {
  const next = new URLSearchParams(search);
  if (page === 0) next.delete('page');
  else next.set('page', String(page + 1));
  return next;
}

/** The last 0-based page that holds any of `total` lists (0 when there are none). */
export function lastPage(total: number, size: number): number {
  return Math.max(0, Math.ceil(total / size) - 1);
}

/** "Showing 101–150 of 150" (or "Showing 151 of 151"): which of all the lists a page holds. */
export function showingText(page: number, size: number, shown: number, total: number): string {
  const first = page * size + 1;
  const last = first + shown - 1;
  const range = last > first ? `${formatCount(first)}–${formatCount(last)}` : formatCount(first);
  return `Showing ${range} of ${formatCount(total)}`;
}

import type { LeadListPage } from '@icp/schema';
import type { Context as HonoContext } from 'hono';

const NAMES = ['page', 'size'] as const;

/**
 * `page` and `size` as sent, each given as digits (or a minus and digits) as a number: the
 * procedure checks them, and names any that is not a number in range.
 */
export function leadListPageQueryOf(c: HonoContext): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const name of NAMES) {
    const value = c.req.query(name);
    if (value !== undefined) query[name] = /^-?\d{1,9}$/.test(value) ? Number(value) : value;
  }
  return query;
}

/** The RFC 8288 `Link` to the page after `answered`, or undefined when it was the last. */
export function nextLeadListPageLink(c: HonoContext, answered: LeadListPage): string | undefined {
  const { page, size, total } = answered;
  if ((page + 1) * size >= total) return undefined;
  const next = new URLSearchParams({ page: String(page + 1), size: String(size) });
  return `<${new URL(c.req.url).pathname}?${next}>; rel="next"`;
}

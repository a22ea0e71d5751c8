import type { Lead } from '@icp/schema';
import type { CandidateCursor } from './custom-filters.js';

const byPersonId = (a: Lead, b: Lead) =>
  a.person.id < b.person.id ? -1 : a.person.id > b.person.id ? 1 : 0;

/**
 * The candidates of `stored` with `held` leads (found elsewhere, not stored) among them, all in
 * person-id order as the search reads stored people, so the custom filters see them where a
 * stored copy would have been.
 */
export function withHeldLeads(stored: CandidateCursor, held: readonly Lead[]): CandidateCursor {
  if (held.length === 0) return stored;
  const waiting = [...held].sort(byPersonId);
  const read: Lead[] = [];
  let storedDone = false;
  return {
    async next(limit) {
      if (!storedDone && read.length < limit) {
        const page = await stored.next(limit);
        if (page.length === 0) storedDone = true;
        else read.push(...page);
      }
      const out: Lead[] = [];
      // A held lead goes out only once the stored one it precedes has been read.
      while (out.length < limit && (read.length > 0 || (storedDone && waiting.length > 0))) {
        const next =
          read.length === 0 ||
          (waiting.length > 0 && byPersonId(waiting[0] as Lead, read[0] as Lead) < 0)
            ? waiting.shift()
            : read.shift();
        if (next !== undefined) out.push(next);
      }
      return out;
    },
  };
}

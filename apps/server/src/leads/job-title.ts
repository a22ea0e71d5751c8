/**
 * How job titles match. A title and a searched title are both reduced to a set of canonical
 * words (see `jobTitleWords` in the schema package: case, punctuation, word order and filler
 * words do not matter, and common abbreviations count as what they stand for); a person matches
 * a searched title when their title holds every word of it:
 * - the title may hold more words than the search: `CTO` matches `CTO & Co-Founder`, and
 *   `Engineering Manager` matches `Senior Engineering Manager`.
 * Words are matched whole (`Engineer` does not match `Engineering`).
 */
import { jobTitleWords } from '@icp/schema';

export { jobTitleWords };

/** Whether a person's title matches a searched title (see the rules above). */
export function jobTitleMatches(searched: string, title: string): boolean {
  const wanted = jobTitleWords(searched);
  if (wanted.length === 0) return false;
  const held = new Set(jobTitleWords(title));
  return wanted.every((word) => held.has(word));
}

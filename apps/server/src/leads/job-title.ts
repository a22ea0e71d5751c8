/**
 * How job titles match. A title and a searched title are both reduced to a set of canonical
 * words (see `jobTitleWords` in the schema package: case, punctuation, word order and filler
 * words do not matter, and common abbreviations count as what they stand for); a person matches
 * a searched title when their title holds every word of it:
 * - the title may hold more words than the search: `CTO` matches `CTO & Co-Founder`, and
 *   `Engineering Manager` matches `Senior Engineering Manager`.
 * Words are matched whole (`Engineer` does not match `Engineering`).
 */
import { jobTitleWords as wordsOfTitle } from '@icp/schema';
import { memoized } from './memoized.js';

/**
 * The canonical words of a title. Titles repeat (a lead database holds far fewer titles than
 * people), and reducing one takes microseconds, so the answers are remembered (boundedly).
 */
export const jobTitleWords: (title: string) => readonly string[] = memoized(wordsOfTitle);

/** Whether a person's title matches a searched title (see the rules above). */
export function jobTitleMatches(searched: string, title: string): boolean {
  const wanted = jobTitleWords(searched);
  if (wanted.length === 0) return false;
  const held = new Set(jobTitleWords(title));
  return wanted.every((word) => held.has(word));
}

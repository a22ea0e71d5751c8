/**
 * The message a request sends a pattern worker for one page of candidates, and its answer. One
 * message holds every pattern filter of the request and every lead of the page.
 */

/** The texts of one lead field for every lead of a page, flat: lead `i` has `counts[i]` of them. */
export interface PageTexts {
  values: string[];
  counts: number[];
}

export interface PatternTask {
  /** The patterns, in the order they filter; each names its field's texts in `texts`. */
  patterns: { regex: string; texts: number }[];
  /** The texts of each field the patterns test (patterns on one field share them). */
  texts: PageTexts[];
  /** The `Date.now()` time by which the work must end. */
  deadline: number;
  /**
   * Shared with the request: the worker writes here the position (from 1) of the pattern it is
   * compiling or testing, so a cancelled task still tells which pattern held it up.
   */
  progress: Int32Array;
}

export type PatternTaskResult =
  /** Whether each lead of the page passed every pattern. */
  | { kind: 'done'; passed: boolean[] }
  /** The deadline came while this pattern (a position in `patterns`) was compiled or tested. */
  | { kind: 'out-of-time'; pattern: number }
  /** This pattern does not compile; nothing was tested. */
  | { kind: 'uncompilable'; pattern: number; message: string };

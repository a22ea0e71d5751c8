/**
 * What one ICP may hold. The lead engine turns an ICP's criteria into one SQL query whose page
 * query repeats each criterion's condition, so these bounds keep every ICP the schema accepts
 * within what SQLite and PostgreSQL run (SQLite: 32,766 variables and an expression depth of
 * 1,000) and within a few seconds of database time. Lists of real ICPs hold a few dozen values.
 */

/** Values in one list of a provider filter (`location.city`, `skills`, `company.keywords`...). */
export const MAX_FILTER_LIST_VALUES = 1_000;

/** Characters of one value in such a list: a title, a city, a keyword... */
export const MAX_FILTER_VALUE_LENGTH = 200;

/**
 * Job titles one ICP searches, over all its criteria (`job_title` and legacy `job_titles`).
 * Each title is a subquery of its own, by far the costliest part of a search.
 */
export const MAX_ICP_JOB_TITLES = 100;

/** Words of one searched job title, as the engine reads them (`CTO` is three: see `jobTitleWords`). */
export const MAX_JOB_TITLE_WORDS = 16;

/** Bands in one legacy `company_size` filter (there are eight standard ones). */
export const MAX_COMPANY_SIZE_BANDS = 50;

/**
 * Ranges in one list of employee counts or revenues (`employeeCounts`, `employee_sizes`...):
 * OR-ed in one expression, as deep as they are many, like the bands.
 */
export const MAX_FILTER_RANGES = 50;

/**
 * Search terms in all the criteria of one ICP (see `searchTermsOfCriteria`): each is one SQL
 * variable, and the page query holds them about twice, so this stays well under 32,766.
 */
export const MAX_ICP_SEARCH_TERMS = 10_000;

/** Keys of one criterion's `filters` (at any level) besides those the schema types. */
export const MAX_OTHER_FILTER_KEYS = 32;

/** UTF-8 bytes of the JSON of one such key's value. */
export const MAX_OTHER_FILTER_VALUE_BYTES = 16 * 1024;

/** UTF-8 bytes of an ICP's JSON as stored (its fields, without id and timestamps). */
export const MAX_ICP_JSON_BYTES = 256 * 1024;

/**
 * ICPs other users may share with one user (their own ICPs do not count): what bounds the list
 * of anyone's ICPs, whoever else shares with them.
 */
export const MAX_ICPS_SHARED_WITH_USER = 1_000;

/** Most ICPs one page of the list holds, when it is asked for by pages. */
export const MAX_ICP_LIST_PAGE = 100;

/** The size in bytes of `text` encoded as UTF-8 (a lone surrogate counts as its replacement). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index += 1;
      } else {
        bytes += 3;
      }
    } else bytes += 3;
  }
  return bytes;
}

/** The size in bytes of `value`'s JSON, as UTF-8. */
export function jsonSize(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? '');
}

/** A size in KiB, for messages. */
export const kib = (bytes: number) => `${Math.ceil(bytes / 1024)} KiB`;

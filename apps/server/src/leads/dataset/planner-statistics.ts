import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { isPostgres } from '../../db/dialect.js';

/**
 * After a bulk load, brings PostgreSQL's planner statistics and visibility map up to date for
 * the lead tables, as after any restore: until autovacuum gets there, matching reads the heap
 * for rows its indexes alone could answer (an index-only scan halves a title search). SQLite
 * keeps the plans its indexes give, which the matching tests pin down.
 */
export async function refreshLeadStatistics(db: Db): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`vacuum (analyze) companies, company_keywords, people, person_title_words, person_skills`.execute(
    db,
  );
}

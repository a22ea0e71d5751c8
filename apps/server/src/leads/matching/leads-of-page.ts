import type { Db } from '../../db/connect.js';
import type { LeadsPage, MatchedPersonId } from './lead-engine.js';
import { leadOfRow, leadRowsOf } from './lead-row.js';
import { matchReasons } from './match-reasons.js';

/** A page of matching people, read from `db` as leads with their reasons. */
export async function leadsPageOf(db: Db, page: readonly MatchedPersonId[]): Promise<LeadsPage> {
  const rows = await leadRowsOf(
    db,
    page.map(({ personId }) => personId),
  );
  const matched = new Map(page.map((person) => [person.personId, person.matched]));
  return {
    leads: rows.map((row) => {
      const lead = leadOfRow(row);
      return { ...lead, reasons: matchReasons(matched.get(row.person_id) ?? [], lead) };
    }),
    people: page.length,
    lastPersonId: page.at(-1)?.personId ?? null,
  };
}

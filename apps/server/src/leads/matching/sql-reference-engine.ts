/**
 * The SQL engine: lead provider criteria as one query over the tables (criteria-query.ts). The
 * server searches its lead index instead (see ../index/); this engine is kept as the reference
 * the index is held to, by the equivalence property test and side by side in the bench.
 */
import type { Db } from '../../db/connect.js';
import {
  countMatchingPeople,
  matchingCompaniesPage,
  matchingPeoplePage,
} from './criteria-query.js';
import type { LeadEngine } from './lead-engine.js';

export function sqlReferenceEngine(db: Db): LeadEngine {
  return {
    async match(criteria) {
      const total = await countMatchingPeople(db, criteria);
      return {
        total,
        async page(after, limit) {
          const page = await matchingPeoplePage(db, criteria, { after, limit });
          return page.map(({ row, matched }) => ({ personId: row.person_id, matched }));
        },
        companies: (page) => matchingCompaniesPage(db, criteria, page),
      };
    },
  };
}

/** The lead engine the server runs: searches evaluated on the process's lead index. */

import type { LeadEngine, LeadMatches } from '../matching/lead-engine.js';
import type { ReadCriterion } from '../matching/provider-filters.js';
import { RoaringBitmap32 } from './bitmap.js';
import { criterionPeople } from './criteria-bitmaps.js';
import type { FreshLeadIndex } from './fresh-lead-index.js';

export function indexLeadEngine(fresh: FreshLeadIndex): LeadEngine {
  return {
    async match(criteria: readonly ReadCriterion[]): Promise<LeadMatches> {
      // CRM contacts are stored by the request that searches them: it must see them.
      const readOwnWrites = criteria.some((criterion) =>
        criterion.filters.some((filter) => filter.kind === 'crmContacts'),
      );
      const index = await fresh.fresh({ readOwnWrites });
      const matching = criteria.map((criterion) => criterionPeople(index, criterion));
      const everyone = RoaringBitmap32.orMany(matching);
      return {
        total: everyone.size,
        async page(after, limit) {
          return index.people.ordered(everyone, after, limit).map((number) => ({
            personId: index.people.idOf(number),
            matched:
              criteria.length === 1
                ? [...criteria]
                : criteria.filter((_, position) => matching[position]?.has(number)),
          }));
        },
        async companies({ offset, limit }) {
          const companyOf = index.companyOf;
          const employers = new RoaringBitmap32();
          const people = everyone.toUint32Array();
          const numbers = new Uint32Array(people.length);
          let length = 0;
          for (const person of people) {
            const company = companyOf[person] as number;
            if (company >= 0) {
              numbers[length] = company;
              length += 1;
            }
          }
          employers.addMany(numbers.subarray(0, length));
          const ordered = index.companies.ordered(employers, null, offset + limit).slice(offset);
          return {
            total: employers.size,
            companyIds: ordered.map((number) => index.companies.idOf(number)),
          };
        },
      };
    },
  };
}

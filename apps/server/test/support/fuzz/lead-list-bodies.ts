import fc from 'fast-check';
import { nonBlankText, text } from './valid-bodies.js';

/** An ISO 8601 date-time with an offset, as a caller may send one. */
const dateTime = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2100-01-01T00:00:00Z'),
    noInvalidDate: true,
  })
  .chain((date) => fc.constantFrom(date.toISOString(), date.toISOString().replace('Z', '+00:00')));

/** A period: a start and an end no earlier. */
const period = fc
  .tuple(dateTime, dateTime)
  .map(([a, b]) => (Date.parse(a) <= Date.parse(b) ? [a, b] : [b, a]));

/**
 * A body of `POST /api/v1/entities/leadlists` whose ids are among `personIds` and `companyIds`
 * (stored ones) and whose ICP is one of `icpIds` (null among them).
 */
export const leadListCreateBody = (
  personIds: readonly string[],
  companyIds: readonly string[],
  icpIds: readonly (string | null)[],
) =>
  fc
    .record(
      {
        name: nonBlankText(200),
        type: fc.constantFrom('person', 'company'),
        icpId: fc.constantFrom(...icpIds),
        period,
        personIds: fc.array(fc.constantFrom(...personIds), { maxLength: 5 }),
        companyIds: fc.array(fc.constantFrom(...companyIds), { maxLength: 5 }),
        userIds: fc.array(nonBlankText(255), { maxLength: 3 }),
      },
      { requiredKeys: ['name', 'icpId', 'period', 'personIds'] },
    )
    .map(({ period: dates, ...body }) => ({
      ...body,
      startDate: dates?.[0],
      endDate: dates?.[1],
    }));

const prospect = fc.record(
  {
    firstName: nonBlankText(100),
    lastName: nonBlankText(100),
    jobTitle: text(200),
    city: nonBlankText(200),
    email: fc.emailAddress().filter((email) => email.length <= 320),
    skills: fc.array(nonBlankText(100), { maxLength: 3 }),
  },
  { requiredKeys: ['firstName', 'lastName'] },
);

/** A body of `POST .../leadlists/{id}/prospects` picking among stored `personIds`. */
export const leadListProspectsBody = (personIds: readonly string[]) =>
  fc.oneof(
    fc.record({ prospects: fc.array(prospect, { minLength: 1, maxLength: 3 }) }),
    fc.record({
      personIds: fc.array(fc.constantFrom(...personIds), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({
      prospects: fc.array(prospect, { minLength: 1, maxLength: 2 }),
      personIds: fc.array(fc.constantFrom(...personIds), { minLength: 1, maxLength: 2 }),
    }),
  );

/**
 * Lead provider criteria as one SQL query over people left-joined to their company. The filters
 * of a criterion are AND-ed, criteria are OR-ed, so a person matching several criteria is still
 * one row. Only portable SQL (IN lists and subqueries, GROUP BY/HAVING, CASE, LOWER): the same
 * query runs on SQLite and Postgres.
 */
import {
  type Expression,
  type ExpressionBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import type { Db } from '../../db/connect.js';
import { leadRowsQuery } from './lead-row.js';
import type { AppliedFilter, ReadCriterion } from './provider-filters.js';

function peopleWithCompany(db: Db) {
  return db.selectFrom('people').leftJoin('companies', 'companies.id', 'people.company_id');
}

type PeopleWithCompany = ReturnType<typeof peopleWithCompany>;
type Scope =
  PeopleWithCompany extends SelectQueryBuilder<infer DB, infer TB, infer _Row>
    ? ExpressionBuilder<DB, TB>
    : never;

const NO_ONE = sql<SqlBool>`1 = 0`;

/**
 * Employee counts are 32-bit integers in the database; a bound past that range (the schema
 * allows any safe integer) means the same as the largest, and PostgreSQL would refuse it.
 */
const MAX_EMPLOYEE_COUNT = 2_147_483_647;
const employeeBound = (value: number) => Math.min(value, MAX_EMPLOYEE_COUNT);

function personLocationColumn(kind: 'country' | 'state' | 'city') {
  return `people.${kind}` as const;
}

function companyLocationColumn(kind: 'country' | 'state' | 'city') {
  return `companies.${kind}` as const;
}

const RANGE_COLUMNS = {
  employeeSize: 'companies.employee_count',
  revenue: 'companies.revenue',
  foundedYear: 'companies.founded_year',
} as const;

/** The company's value within [min, max] (either bound may be absent). */
function inRange(
  eb: Scope,
  kind: keyof typeof RANGE_COLUMNS,
  range: { min: number | null; max: number | null },
): Expression<SqlBool> {
  const column = RANGE_COLUMNS[kind];
  const bound = (value: number) => (kind === 'revenue' ? value : employeeBound(value));
  return eb.and([
    ...(range.min === null ? [] : [eb(column, '>=', bound(range.min))]),
    ...(range.max === null ? [] : [eb(column, '<=', bound(range.max))]),
  ]);
}

/** Not one of `values`: NULL (no value, or no company) is kept, as the index's AND NOT keeps it. */
function notAmong(
  eb: Scope,
  value: 'people.department' | 'companies.industry' | Expression<string | null>,
  values: readonly string[],
): Expression<SqlBool> {
  if (values.length === 0) return sql<SqlBool>`1 = 1`;
  return eb.or([eb(value, 'is', null), eb(value, 'not in', values)]);
}

function filterCondition(eb: Scope, filter: AppliedFilter): Expression<SqlBool> {
  switch (filter.kind) {
    case 'jobTitle':
      if (filter.titles.length === 0 && filter.exact.length === 0) return NO_ONE;
      // A title matches a person whose title words include all of its words: those holding n of
      // the n words. The primary key (word, person_id) makes count(*) a count of distinct words.
      return eb.or([
        ...(filter.exact.length === 0
          ? []
          : [eb(eb.fn<string>('lower', ['people.job_title']), 'in', filter.exact)]),
        ...filter.titles.map(({ words }) =>
          eb(
            'people.id',
            'in',
            eb
              .selectFrom('person_title_words')
              .select('person_title_words.person_id')
              .where('person_title_words.word', 'in', words)
              .groupBy('person_title_words.person_id')
              .having((having) => having.fn.countAll(), '=', words.length),
          ),
        ),
      ]);
    case 'seniority':
      return filter.values.length === 0 ? NO_ONE : eb('people.seniority', 'in', filter.values);
    case 'department':
      return filter.values.length === 0 ? NO_ONE : eb('people.department', 'in', filter.values);
    // An exclusion is an AND NOT: someone with no value at all is not left out.
    case 'excludeDepartment':
      return notAmong(eb, 'people.department', filter.values);
    case 'excludeIndustry':
      return notAmong(eb, 'companies.industry', filter.values);
    case 'domain':
      if (filter.values.length === 0) return NO_ONE;
      return eb(eb.fn<string>('lower', ['companies.domain']), 'in', filter.values);
    case 'excludeDomain':
      return notAmong(eb, eb.fn<string>('lower', ['companies.domain']), filter.values);
    case 'skills':
      if (filter.values.length === 0) return NO_ONE;
      return eb(
        'people.id',
        'in',
        eb
          .selectFrom('person_skills')
          .select('person_skills.person_id')
          .where('person_skills.skill', 'in', filter.values),
      );
    case 'country': {
      if (filter.codes.length === 0) return NO_ONE;
      const column =
        filter.owner === 'person'
          ? personLocationColumn('country')
          : companyLocationColumn('country');
      return eb(column, 'in', filter.codes);
    }
    case 'state':
    case 'city': {
      if (filter.values.length === 0) return NO_ONE;
      const column =
        filter.owner === 'person'
          ? personLocationColumn(filter.kind)
          : companyLocationColumn(filter.kind);
      return eb(eb.fn<string>('lower', [column]), 'in', filter.values);
    }
    case 'industry':
      return filter.values.length === 0 ? NO_ONE : eb('companies.industry', 'in', filter.values);
    case 'keywords':
      if (filter.values.length === 0) return NO_ONE;
      return eb(
        'people.company_id',
        'in',
        eb
          .selectFrom('company_keywords')
          .select('company_keywords.company_id')
          .where('company_keywords.keyword', 'in', filter.values),
      );
    case 'employeeSize':
    case 'revenue':
    case 'foundedYear':
      return inRange(eb, filter.kind, filter);
    case 'employeeSizes':
    case 'revenues': {
      if (filter.ranges.length === 0) return NO_ONE;
      const kind = filter.kind === 'revenues' ? 'revenue' : 'employeeSize';
      return eb.or(filter.ranges.map((range) => inRange(eb, kind, range)));
    }
    case 'companyIds':
      return filter.ids.length === 0 ? NO_ONE : eb('people.company_id', 'in', filter.ids);
    case 'crmContacts':
      return filter.ids.length === 0 ? NO_ONE : eb('people.id', 'in', filter.ids);
    case 'companySize':
      if (filter.bands.length === 0) return NO_ONE;
      return eb.or(
        filter.bands.map((band) =>
          eb.and([
            eb('companies.employee_count', '>=', employeeBound(band.from)),
            ...(band.to === null
              ? []
              : [eb('companies.employee_count', '<=', employeeBound(band.to))]),
          ]),
        ),
      );
  }
}

function criterionCondition(eb: Scope, criterion: ReadCriterion): Expression<SqlBool> {
  const conditions = criterion.filters.map((filter) => filterCondition(eb, filter));
  // A company search finds people through their company: someone without one cannot match.
  if (criterion.type === 'company') conditions.push(eb('people.company_id', 'is not', null));
  // People a CRM search brought in belong to its scope (see crm-scope.ts): found by their ids
  // for that search only, never by anyone's provider criteria.
  if (!criterion.filters.some((filter) => filter.kind === 'crmContacts')) {
    conditions.push(eb('people.crm_scope', 'is', null));
  }
  return eb.and(conditions);
}

function anyCriterion(eb: Scope, criteria: readonly ReadCriterion[]): Expression<SqlBool> {
  return criteria.length === 0
    ? NO_ONE
    : eb.or(criteria.map((criterion) => criterionCondition(eb, criterion)));
}

/** The query of the people matching any of `criteria` (read by `readCriteria`), by person id. */
export function matchingPeopleQuery(db: Db, criteria: readonly ReadCriterion[]) {
  return leadRowsQuery(db)
    .where((eb) => anyCriterion(eb, criteria))
    .orderBy('people.id');
}

/** One row of `matchingPeopleQuery`. */
export type MatchedPersonRow =
  ReturnType<typeof matchingPeopleQuery> extends SelectQueryBuilder<infer _DB, infer _TB, infer Row>
    ? Row
    : never;

/** A matching person and which of the criteria they match (at least one). */
export interface MatchedPerson {
  row: MatchedPersonRow;
  matched: ReadCriterion[];
}

/**
 * The query of a page of matching people: up to `limit` whose id sorts after `after` (keyset
 * pagination, stable while people are added), with a `matches_<i>` column per criterion.
 */
export function matchingPeoplePageQuery(
  db: Db,
  criteria: readonly ReadCriterion[],
  page: { after: string | null; limit: number },
) {
  // With one criterion every row matches it: no need to evaluate it a second time per row.
  const flagged = criteria.length > 1 ? criteria : [];
  const query = matchingPeopleQuery(db, criteria)
    .select((eb) =>
      flagged.map((criterion, position) =>
        eb
          .case()
          .when(criterionCondition(eb, criterion))
          .then(1)
          .else(0)
          .end()
          .as(`matches_${position}`),
      ),
    )
    .limit(page.limit);
  return page.after === null ? query : query.where('people.id', '>', page.after);
}

/** A page of matching people (see `matchingPeoplePageQuery`), each with the criteria they match. */
export async function matchingPeoplePage(
  db: Db,
  criteria: readonly ReadCriterion[],
  page: { after: string | null; limit: number },
): Promise<MatchedPerson[]> {
  if (criteria.length === 0) return [];
  const rows = await matchingPeoplePageQuery(db, criteria, page).execute();
  if (criteria.length === 1) return rows.map((row) => ({ row, matched: [...criteria] }));
  return rows.map((row) => {
    const flags = row as Record<string, unknown>;
    return {
      row,
      matched: criteria.filter((_, position) => Number(flags[`matches_${position}`]) === 1),
    };
  });
}

/** How many people match any of `criteria` (read by `readCriteria`). */
export async function countMatchingPeople(
  db: Db,
  criteria: readonly ReadCriterion[],
): Promise<number> {
  if (criteria.length === 0) return 0;
  const result = await peopleWithCompany(db)
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .where((eb) => anyCriterion(eb, criteria))
    .executeTakeFirst();
  return Number(result?.n ?? 0);
}

/**
 * A page of the companies employing anyone matching `criteria`, by company id, and how many
 * there are in all: for callers that list matches company by company.
 */
export async function matchingCompaniesPage(
  db: Db,
  criteria: readonly ReadCriterion[],
  page: { offset: number; limit: number },
): Promise<{ total: number; companyIds: string[] }> {
  if (criteria.length === 0) return { total: 0, companyIds: [] };
  const employers = peopleWithCompany(db)
    .where('people.company_id', 'is not', null)
    .where((eb) => anyCriterion(eb, criteria));
  const [counted, rows] = await Promise.all([
    employers
      .select((eb) => eb.fn.count<number | string | bigint>('people.company_id').distinct().as('n'))
      .executeTakeFirst(),
    employers
      .select('people.company_id as company_id')
      .distinct()
      .orderBy('people.company_id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
  ]);
  return {
    total: Number(counted?.n ?? 0),
    companyIds: rows.flatMap((row) => (row.company_id === null ? [] : [row.company_id])),
  };
}

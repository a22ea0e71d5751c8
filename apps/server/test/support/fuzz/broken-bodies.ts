import { MAX_COMPANY_SIZE_BANDS, MAX_FILTER_LIST_VALUES, MAX_ICP_JOB_TITLES } from '@icp/schema';
import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/**
 * Ways to break a valid body. Some breakages leave the body valid (a retyped value under a
 * provider's own filter key is still a provider value), so which are invalid is decided by the
 * schema, except for the ones marked as always refused.
 */
export interface BrokenBody {
  /** What was done, for the figures and for reading a failure. */
  how: string;
  /** The bytes sent. */
  raw: string;
  /** Refused whatever the schema says (text no database can store, not JSON at all...). */
  alwaysRefused: boolean;
}

function placesIn(value: Json, path: Path = []): Path[] {
  const places: Path[] = [path];
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      places.push(...placesIn(item, [...path, index]));
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) places.push(...placesIn(item, [...path, key]));
  }
  return places;
}

const REMOVED = Symbol('removed');
type Edit = (old: Json) => Json | typeof REMOVED;

/** `value` with the value at `path` edited (or removed), leaving `value` itself untouched. */
function edited(value: Json, path: Path, edit: Edit): Json | typeof REMOVED {
  if (path.length === 0) return edit(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const child = edited(value[head as number] as Json, rest, edit);
    return child === REMOVED
      ? value.filter((_, index) => index !== head)
      : value.map((item, index) => (index === head ? child : item));
  }
  const record = value as Record<string, Json>;
  const child = edited(record[head as string] as Json, rest, edit);
  if (child !== REMOVED) return { ...record, [head as string]: child };
  const { [head as string]: _removed, ...others } = record;
  return others;
}

function editAt(json: Json, path: Path, edit: Edit): Json {
  const result = edited(json, path, edit);
  return result === REMOVED ? null : result;
}

const otherTypeThan = (old: Json): fc.Arbitrary<Json> =>
  fc
    .constantFrom<Json>(null, true, 0, -1, 1.5, 1e21, '', 'x', [], {}, [1], { a: 1 })
    .filter((value) => typeof value !== typeof old || Array.isArray(value) !== Array.isArray(old));

/**
 * The longest each list may be, by the key that holds it (in any of the bodies generated): one
 * more item than this is refused.
 */
const LIST_CAPS: Record<string, number> = {
  leadProviderCriteria: 100,
  customFilterCriteria: 100,
  userIds: 1_000,
  job_title: MAX_ICP_JOB_TITLES,
  job_titles: MAX_ICP_JOB_TITLES,
  company_size: MAX_COMPANY_SIZE_BANDS,
  jobTitles: MAX_ICP_JOB_TITLES,
  ...Object.fromEntries(
    [
      ...['country', 'state', 'city', 'industry', 'keywords', 'skills', 'seniority', 'department'],
      ...['includeSearchStrings', 'excludeSearchStrings'],
      ...['industries', 'primaryLocations', 'countries', 'departments', 'seniorities'],
    ].map((key) => [key, MAX_FILTER_LIST_VALUES]),
  ),
};

/** The places of lists that have a cap, with the cap. */
function cappedLists(json: Json): { path: Path; cap: number }[] {
  return placesIn(json).flatMap((path) => {
    const key = path.at(-1);
    const cap = typeof key === 'string' ? LIST_CAPS[key] : undefined;
    return cap !== undefined && Array.isArray(valueAt(json, path)) ? [{ path, cap }] : [];
  });
}

/** A list one item longer than its cap: its first item repeated, or a short text. */
function overLong(old: Json, cap: number): Json {
  const items = old as Json[];
  return Array.from({ length: cap + 1 }, (_, index) => items[0] ?? `x${index}`);
}

/** A valid `body` broken in one of many ways. */
export function brokenBody(valid: fc.Arbitrary<unknown>): fc.Arbitrary<BrokenBody> {
  const sent = (how: string, body: unknown, alwaysRefused = false): BrokenBody => ({
    how,
    raw: JSON.stringify(body),
    alwaysRefused,
  });
  return valid.chain((body) => {
    const json = JSON.parse(JSON.stringify(body)) as Json;
    const places = placesIn(json);
    const place = fc.constantFrom(...places);
    const innerPlace = places.length > 1 ? fc.constantFrom(...places.slice(1)) : place;
    const strings = places.filter((path) => typeof valueAt(json, path) === 'string');
    const lists = cappedLists(json);
    return fc.oneof(
      innerPlace.map((path) =>
        sent(
          'a value removed',
          editAt(json, path, () => REMOVED),
        ),
      ),
      place.chain((path) =>
        otherTypeThan(valueAt(json, path)).map((other) =>
          sent(
            'a value of another type',
            editAt(json, path, () => other),
          ),
        ),
      ),
      fc
        .tuple(place, fc.constantFrom(-1, 0, 0.5, 101, 10_001, 2 ** 31, 2 ** 53, -(2 ** 53)))
        .map(([path, number]) =>
          sent(
            'a number out of range',
            editAt(json, path, () => number),
          ),
        ),
      fc
        .tuple(place, fc.constantFrom('leadPerList', 'user_ids', 'unknown', 'type', 'x'))
        .map(([path, key]) =>
          sent(
            'an unexpected key',
            editAt(json, path, (old) =>
              old !== null && typeof old === 'object' && !Array.isArray(old)
                ? { ...old, [key]: 1 }
                : { [key]: old },
            ),
          ),
        ),
      fc
        .constantFrom('nonsense', 'Website', '', 'maxpeoplepercompany')
        .map((type) => sent('an unknown custom filter type', withCustomFilter(json, { type }))),
      fc
        .constantFrom('(', '[a-', '*', 'a{2,1}', '(?<n>a)(?<n>b)')
        .map((regex) =>
          sent(
            'a regex that does not compile',
            withCustomFilter(json, { type: 'matchFieldWithRegex', field: 'title', regex }),
          ),
        ),
      // A list one past its cap, whatever the rest of the body holds.
      ...(lists.length === 0
        ? []
        : [
            fc.constantFrom(...lists).map(({ path, cap }) =>
              sent(
                'an over-long array',
                editAt(json, path, (old) => overLong(old, cap)),
                true,
              ),
            ),
          ]),
      // What no database can store, anywhere in the body.
      ...(strings.length === 0
        ? []
        : [
            fc
              .tuple(fc.constantFrom(...strings), fc.constantFrom('\u0000', '\ud800', '\udfff'))
              .map(([path, bad]) =>
                sent(
                  'text no database can store',
                  editAt(json, path, (old) => `${old}${bad}`),
                  true,
                ),
              ),
          ]),
      fc.constant(null).map(() => ({
        how: 'a __proto__ key',
        raw: JSON.stringify(json).replace(/^\{/, '{"__proto__":{"x":1},'),
        alwaysRefused: true,
      })),
      fc.integer({ min: 1, max: JSON.stringify(json).length - 1 }).map((cut) => ({
        how: 'JSON cut short',
        raw: JSON.stringify(json).slice(0, cut),
        alwaysRefused: true,
      })),
    );
  });
}

/** Bodies that were never meant to be one: any JSON value, or text that is not JSON. */
export const strangeBody: fc.Arbitrary<BrokenBody> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((value) => ({
    how: 'any JSON value',
    raw: JSON.stringify(value),
    alwaysRefused: false,
  })),
  fc
    .string({ unit: 'binary', maxLength: 50 })
    // An empty body is no body: the routes whose body is optional accept it.
    .filter((raw) => raw !== '' && !parses(raw))
    .map((raw) => ({ how: 'not JSON', raw, alwaysRefused: true })),
);

function withCustomFilter(json: Json, filter: Record<string, Json>): Json {
  const body = (json !== null && typeof json === 'object' && !Array.isArray(json) ? json : {}) as {
    [key: string]: Json;
  };
  const current = Array.isArray(body.customFilterCriteria) ? body.customFilterCriteria : [];
  return { ...body, customFilterCriteria: [...current, filter] };
}

function valueAt(json: Json, path: Path): Json {
  let at: Json = json;
  for (const key of path) at = (at as Record<string | number, Json>)[key] as Json;
  return at;
}

function parses(raw: string): boolean {
  try {
    JSON.parse(raw);
    return true;
  } catch {
    return false;
  }
}

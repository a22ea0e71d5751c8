import {
  type BaseProviderFilters,
  type CrmFilterCondition,
  type CrmFilters,
  type CustomFilterCriterion,
  type CustomFilterCriterionInput,
  type CustomFilterType,
  customFilterCriterion,
  customFilterTypes,
  type ErrorDetail,
  type IcpCreate,
  type IcpCreateInput,
  icpCreateInput,
  LEADS_PER_LIST_DEFAULT,
  type LeadProviderCriterion,
} from '@icp/schema';

/**
 * The form's state. Text boxes hold strings (a number box may be empty or half typed), lists are
 * edited as tags, and whatever the form has no control for is carried along untouched so that
 * saving an existing profile never drops data.
 */
export interface IcpDraft {
  name: string;
  description: OptionalText;
  leadsPerList: string;
  /** A `datetime-local` value in the browser's time zone; empty means no expiry. */
  activeUntil: string;
  userIds: string[];
  leadCriteria: LeadCriterionDraft[];
  customFilters: CustomFilterDraft[];
  crm: CrmDraft;
}

/**
 * Text whose empty box may stand for `null`, `''` or a missing key: `blank` remembers which one the
 * saved profile had, so an untouched empty box is saved as it was.
 */
export interface OptionalText {
  text: string;
  blank: '' | null | undefined;
}

export interface LeadCriterionDraft {
  key: string;
  /** Left out means a person search (the legacy form); kept left out until changed. */
  type: LeadProviderCriterion['type'];
  jobTitles: string[];
  seniority: string[];
  skills: string[];
  countries: string[];
  states: string[];
  cities: string[];
  industries: string[];
  keywords: string[];
  minEmployees: string;
  maxEmployees: string;
  /** A JSON object of the provider filter keys the form has no control for. */
  advancedJson: string;
}

type FilterOf<T extends CustomFilterType> = Extract<CustomFilterCriterion, { type: T }>;
type Keyed<T> = T & { key: string };

/** The filter types whose only setting is a whole number with a documented default. */
export type NumberFilterType = Extract<CustomFilterCriterion, { value: number }>['type'];

export type CustomFilterDraft =
  | Keyed<FilterOf<'website'>>
  | Keyed<FilterOf<'webscraping'>>
  | Keyed<FilterOf<'ai'>>
  | Keyed<{ type: NumberFilterType; value: string }>
  | Keyed<FilterOf<'matchFieldWithRegex'>>;

export type CrmConditionMode = CrmFilterCondition['mode'];

export interface CrmConditionDraft {
  key: string;
  path: string;
  mode: CrmConditionMode;
  /** The value of `equals` and `startsWith`. */
  value: string;
  /** The values of `in`; both are kept so switching the mode back and forth loses nothing. */
  values: string[];
  exclude: boolean;
}

export interface CrmDraft {
  enabled: boolean;
  textSearch: OptionalText;
  /** The legacy `query`, or null when the profile has none (the form then never adds one). */
  legacyQuery: OptionalText | null;
  conditions: CrmConditionDraft[];
  /** Whether `filters` is sent when there are no conditions (it was there, possibly empty). */
  keepEmptyConditions: boolean;
}

/** Documented defaults of the number filters, read from the schema rather than restated. */
export const numberFilterDefaults = Object.fromEntries(
  customFilterTypes.flatMap((type) => {
    const parsed = customFilterCriterion.safeParse({ type });
    return parsed.success && 'value' in parsed.data ? [[type, parsed.data.value]] : [];
  }),
) as Record<NumberFilterType, number>;

export function isNumberFilterType(type: CustomFilterType): type is NumberFilterType {
  return type in numberFilterDefaults;
}

let lastKey = 0;
/** A React key for an item of a list; never sent. */
const newKey = (): string => {
  lastKey += 1;
  return `item-${lastKey}`;
};

const optionalText = (value: string | null | undefined): OptionalText =>
  value === undefined || value === null || value === ''
    ? { text: '', blank: value }
    : { text: value, blank: null };

const optionalTextValue = (value: OptionalText): string | null | undefined =>
  value.text === '' ? value.blank : value.text;

export function emptyDraft(): IcpDraft {
  return {
    name: '',
    description: { text: '', blank: null },
    leadsPerList: String(LEADS_PER_LIST_DEFAULT),
    activeUntil: '',
    userIds: [],
    leadCriteria: [],
    customFilters: [],
    crm: {
      enabled: false,
      textSearch: { text: '', blank: undefined },
      legacyQuery: null,
      conditions: [],
      keepEmptyConditions: false,
    },
  };
}

export function newLeadCriterion(): LeadCriterionDraft {
  return {
    key: newKey(),
    type: 'person',
    jobTitles: [],
    seniority: [],
    skills: [],
    countries: [],
    states: [],
    cities: [],
    industries: [],
    keywords: [],
    minEmployees: '',
    maxEmployees: '',
    advancedJson: '',
  };
}

export function newCustomFilter(type: CustomFilterType): CustomFilterDraft {
  const key = newKey();
  if (isNumberFilterType(type)) return { key, type, value: String(numberFilterDefaults[type]) };
  switch (type) {
    case 'website':
      return { key, type, provider: '', prompt: '' };
    case 'webscraping':
      return { key, type, provider: '', extractionPrompt: '' };
    case 'ai':
      return { key, type, entityType: 'person', prompt: '' };
    case 'matchFieldWithRegex':
      return { key, type, field: '', regex: '' };
  }
}

export function newCrmCondition(): CrmConditionDraft {
  return { key: newKey(), path: '', mode: 'equals', value: '', values: [], exclude: false };
}

/* From a saved profile to the form */

/** The fields of a profile the form edits; a full `Icp` (with id and dates) fits too. */
export type IcpBody = IcpCreate;

export function draftFromIcp(icp: IcpBody): IcpDraft {
  return {
    name: icp.name,
    description: optionalText(icp.description),
    leadsPerList: String(icp.leadsPerList),
    activeUntil: isoToLocalInput(icp.activeUntil),
    userIds: [...icp.userIds],
    leadCriteria: icp.leadProviderCriteria.map(leadCriterionFromBody),
    customFilters: icp.customFilterCriteria.map(customFilterFromBody),
    crm: crmFromBody(icp.crmFilters),
  };
}

function leadCriterionFromBody(criterion: LeadProviderCriterion): LeadCriterionDraft {
  // What the form takes out of this copy gets its own control; what is left is advanced JSON.
  const rest: Record<string, unknown> = structuredClone(criterion.filters);
  const draft = {
    ...newLeadCriterion(),
    type: criterion.type,
    jobTitles: takeList(rest, 'job_title'),
    seniority: takeList(rest, 'seniority'),
    skills: takeList(rest, 'skills'),
  };
  takeObject(rest, 'location', (location) => {
    draft.countries = takeList(location, 'country');
    draft.states = takeList(location, 'state');
    draft.cities = takeList(location, 'city');
  });
  takeObject(rest, 'company', (company) => {
    draft.industries = takeList(company, 'industry');
    draft.keywords = takeList(company, 'keywords');
    takeObject(company, 'employee_size', (size) => {
      draft.minEmployees = takeNumber(size, 'min');
      draft.maxEmployees = takeNumber(size, 'max');
    });
  });
  draft.advancedJson = Object.keys(rest).length === 0 ? '' : JSON.stringify(rest, null, 2);
  return draft;
}

type JsonObject = Record<string, unknown>;

const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((entry) => typeof entry === 'string');

// An empty list filters nothing, so it is read as "no tags" and not written back.
function takeList(from: JsonObject, key: string): string[] {
  const value = from[key];
  if (!isStringList(value)) return [];
  delete from[key];
  return value;
}

function takeNumber(from: JsonObject, key: string): string {
  const value = from[key];
  if (typeof value !== 'number') return '';
  delete from[key];
  return String(value);
}

/** Lets `read` take keys out of a nested object; drops the object once nothing is left in it. */
function takeObject(from: JsonObject, key: string, read: (inner: JsonObject) => void): void {
  const inner = from[key];
  if (!isJsonObject(inner)) return;
  const hadKeys = Object.keys(inner).length > 0;
  read(inner);
  if (hadKeys && Object.keys(inner).length === 0) delete from[key];
}

function customFilterFromBody(filter: CustomFilterCriterion): CustomFilterDraft {
  const key = newKey();
  if ('value' in filter) return { key, type: filter.type, value: String(filter.value) };
  return { ...structuredClone(filter), key };
}

function crmFromBody(crm: CrmFilters | null): CrmDraft {
  const empty = emptyDraft().crm;
  if (crm === null) return empty;
  return {
    enabled: true,
    textSearch: optionalText(crm.textSearch),
    legacyQuery: 'query' in crm ? optionalText(crm.query) : null,
    conditions: (crm.filters ?? []).map((condition) => ({
      key: newKey(),
      path: condition.path,
      mode: condition.mode,
      value: typeof condition.value === 'string' ? condition.value : '',
      values: typeof condition.value === 'string' ? [] : [...condition.value],
      exclude: condition.exclude,
    })),
    keepEmptyConditions: crm.filters !== undefined,
  };
}

/* From the form to a request body */

export interface DraftBody {
  body: IcpCreateInput;
  /** What could not even be put into the body, such as advanced JSON that does not parse. */
  problems: ErrorDetail[];
}

export function draftToBody(draft: IcpDraft): DraftBody {
  const problems: ErrorDetail[] = [];
  const leadProviderCriteria = draft.leadCriteria.map((criterion, index) => {
    const { filters, error } = leadFiltersOf(criterion);
    if (error !== null) {
      problems.push({ path: ['leadProviderCriteria', index, 'filters'], message: error });
    }
    const body: LeadProviderCriterion = { provider: 'baseProvider', filters };
    if (criterion.type !== undefined) body.type = criterion.type;
    return body;
  });
  return {
    body: {
      name: draft.name,
      description: optionalTextValue(draft.description) ?? null,
      leadProviderCriteria,
      customFilterCriteria: draft.customFilters.map(customFilterToBody),
      crmFilters: crmToBody(draft.crm),
      userIds: [...draft.userIds],
      leadsPerList: numberOf(draft.leadsPerList),
      activeUntil: localInputToIso(draft.activeUntil),
    },
    problems,
  };
}

/** An empty box is not a number: NaN makes validation say so instead of sending 0. */
const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

export type AdvancedJson = { value: JsonObject; error: null } | { value: null; error: string };

export function parseAdvancedJson(text: string): AdvancedJson {
  if (text.trim() === '') return { value: {}, error: null };
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value)
      ? { value, error: null }
      : { value: null, error: 'Must be a JSON object, such as { "job_titles": ["CTO"] }' };
  } catch (error) {
    return {
      value: null,
      error: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function leadFiltersOf(criterion: LeadCriterionDraft): {
  filters: BaseProviderFilters;
  error: string | null;
} {
  const advanced = parseAdvancedJson(criterion.advancedJson);
  const filters: JsonObject = advanced.value ?? {};
  putList(filters, ['job_title'], criterion.jobTitles);
  putList(filters, ['seniority'], criterion.seniority);
  putList(filters, ['skills'], criterion.skills);
  putList(filters, ['location', 'country'], criterion.countries);
  putList(filters, ['location', 'state'], criterion.states);
  putList(filters, ['location', 'city'], criterion.cities);
  putList(filters, ['company', 'industry'], criterion.industries);
  putList(filters, ['company', 'keywords'], criterion.keywords);
  if (criterion.minEmployees.trim() !== '') {
    putValue(filters, ['company', 'employee_size', 'min'], Number(criterion.minEmployees));
  }
  if (criterion.maxEmployees.trim() !== '') {
    putValue(filters, ['company', 'employee_size', 'max'], Number(criterion.maxEmployees));
  }
  return { filters, error: advanced.error };
}

function putList(into: JsonObject, path: readonly string[], list: readonly string[]): void {
  if (list.length > 0) putValue(into, path, [...list]);
}

/**
 * Sets a value at a path, creating the objects on the way. Where the advanced JSON put something
 * other than an object on the path, it is left as written and validation reports it there.
 */
function putValue(into: JsonObject, path: readonly string[], value: unknown): void {
  let node = into;
  for (const key of path.slice(0, -1)) {
    const child = node[key] ?? {};
    if (!isJsonObject(child)) return;
    node[key] = child;
    node = child;
  }
  const last = path.at(-1);
  if (last !== undefined) node[last] = value;
}

function customFilterToBody(filter: CustomFilterDraft): CustomFilterCriterionInput {
  switch (filter.type) {
    case 'website':
      return { type: filter.type, provider: filter.provider, prompt: filter.prompt };
    case 'webscraping': {
      const body: FilterOf<'webscraping'> = {
        type: filter.type,
        provider: filter.provider,
        extractionPrompt: filter.extractionPrompt,
      };
      if (filter.pageFindingPrompt !== undefined && filter.pageFindingPrompt !== '') {
        body.pageFindingPrompt = filter.pageFindingPrompt;
      }
      if (filter.includeSearchStrings !== undefined) {
        body.includeSearchStrings = [...filter.includeSearchStrings];
      }
      if (filter.excludeSearchStrings !== undefined) {
        body.excludeSearchStrings = [...filter.excludeSearchStrings];
      }
      return body;
    }
    case 'ai':
      return { type: filter.type, entityType: filter.entityType, prompt: filter.prompt };
    case 'matchFieldWithRegex':
      return { type: filter.type, field: filter.field, regex: filter.regex };
    default:
      // An empty box leaves the value out, so the documented default applies.
      return filter.value.trim() === ''
        ? { type: filter.type }
        : { type: filter.type, value: Number(filter.value) };
  }
}

function crmToBody(crm: CrmDraft): CrmFilters | null {
  if (!crm.enabled) return null;
  const body: CrmFilters = { provider: 'bullhorn' };
  const textSearch = optionalTextValue(crm.textSearch);
  if (textSearch !== undefined) body.textSearch = textSearch;
  if (crm.legacyQuery !== null) {
    const query = optionalTextValue(crm.legacyQuery);
    if (query !== undefined) body.query = query;
  }
  if (crm.conditions.length > 0 || crm.keepEmptyConditions) {
    body.filters = crm.conditions.map(
      (condition): CrmFilterCondition =>
        condition.mode === 'in'
          ? {
              path: condition.path,
              mode: 'in',
              value: [...condition.values],
              exclude: condition.exclude,
            }
          : {
              path: condition.path,
              mode: condition.mode,
              value: condition.value,
              exclude: condition.exclude,
            },
    );
  }
  return body;
}

/* Dates: the form shows local time, the API wants ISO 8601 with an offset */

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** An ISO date-time as a `datetime-local` value in the browser's time zone, to the millisecond. */
export function isoToLocalInput(iso: string | null): string {
  if (iso === null) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  let text = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`;
  if (date.getSeconds() !== 0 || date.getMilliseconds() !== 0) text += `:${pad(date.getSeconds())}`;
  if (date.getMilliseconds() !== 0) text += `.${pad(date.getMilliseconds(), 3)}`;
  return text;
}

/** A `datetime-local` value as UTC ISO 8601 (`Z`); empty means no expiry. */
export function localInputToIso(text: string): string | null {
  if (text.trim() === '') return null;
  // Without an offset, a date-time string is read in the local time zone.
  const date = new Date(text);
  // Left as typed, validation reports it beside the field.
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}

/* Where the form starts */

const NAME_MAX = icpCreateInput.shape.name.maxLength ?? Number.POSITIVE_INFINITY;

/** The signed-in user first, everyone else as they were. */
const withUser = (userIds: readonly string[], userId: string): string[] => [
  userId,
  ...userIds.filter((id) => id !== userId),
];

/** A new profile: shared with its creator, nothing else chosen yet. */
export function draftForNew(currentUserId: string): IcpDraft {
  return { ...emptyDraft(), userIds: withUser([], currentUserId) };
}

/** A new profile prefilled from an existing one, named as its copy. */
export function draftForCopy(source: IcpBody, currentUserId: string): IcpDraft {
  const draft = draftFromIcp(source);
  return {
    ...draft,
    name: `Copy of ${source.name}`.slice(0, NAME_MAX),
    userIds: withUser(draft.userIds, currentUserId),
  };
}

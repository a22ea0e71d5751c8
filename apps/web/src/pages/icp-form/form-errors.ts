import {
  type ErrorDetail,
  type IcpCreateInput,
  icpCreateInput,
  icpPatchInput,
  issuesToDetails,
} from '@icp/schema';
import type { z } from 'zod';
import { type FieldErrors, pathKey } from '../../api/api-error';
import { plainMessage } from '../../api/plain-message';
import { draftToBody, type IcpDraft } from './icp-draft';

export type FormMode = 'create' | 'edit';

/**
 * The body the draft stands for and everything wrong with it, checked by the same schema the
 * server uses (`icpCreateInput` to create, `icpPatchInput` to edit).
 */
export function validateDraft(
  mode: FormMode,
  draft: IcpDraft,
): { body: IcpCreateInput; details: ErrorDetail[] } {
  const { body, problems } = draftToBody(draft);
  const result = (mode === 'create' ? icpCreateInput : icpPatchInput).safeParse(body);
  const issues = result.success ? [] : result.error.issues;
  const readable = issues.map((issue) => ({ ...issue, message: readableMessage(issue) }));
  return { body, details: [...problems, ...issuesToDetails(readable)] };
}

/** Zod's messages, worded for people filling in a form. */
export function readableMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string' && minimum === 1) return 'Required';
      if (issue.origin === 'array' && minimum === 1) return 'Add at least one';
      if (issue.origin === 'number' || issue.origin === 'int') return `Must be at least ${minimum}`;
      return plainMessage(issue.message);
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return `Must be at most ${maximum} characters`;
      if (issue.origin === 'array') return `Must have at most ${maximum} entries`;
      if (issue.origin === 'number' || issue.origin === 'int') return `Must be at most ${maximum}`;
      return plainMessage(issue.message);
    }
    case 'invalid_type':
      if (
        issue.message !== 'Required' &&
        (issue.expected === 'number' || issue.expected === 'int')
      ) {
        return 'Enter a whole number';
      }
      return plainMessage(issue.message);
    case 'invalid_format':
      return issue.format === 'datetime' ? 'Enter a valid date and time' : issue.message;
    default:
      return plainMessage(issue.message);
  }
}

type Path = readonly (string | number)[];

const LEAD_FILTER_FIELDS = [
  'job_title',
  'seniority',
  'skills',
  'location.country',
  'location.state',
  'location.city',
  'company.industry',
  'company.keywords',
  'company.employee_size.min',
  'company.employee_size.max',
];
const CUSTOM_FILTER_FIELDS = new Set([
  'provider',
  'prompt',
  'extractionPrompt',
  'pageFindingPrompt',
  'includeSearchStrings',
  'excludeSearchStrings',
  'entityType',
  'value',
  'field',
  'regex',
]);
const CONDITION_FIELDS = new Set(['path', 'mode', 'value']);
const TOP_LEVEL_FIELDS = new Set(['name', 'description', 'leadsPerList', 'activeUntil', 'userIds']);

/**
 * Where the form shows an error about `path`: the key of the control that edits it, else of the
 * item or section holding it, else '' (the form as a whole). Every key returned here is shown.
 */
export function fieldKeyOf(path: Path): string {
  const [head, ...rest] = path;
  if (typeof head !== 'string') return '';
  if (TOP_LEVEL_FIELDS.has(head)) return head;
  if (head === 'leadProviderCriteria') return leadCriterionKeyOf(rest);
  if (head === 'customFilterCriteria') return customFilterKeyOf(rest);
  if (head === 'crmFilters') return crmKeyOf(rest);
  return '';
}

function leadCriterionKeyOf([index, field, ...rest]: Path): string {
  if (typeof index !== 'number') return 'leadProviderCriteria';
  const item = `leadProviderCriteria.${index}`;
  if (field === 'type') return `${item}.type`;
  if (field !== 'filters') return item;
  const inside = rest.join('.');
  const known = LEAD_FILTER_FIELDS.find(
    (candidate) => inside === candidate || inside.startsWith(`${candidate}.`),
  );
  // Anything else under `filters` is edited in the criterion's advanced JSON.
  return known === undefined ? `${item}.filters` : `${item}.filters.${known}`;
}

function customFilterKeyOf([index, field]: Path): string {
  if (typeof index !== 'number') return 'customFilterCriteria';
  const item = `customFilterCriteria.${index}`;
  return typeof field === 'string' && CUSTOM_FILTER_FIELDS.has(field) ? `${item}.${field}` : item;
}

function crmKeyOf([field, index, conditionField]: Path): string {
  if (field === 'textSearch' || field === 'query') return `crmFilters.${field}`;
  if (field !== 'filters') return 'crmFilters';
  if (typeof index !== 'number') return 'crmFilters.filters';
  const condition = `crmFilters.filters.${index}`;
  return typeof conditionField === 'string' && CONDITION_FIELDS.has(conditionField)
    ? `${condition}.${conditionField}`
    : condition;
}

/** Errors grouped by the key of the place that shows them, each message once. */
export function placeErrors(details: readonly ErrorDetail[]): FieldErrors {
  const placed: FieldErrors = {};
  for (const detail of details) {
    const key = fieldKeyOf(detail.path);
    const messages = placed[key] ?? [];
    const message = plainMessage(detail.message);
    if (!messages.includes(message)) placed[key] = [...messages, message];
  }
  return placed;
}

/** The errors shown at the place whose key is these parts joined with dots. */
export const errorsAt = (
  errors: FieldErrors,
  ...parts: (string | number)[]
): string[] | undefined => errors[pathKey(parts)];

function valueAt(value: unknown, path: Path): unknown {
  let node = value;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/**
 * Whether a server error still concerns what the form holds: once the value it was about
 * changes, the error no longer shows (the next save checks again).
 */
export function stillApplies(
  detail: ErrorDetail,
  sentBody: unknown,
  currentBody: unknown,
): boolean {
  return (
    JSON.stringify(valueAt(sentBody, detail.path)) ===
    JSON.stringify(valueAt(currentBody, detail.path))
  );
}

/** Keeps the first of each message, for fields that show errors from more than one source. */
export function uniqueMessages(...lists: (readonly string[] | null | undefined)[]): string[] {
  return [...new Set(lists.flatMap((list) => list ?? []))];
}

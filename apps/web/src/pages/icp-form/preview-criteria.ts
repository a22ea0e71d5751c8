import type { ErrorDetail, IcpCreateInput } from '@icp/schema';

/**
 * What a draft preview sends: the searches, the filters and the CRM sourcing, and the list size
 * when it is valid (the answer then forecasts such a list). Nothing else of the profile.
 */
export interface PreviewCriteria {
  leadProviderCriteria: IcpCreateInput['leadProviderCriteria'];
  customFilterCriteria: NonNullable<IcpCreateInput['customFilterCriteria']>;
  crmFilters: NonNullable<IcpCreateInput['crmFilters']> | null;
  listSize?: number;
}

/** Whether the draft can be previewed, and if not, why. */
export type PreviewReadiness =
  | { kind: 'ready'; criteria: PreviewCriteria; searchesWithoutValues: number[] }
  | { kind: 'no-searches' }
  | { kind: 'invalid'; problems: { place: string; message: string }[] };

const PREVIEWED = new Set(['leadProviderCriteria', 'customFilterCriteria', 'crmFilters']);

/** "Lead search 2", "Filter 1": where in the form a problem sits, as its heading names it. */
export function placeOf(path: ErrorDetail['path']): string {
  const [head, index] = path;
  if (head === 'leadProviderCriteria') {
    return typeof index === 'number' ? `Lead search ${index + 1}` : 'Lead searches';
  }
  if (head === 'crmFilters') return 'CRM sourcing';
  return typeof index === 'number' ? `Filter ${index + 1}` : 'Filters after the search';
}

/** Whether a filter value holds anything to search for (an empty list or object holds nothing). */
function holdsValues(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.values(value).some(holdsValues);
  return true;
}

/**
 * Only the searches, filters and CRM sourcing are previewed, so only their problems hold the
 * preview back: a missing name does not, and a list size out of bounds only leaves out the
 * forecast of the list.
 */
export function previewReadiness(validation: {
  body: IcpCreateInput;
  details: readonly ErrorDetail[];
}): PreviewReadiness {
  const problems = validation.details
    .filter((detail) => PREVIEWED.has(String(detail.path[0])))
    .map((detail) => ({ place: placeOf(detail.path), message: detail.message }));
  if (problems.length > 0) return { kind: 'invalid', problems };
  const { leadProviderCriteria, customFilterCriteria = [], crmFilters = null } = validation.body;
  if (leadProviderCriteria.length === 0 && crmFilters === null) return { kind: 'no-searches' };
  const sizeIsValid = !validation.details.some((detail) => detail.path[0] === 'leadsPerList');
  const { leadsPerList } = validation.body;
  const criteria: PreviewCriteria = { leadProviderCriteria, customFilterCriteria, crmFilters };
  if (sizeIsValid && typeof leadsPerList === 'number') criteria.listSize = leadsPerList;
  const searchesWithoutValues = leadProviderCriteria.flatMap((criterion, index) =>
    holdsValues(criterion.filters) ? [] : [index],
  );
  return { kind: 'ready', criteria, searchesWithoutValues };
}

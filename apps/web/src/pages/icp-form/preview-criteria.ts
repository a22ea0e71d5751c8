import type { ErrorDetail, IcpCreateInput } from '@icp/schema';

/** What a draft preview sends: the searches and the filters, nothing else of the profile. */
export type PreviewCriteria = Pick<IcpCreateInput, 'leadProviderCriteria' | 'customFilterCriteria'>;

/** Whether the draft can be previewed, and if not, why. */
export type PreviewReadiness =
  | { kind: 'ready'; criteria: PreviewCriteria }
  | { kind: 'no-searches' }
  | { kind: 'invalid'; problems: { place: string; message: string }[] };

const PREVIEWED = new Set(['leadProviderCriteria', 'customFilterCriteria']);

/** "Lead search 2", "Filter 1": where in the form a problem sits, as its heading names it. */
export function placeOf(path: ErrorDetail['path']): string {
  const [head, index] = path;
  if (head === 'leadProviderCriteria') {
    return typeof index === 'number' ? `Lead search ${index + 1}` : 'Lead searches';
  }
  return typeof index === 'number' ? `Filter ${index + 1}` : 'Filters after the search';
}

/**
 * Only the searches and filters are previewed, so only their problems hold the preview back: a
 * missing name does not.
 */
export function previewReadiness(validation: {
  body: IcpCreateInput;
  details: readonly ErrorDetail[];
}): PreviewReadiness {
  const problems = validation.details
    .filter((detail) => PREVIEWED.has(String(detail.path[0])))
    .map((detail) => ({ place: placeOf(detail.path), message: detail.message }));
  if (problems.length > 0) return { kind: 'invalid', problems };
  const { leadProviderCriteria, customFilterCriteria } = validation.body;
  if (leadProviderCriteria.length === 0) return { kind: 'no-searches' };
  return { kind: 'ready', criteria: { leadProviderCriteria, customFilterCriteria } };
}

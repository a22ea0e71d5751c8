import type { CrmSourcing, LeadPreview } from '@icp/schema';
import { customFilterLabels } from '../../icp/filter-labels';
import { countOf, formatCount, joinWords } from '../../icp/text';
import { crmReasonText } from '../../leads/lead-text';

/** "1,234 people match": the people the searches find, before any filter after the search. */
export function matchedText(total: number): string {
  return `${formatCount(total)} ${total === 1 ? 'person matches' : 'people match'}`;
}

/** Whether the CRM is searched for this draft, and if not, why not. */
export function crmText(crm: CrmSourcing): string {
  switch (crm.status) {
    case 'not-requested':
      return 'CRM contacts are not searched: CRM sourcing is off for this profile.';
    case 'applied':
      return `CRM contacts are searched: ${countOf(crm.contacts, 'contact')} found in Bullhorn.`;
    case 'not-applied':
      return `CRM contacts will not be searched: ${crmReasonText(crm.reason)}.`;
  }
}

/** Filters the list count leaves out, because an outside service judges each lead when a list is made. */
export function notCountedText(
  notCounted: readonly number[],
  filterTypes: readonly string[],
): string | null {
  if (notCounted.length === 0) return null;
  const labels = notCounted.map((index) => {
    const type = filterTypes[index];
    const label =
      type === undefined
        ? 'A filter'
        : ((customFilterLabels as Record<string, string | undefined>)[type] ?? type);
    return `${label} (filter ${index + 1})`;
  });
  return `${joinWords(labels, 'and')} ${notCounted.length === 1 ? 'is' : 'are'} checked for each lead when the list is made, so the list may hold fewer.`;
}

/** The panel's news in a few words, for the summary that stays in view on small screens. */
export function compactSummary(preview: LeadPreview): string {
  const matched = matchedText(preview.total);
  if (preview.list === undefined) return matched;
  return `${matched} · ${formatCount(preview.list.leadCount)} of ${formatCount(preview.list.requestedSize)} in a list`;
}

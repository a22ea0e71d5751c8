import {
  type CrmSourcing,
  countries,
  type LeadPerson,
  type LeadPreview,
  type LeadSource,
} from '@icp/schema';
import { plainMessage } from '../api/plain-message';
import { customFilterLabels } from '../icp/filter-labels';

/** "Ana Doe". */
export function personName(person: Pick<LeadPerson, 'firstName' | 'lastName'>): string {
  return `${person.firstName} ${person.lastName}`.trim();
}

const countryNames = new Map<string, string>(countries.map(({ code, name }) => [code, name]));

/** A country code as its English name ("de" → "Germany"); an unknown code stays as it is. */
export function countryName(code: string | null): string | null {
  if (code === null || code.trim() === '') return null;
  return countryNames.get(code.toLowerCase()) ?? code;
}

export const leadSourceLabels: Record<LeadSource, string> = {
  provider: 'Lead database',
  crm: 'CRM',
};

/**
 * Where a lead of a list came from: the CRM only when the list's CRM search ran. People of the
 * shared lead database imported as CRM records are not from a CRM this list asked.
 */
export function leadSourceOf(
  person: Pick<LeadPerson, 'source'>,
  crmSourcing: Pick<CrmSourcing, 'status'>,
): LeadSource {
  return person.source === 'crm' && crmSourcing.status === 'applied' ? 'crm' : 'provider';
}

/** What matching says besides the leads, in a preview and in every generated list. */
export type MatchNotes = Pick<LeadPreview, 'notApplied' | 'ignoredFilterKeys'> &
  Partial<Pick<LeadPreview, 'crmSourcing'>>;

const labelOfFilterType = (type: string): string =>
  (customFilterLabels as Record<string, string | undefined>)[type] ?? type;

/** `leadProviderCriteria[0].filters.revenue` → "Lead search 1: “revenue”". */
function ignoredKeyText(key: string): string {
  const inSearch = /^leadProviderCriteria\[(\d+)\]\.filters\.(.+)$/.exec(key);
  const place =
    inSearch === null ? key : `Lead search ${Number(inSearch[1]) + 1}: “${inSearch[2]}”`;
  return `${place} is not a filter the lead database understands, so it was ignored`;
}

/** Why the CRM was not searched, in plain words. */
export function crmReasonText(reason: string | undefined): string {
  if (reason === undefined) return 'the CRM could not be searched';
  if (reason === 'no CRM is configured on this server') return 'no CRM is connected to this server';
  return plainMessage(reason);
}

/**
 * The notes as sentences: each custom filter that was not applied, with the server's reason, then
 * each provider filter key that was ignored.
 */
export function matchNoteTexts(notes: MatchNotes): string[] {
  const crm = notes.crmSourcing;
  return [
    ...(crm?.status === 'not-applied'
      ? [`CRM sourcing not applied: ${crmReasonText(crm.reason)}`]
      : []),
    ...notes.notApplied.map(
      ({ index, type, reason }) =>
        `${labelOfFilterType(type)} (filter ${index + 1}) not applied: ${plainMessage(reason)}`,
    ),
    ...notes.ignoredFilterKeys.map(ignoredKeyText),
  ];
}

/** The same in a few words for a list row: "Not applied: AI check. Ignored: revenue". */
export function matchNotesBrief(notes: MatchNotes): string | null {
  const parts: string[] = [];
  const crmNotApplied = notes.crmSourcing?.status === 'not-applied' ? ['CRM sourcing'] : [];
  if (notes.notApplied.length > 0 || crmNotApplied.length > 0) {
    const labels = [
      ...crmNotApplied,
      ...new Set(notes.notApplied.map(({ type }) => labelOfFilterType(type))),
    ];
    parts.push(`Not applied: ${labels.join(', ')}`);
  }
  if (notes.ignoredFilterKeys.length > 0) {
    const keys = notes.ignoredFilterKeys.map((key) => key.replace(/^.*\.filters\./, ''));
    parts.push(`Ignored: ${[...new Set(keys)].join(', ')}`);
  }
  return parts.length === 0 ? null : parts.join('. ');
}

const pad = (value: number) => String(value).padStart(2, '0');

/** "dach-tech-leaders-leads-2026-01-05.csv": the profile's name and the list's local date. */
export function leadListFileName(icpName: string | null, createdAt: string): string {
  const slug = (icpName ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const date = new Date(createdAt);
  const day = Number.isNaN(date.getTime())
    ? ''
    : `-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${slug === '' ? 'lead-list' : `${slug}-leads`}${day}.csv`;
}

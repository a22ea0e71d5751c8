import type { Icp } from '@icp/schema';
import type { IcpRow } from '../db/database.js';

/** The row an ICP was read from, held out of sight (not enumerable, not a string key). */
const STORED = Symbol('stored ICP row');

interface Stored {
  row: IcpRow;
  json?: string;
  /** Whether a JSON value was replaced since the read, so the row no longer tells the text. */
  replaced?: true;
}

type JsonColumn = 'lead_provider_criteria' | 'custom_filter_criteria' | 'crm_filters';

/**
 * One shared accessor per JSON key: the value is parsed from the stored row when first read, then
 * held as a plain property. Shared, so a row read costs no closure per ICP.
 */
function parsedOnRead(key: keyof Icp, column: JsonColumn): PropertyDescriptor {
  const hold = (icp: Icp, value: unknown) =>
    Object.defineProperty(icp, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return {
    enumerable: true,
    configurable: true,
    get(this: Icp) {
      const text = (this as unknown as Record<symbol, Stored>)[STORED]?.row[column];
      const value = text == null ? null : JSON.parse(text);
      hold(this, value);
      return value;
    },
    set(this: Icp, value: unknown) {
      hold(this, value);
      const stored = (this as unknown as Record<symbol, Stored | undefined>)[STORED];
      if (stored !== undefined) stored.replaced = true;
    },
  };
}

const LEAD_PROVIDER_CRITERIA = parsedOnRead('leadProviderCriteria', 'lead_provider_criteria');
const CUSTOM_FILTER_CRITERIA = parsedOnRead('customFilterCriteria', 'custom_filter_criteria');
const CRM_FILTERS = parsedOnRead('crmFilters', 'crm_filters');

const quoted = (text: string | null) => (text === null ? 'null' : JSON.stringify(text));

/**
 * The stored row as the API shows it, keys in documented order. Its JSON columns were written by
 * JSON.stringify (rowFromIcp in icp.repository.ts is their only writer), so they already are the
 * text a response holds: `storedIcpJson` assembles the response from them, and they are parsed
 * only if a caller reads them (reads by id and lists never do). `userIds` is parsed at once:
 * access needs it.
 */
export function icpFromRow(row: IcpRow): Icp {
  // Built in key order, the accessors defined as the keys come: each step then follows one of
  // V8's cached shape transitions (twice as fast as redefining data properties as accessors).
  const icp = {
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  } as Icp;
  Object.defineProperty(icp, 'leadProviderCriteria', LEAD_PROVIDER_CRITERIA);
  Object.defineProperty(icp, 'customFilterCriteria', CUSTOM_FILTER_CRITERIA);
  Object.defineProperty(icp, 'crmFilters', CRM_FILTERS);
  icp.userIds = JSON.parse(row.user_ids);
  icp.leadsPerList = row.leads_per_list;
  icp.activeUntil = row.active_until;
  Object.defineProperty(icp, STORED, { value: { row } satisfies Stored });
  return icp;
}

/**
 * The JSON text of an ICP read by icpFromRow, as JSON.stringify would write it; undefined for
 * any other ICP, or once one of its JSON values was replaced.
 */
export function storedIcpJson(icp: Icp): string | undefined {
  const stored = (icp as unknown as Record<symbol, Stored | undefined>)[STORED];
  if (stored === undefined || stored.replaced) return undefined;
  if (stored.json === undefined) {
    const { row } = stored;
    stored.json =
      `{"id":${quoted(row.id)},"name":${quoted(row.name)},"description":${quoted(row.description)},` +
      `"createdAt":${quoted(row.created_at)},"updatedAt":${quoted(row.updated_at)},` +
      `"leadProviderCriteria":${row.lead_provider_criteria},` +
      `"customFilterCriteria":${row.custom_filter_criteria},` +
      `"crmFilters":${row.crm_filters ?? 'null'},"userIds":${row.user_ids},` +
      `"leadsPerList":${JSON.stringify(row.leads_per_list)},"activeUntil":${quoted(row.active_until)}}`;
  }
  return stored.json;
}

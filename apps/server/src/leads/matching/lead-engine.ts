/**
 * What the matching engine asks of a search backend: the people matching lead provider criteria
 * (read by provider-filters.ts), counted, a page at a time in person-id order, and by company.
 * The lead index (see ../index/) is the one the server runs; the SQL engine (see
 * sql-reference-engine.ts) is the reference it is held to. A search engine service could be a
 * third without any caller changing.
 */
import type { Lead } from '@icp/schema';
import type { StatementDeadline } from '../../db/statement-deadline.js';
import type { ReadCriterion } from './provider-filters.js';

/** A matching person, and which of the criteria they match (at least one). */
export interface MatchedPersonId {
  personId: string;
  matched: ReadCriterion[];
}

/** A page of matching people as leads with their reasons (see leads-of-page.ts). */
export interface LeadsPage {
  /** The people of the page still stored, as leads. */
  leads: Lead[];
  /** People the page held (a person deleted since is not a lead). */
  people: number;
  /** The id of the page's last person; null for an empty page. */
  lastPersonId: string | null;
}

/** The people matching a search, as one consistent result. */
export interface LeadMatches {
  /** How many people match. */
  readonly total: number;
  /** Up to `limit` matching people whose ids sort after `after` (from the first when null). */
  page(after: string | null, limit: number): Promise<MatchedPersonId[]>;
  /**
   * The same page read as leads, where the engine reads them itself (one in a worker thread
   * does, so the rows never pass through the event loop); otherwise the caller reads them.
   */
  leadsPage?(after: string | null, limit: number): Promise<LeadsPage>;
  /** A page of the companies (by id) employing anyone matching, and how many there are. */
  companies(page: {
    offset: number;
    limit: number;
  }): Promise<{ total: number; companyIds: string[] }>;
}

export interface MatchOptions {
  /**
   * The search's deadline (see statement-deadline.ts), for an engine that reads the database
   * over connections of its own: none of its statements for the search starts after it.
   */
  deadline?: StatementDeadline | undefined;
}

export interface LeadEngine {
  match(criteria: readonly ReadCriterion[], options?: MatchOptions): Promise<LeadMatches>;
}

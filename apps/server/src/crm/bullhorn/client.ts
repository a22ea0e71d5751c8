/**
 * A client of Bullhorn's REST search for ClientContacts:
 * `GET {restUrl}/search/ClientContact?query=…&fields=…&count=…&start=…`.
 *
 * `restUrl` and the token are those Bullhorn's REST login hands out (BULLHORN_REST_URL, such as
 * `https://rest99.bullhornstaffing.com/rest-services/abc123`, and BULLHORN_REST_TOKEN). Bullhorn
 * takes the token as a `BhRestToken` query parameter or header; it is sent as the header, so it
 * stays out of URLs that proxies and access logs record. A session token expires after a while
 * without use; Bullhorn then answers 401, surfaced as a BullhornError of kind `unauthorized`.
 */
import type { CrmFilters } from '@icp/schema';
import { type Env, InvalidEnvironmentError } from '../../env.js';
import { type Logger, silentLogger } from '../../logging/logger.js';
import { BullhornError } from './bullhorn-error.js';
import { type CrmContact, clientContactSearchAnswer, crmContactOf } from './client-contact.js';
import { bullhornSearchQuery } from './search-query.js';

export interface BullhornClientOptions {
  restUrl: string;
  token: string;
  /** Per request, reading the answer included. */
  timeoutMs?: number;
  /** Where failures are logged with what callers are not shown (addresses, system errors). */
  logger?: Logger;
}

/** Which page of the results to fetch. */
export interface BullhornPageRequest {
  /** Offset of the first result; 0 by default. */
  start?: number;
  /** Results per page, 1 to 500 (Bullhorn's cap); 100 by default. */
  count?: number;
}

/** One page of a ClientContact search. */
export interface BullhornSearchPage {
  /** Matches in all pages. */
  total: number;
  start: number;
  /** Contacts on this page. */
  count: number;
  contacts: CrmContact[];
}

/** The ClientContact fields asked for: exactly those the mapping to lead records reads. */
export const CLIENT_CONTACT_FIELDS = [
  'id',
  'firstName',
  'lastName',
  'occupation',
  'email',
  'address',
  'clientCorporation',
].join(',');

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_COUNT = 100;
const MAX_COUNT = 500;

function queryString(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
}

/** Bullhorn's own explanation in an error answer (`errorMessage`), if it gave one. */
function bullhornMessage(text: string): string | undefined {
  try {
    const message = (JSON.parse(text) as { errorMessage?: unknown } | null)?.errorMessage;
    return typeof message === 'string' ? message.slice(0, 300) : undefined;
  } catch {
    return undefined;
  }
}

function pageRequest(page: BullhornPageRequest): { start: number; count: number } {
  const start = page.start ?? 0;
  const count = page.count ?? DEFAULT_COUNT;
  if (!Number.isInteger(start) || start < 0) {
    throw new RangeError(`start must be a whole number of at least 0, got ${start}`);
  }
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) {
    throw new RangeError(`count must be a whole number from 1 to ${MAX_COUNT}, got ${count}`);
  }
  return { start, count };
}

/** Searches Bullhorn ClientContacts by an ICP's CRM filters. */
export class BullhornClient {
  readonly #searchUrl: string;
  readonly #token: string;
  readonly #timeoutMs: number;
  readonly #logger: Logger;

  constructor(options: BullhornClientOptions) {
    this.#searchUrl = `${options.restUrl.replace(/\/+$/, '')}/search/ClientContact`;
    this.#token = options.token;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#logger = options.logger ?? silentLogger;
  }

  /**
   * One page of the contacts `filters` select (the query is `bullhornSearchQuery(filters)`).
   * Throws BullhornError when Bullhorn cannot be asked or its answer cannot be read, and
   * RangeError for a page outside Bullhorn's bounds.
   */
  async searchContacts(
    filters: CrmFilters,
    page: BullhornPageRequest = {},
  ): Promise<BullhornSearchPage> {
    const { start, count } = pageRequest(page);
    let query: string;
    try {
      query = bullhornSearchQuery(filters);
    } catch (error) {
      throw new BullhornError('invalid-query', (error as Error).message);
    }
    const url = `${this.#searchUrl}?${queryString({
      query,
      fields: CLIENT_CONTACT_FIELDS,
      count: String(count),
      start: String(start),
    })}`;
    const answer = clientContactSearchAnswer.safeParse(await this.#getJson(url));
    if (!answer.success) {
      const issue = answer.error.issues[0];
      const where = issue?.path.join('.') || '(answer)';
      throw new BullhornError(
        'invalid-response',
        `Bullhorn's search answer has an unexpected shape at ${where}: ${issue?.message}`,
      );
    }
    const { total, start: answerStart, count: answerCount, data } = answer.data;
    return { total, start: answerStart, count: answerCount, contacts: data.map(crmContactOf) };
  }

  async #getJson(url: string): Promise<unknown> {
    let status: number;
    let text: string;
    try {
      const response = await fetch(url, {
        headers: { BhRestToken: this.#token, accept: 'application/json' },
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') {
        throw new BullhornError('timeout', `Bullhorn did not answer within ${this.#timeoutMs} ms`);
      }
      // The system's reason names addresses and ports inside the network: logged, not shown.
      const cause = (error as { cause?: { message?: unknown } } | null)?.cause?.message;
      this.#logger.error(
        { crm: 'bullhorn', error: typeof cause === 'string' ? cause : String(error) },
        'could not reach the CRM',
      );
      throw new BullhornError('network', 'Could not reach the CRM (Bullhorn); try again later');
    }
    if (status === 401) {
      const detail = bullhornMessage(text);
      throw new BullhornError(
        'unauthorized',
        `Bullhorn rejected the token (HTTP 401): BULLHORN_REST_TOKEN is invalid or has expired${detail ? ` (${detail})` : ''}`,
        status,
      );
    }
    if (status < 200 || status >= 300) {
      const detail = bullhornMessage(text);
      throw new BullhornError(
        'http',
        `Bullhorn answered HTTP ${status}${detail ? `: ${detail}` : ''}`,
        status,
      );
    }
    try {
      return JSON.parse(text);
    } catch {
      throw new BullhornError('invalid-response', "Bullhorn's search answer is not JSON");
    }
  }
}

/**
 * The Bullhorn client the environment configures, or undefined when neither BULLHORN_REST_URL
 * nor BULLHORN_REST_TOKEN is set. One without the other is a mistake, reported at start.
 */
export function bullhornFromEnv(
  env: Pick<Env, 'BULLHORN_REST_URL' | 'BULLHORN_REST_TOKEN'>,
  logger?: Logger,
): BullhornClient | undefined {
  const { BULLHORN_REST_URL: restUrl, BULLHORN_REST_TOKEN: token } = env;
  if (restUrl === undefined && token === undefined) return undefined;
  if (restUrl === undefined || token === undefined) {
    const [missing, present] =
      restUrl === undefined
        ? ['BULLHORN_REST_URL', 'BULLHORN_REST_TOKEN']
        : ['BULLHORN_REST_TOKEN', 'BULLHORN_REST_URL'];
    throw new InvalidEnvironmentError(
      `Invalid configuration:\n  ${missing}: required when ${present} is set (Bullhorn search needs both)`,
    );
  }
  return new BullhornClient({ restUrl, token, ...(logger === undefined ? {} : { logger }) });
}

/**
 * The `website` and `webscraping` custom filters, judged by a configured HTTP service that
 * visits the company's website: `POST {url}` with one of these JSON bodies
 *   `{ type: 'website', provider, prompt, domain, companyName }`
 *   `{ type: 'webscraping', provider, extractionPrompt, pageFindingPrompt?,
 *      includeSearchStrings?, excludeSearchStrings?, domain, companyName }`
 * answered with `{ "passed": boolean, "reason"?: string }`.
 *
 * A website is judged once per call of `evaluate`: leads at the same company (the same domain)
 * share the answer. A lead whose company has no domain, or who has no company, does not pass,
 * with the reason 'no website known'. A failed call or unreadable answer gives every lead at
 * that company an evaluator error verdict (see lead-evaluator.ts).
 */
import {
  type EvaluatedCompany,
  type EvaluatedLead,
  evaluatorErrorVerdict,
  type LeadEvaluator,
  type LeadVerdict,
  type LeadVerdicts,
  leadIdOf,
  type WebscrapingFilter,
  type WebsiteFilter,
} from './lead-evaluator.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import { parseVerdictAnswer, postJson, ServiceCallError } from './service-call.js';

/** A filter the website service judges. */
export type WebsiteServiceFilter = WebsiteFilter | WebscrapingFilter;

export interface WebsiteEvaluatorOptions {
  /** The service's endpoint, posted to as is. */
  url: string;
  /** Per company; visiting a site takes far longer than a model call. */
  timeoutMs?: number;
  /** Calls in flight at once. */
  concurrency?: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_CONCURRENCY = 4;
const NO_WEBSITE: LeadVerdict = { passed: false, reason: 'no website known' };

/** A bare lower-case domain, tolerating a scheme or path left in the data. */
function normalizedDomain(company: EvaluatedCompany | null): string | undefined {
  const domain = company?.domain
    ?.trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/, '');
  return domain === '' ? undefined : domain;
}

function requestBody(filter: WebsiteServiceFilter, domain: string, companyName: string) {
  const site = { domain, companyName };
  if (filter.type === 'website') {
    return { type: filter.type, provider: filter.provider, prompt: filter.prompt, ...site };
  }
  return {
    type: filter.type,
    provider: filter.provider,
    extractionPrompt: filter.extractionPrompt,
    pageFindingPrompt: filter.pageFindingPrompt,
    includeSearchStrings: filter.includeSearchStrings,
    excludeSearchStrings: filter.excludeSearchStrings,
    ...site,
  };
}

/** Judges leads against `website` and `webscraping` filters through the website service. */
export class WebsiteEvaluator implements LeadEvaluator<WebsiteServiceFilter> {
  readonly #url: string;
  readonly #timeoutMs: number;
  readonly #concurrency: number;

  constructor(options: WebsiteEvaluatorOptions) {
    this.#url = options.url;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  }

  /** One verdict per lead, from one service call per company. */
  async evaluate(
    filter: WebsiteServiceFilter,
    leads: readonly EvaluatedLead[],
  ): Promise<LeadVerdicts> {
    const verdicts: LeadVerdicts = new Map();
    const sites = new Map<string, { companyName: string; leadIds: string[] }>();
    for (const lead of leads) {
      const id = leadIdOf(lead);
      const domain = normalizedDomain(lead.company);
      if (lead.company === null || domain === undefined) {
        verdicts.set(id, NO_WEBSITE);
        continue;
      }
      const site = sites.get(domain);
      if (site) site.leadIds.push(id);
      else sites.set(domain, { companyName: lead.company.name, leadIds: [id] });
    }
    const entries = [...sites];
    const answers = await mapWithConcurrency(entries, this.#concurrency, ([domain, site]) =>
      this.#judge(requestBody(filter, domain, site.companyName)),
    );
    entries.forEach(([, site], index) => {
      for (const id of site.leadIds) verdicts.set(id, answers[index] as LeadVerdict);
    });
    return verdicts;
  }

  async #judge(body: ReturnType<typeof requestBody>): Promise<LeadVerdict> {
    try {
      const answer = await postJson(this.#url, body, { timeoutMs: this.#timeoutMs });
      return parseVerdictAnswer(answer);
    } catch (error) {
      if (error instanceof ServiceCallError) return evaluatorErrorVerdict(error.message);
      throw error;
    }
  }
}

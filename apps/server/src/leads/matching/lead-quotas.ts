import type { Lead } from '@icp/schema';

/** The quota filters of an ICP, the strictest of each type. */
export interface QuotaLimits {
  /** `maxPeoplePerCompany`; null for no cap. People without a company are never capped. */
  perCompany: number | null;
  /** `maxPercentFromCRM`; null (or 100) for no cap. */
  crmPercent: number | null;
  /** How many leads are wanted: CRM leads kept waiting beyond that could never be used. */
  wanted: number;
}

/**
 * The quota filters, applied to leads one at a time in search order. The CRM share holds for
 * every prefix of the result, not only for the whole: a CRM lead that would push the share over
 * the cap waits until enough other leads have joined, so a first page of any size respects it
 * and a larger list begins with the same leads as a smaller one.
 */
export class LeadQuotas {
  readonly leads: Lead[] = [];
  readonly #limits: QuotaLimits;
  readonly #perCompany = new Map<string, number>();
  readonly #waitingCrm: Lead[] = [];
  #crmCount = 0;

  constructor(limits: QuotaLimits) {
    this.#limits = limits;
  }

  /** Whether the lead's company already has as many leads as the cap allows. */
  companyFull(lead: Lead): boolean {
    const { perCompany } = this.#limits;
    const companyId = lead.company?.id;
    if (perCompany === null || companyId === undefined) return false;
    return (this.#perCompany.get(companyId) ?? 0) >= perCompany;
  }

  /** Takes the lead now, later (a CRM lead waiting for room), or not at all. */
  offer(lead: Lead): void {
    if (this.companyFull(lead)) return;
    const { crmPercent, wanted } = this.#limits;
    if (lead.person.source !== 'crm' || crmPercent === null || crmPercent >= 100) {
      this.#take(lead);
      this.#releaseWaiting();
    } else if (this.#crmFits()) {
      this.#take(lead);
    } else if (crmPercent > 0 && this.#waitingCrm.length < wanted) {
      this.#waitingCrm.push(lead);
    }
  }

  #crmFits(): boolean {
    const crmPercent = this.#limits.crmPercent ?? 100;
    return (this.#crmCount + 1) * 100 <= crmPercent * (this.leads.length + 1);
  }

  #take(lead: Lead): void {
    this.leads.push(lead);
    if (lead.person.source === 'crm') this.#crmCount += 1;
    const companyId = lead.company?.id;
    if (companyId !== undefined) {
      this.#perCompany.set(companyId, (this.#perCompany.get(companyId) ?? 0) + 1);
    }
  }

  #releaseWaiting(): void {
    while (this.#waitingCrm.length > 0 && this.#crmFits()) {
      const next = this.#waitingCrm.shift() as Lead;
      if (!this.companyFull(next)) this.#take(next);
    }
  }
}

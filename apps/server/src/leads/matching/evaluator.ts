/**
 * The `ai`, `website` and `webscraping` custom filters need an outside service to judge a lead;
 * the engine only knows them through `LeadEvaluator`. Implementations live in `../evaluators/`.
 * A filter whose evaluator is missing, or that could not judge some leads, is reported in
 * `notApplied`: the engine never presents an unchecked lead as one that passed.
 */
import type { CustomFilterCriterion, Lead, NotAppliedFilter } from '@icp/schema';

/** The custom filter types judged by an evaluator. */
export const evaluatedFilterTypes = ['ai', 'website', 'webscraping'] as const;

/** The type of a custom filter judged by an evaluator. */
export type EvaluatedFilterType = (typeof evaluatedFilterTypes)[number];

/** A custom filter judged by an evaluator, of one type or of any. */
export type EvaluatedFilter<T extends EvaluatedFilterType = EvaluatedFilterType> = Extract<
  CustomFilterCriterion,
  { type: T }
>;

/** A lead as an evaluator receives it: `id` is the person's id, and keys the verdicts. */
export interface EvaluatorLead extends Lead {
  id: string;
}

/**
 * One lead's outcome. `error: true` marks a lead the evaluator could not judge (the service
 * failed): it is left out, and the filter reported as only partly applied.
 */
export interface LeadVerdict {
  passed: boolean;
  reason?: string;
  error?: boolean;
}

/** Judges leads against one filter; answers with a verdict per lead id. */
export interface LeadEvaluator<F extends EvaluatedFilter = EvaluatedFilter> {
  evaluate(filter: F, leads: readonly EvaluatorLead[]): Promise<ReadonlyMap<string, LeadVerdict>>;
}

/** The evaluator configured for each filter type; a type left out is not applied. */
export type LeadEvaluators = {
  [T in EvaluatedFilterType]?: LeadEvaluator<EvaluatedFilter<T>>;
};

/** Whether a custom filter is one an evaluator judges. */
export function isEvaluatedFilter(filter: CustomFilterCriterion): filter is EvaluatedFilter {
  return (evaluatedFilterTypes as readonly string[]).includes(filter.type);
}

/** The evaluator of a filter's type, if one is configured. */
export function evaluatorFor(
  evaluators: LeadEvaluators | undefined,
  filter: EvaluatedFilter,
): LeadEvaluator | undefined {
  // The map is keyed by type, so the evaluator found takes filters of this filter's type.
  return evaluators?.[filter.type] as LeadEvaluator | undefined;
}

const NO_VERDICT = { passed: false, reason: 'the evaluator gave no verdict', error: true } as const;

/**
 * One evaluated filter applied across the batches of a search. Verdicts are kept, so a lead
 * offered again (when the search restarts) is not sent to the service twice.
 */
export class EvaluatedFilterRun {
  readonly #verdicts = new Map<string, LeadVerdict>();
  readonly #unjudged = new Map<string, string>();

  constructor(
    readonly index: number,
    readonly filter: EvaluatedFilter,
    readonly evaluator: LeadEvaluator,
  ) {}

  /** The leads that passed, each with the evaluator's reason added to its reasons. */
  async apply(leads: readonly Lead[]): Promise<Lead[]> {
    const unseen = leads.filter((lead) => !this.#verdicts.has(lead.person.id));
    if (unseen.length > 0) await this.#evaluate(unseen);
    return leads.flatMap((lead) => {
      const verdict = this.#verdicts.get(lead.person.id);
      if (verdict === undefined || verdict.error === true) {
        this.#unjudged.set(lead.person.id, verdict?.reason ?? NO_VERDICT.reason);
        return [];
      }
      if (!verdict.passed) return [];
      const reason = verdict.reason?.trim();
      if (reason === undefined || reason === '') return [lead];
      return [{ ...lead, reasons: [...lead.reasons, `${this.filter.type} filter: ${reason}`] }];
    });
  }

  async #evaluate(leads: readonly Lead[]): Promise<void> {
    let verdicts: ReadonlyMap<string, LeadVerdict>;
    try {
      verdicts = await this.evaluator.evaluate(
        this.filter,
        leads.map((lead) => ({ id: lead.person.id, ...lead })),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const failed: LeadVerdict = {
        passed: false,
        reason: `evaluator error: ${message}`,
        error: true,
      };
      for (const lead of leads) this.#verdicts.set(lead.person.id, failed);
      return;
    }
    for (const lead of leads) {
      this.#verdicts.set(lead.person.id, verdicts.get(lead.person.id) ?? NO_VERDICT);
    }
  }

  /** The note for `notApplied` when some leads could not be judged (and were left out). */
  note(): NotAppliedFilter | null {
    if (this.#unjudged.size === 0) return null;
    const [first] = this.#unjudged.values();
    const count = this.#unjudged.size;
    return {
      index: this.index,
      type: this.filter.type,
      reason: `partly applied: the ${this.filter.type} evaluator could not judge ${count} lead${count === 1 ? '' : 's'}, left out (${first})`,
    };
  }
}

/** The note for `notApplied` of a filter whose type has no evaluator configured. */
export function notConfiguredNote(index: number, filter: EvaluatedFilter): NotAppliedFilter {
  return {
    index,
    type: filter.type,
    reason: `no ${filter.type} evaluator is configured, so leads were not checked against this filter`,
  };
}

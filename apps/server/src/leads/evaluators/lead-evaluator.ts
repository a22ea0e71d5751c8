/**
 * The contract between the lead-matching engine and the evaluators of the `ai`, `website` and
 * `webscraping` custom filters. Leads are typed structurally: any lead that has at least these
 * fields can be evaluated, and fields beyond them are never read.
 *
 * Evaluator errors: when an evaluator cannot reach a verdict for a lead (the service answered
 * with an HTTP error, timed out, or sent something unreadable), that lead's verdict is
 * `{ passed: false, reason: 'evaluator error: …', error: true }`. Such a lead is excluded, like
 * one that failed, but the caller can tell the two apart (`isEvaluatorError`) and report the
 * filter as only partially applied instead of presenting the exclusion as the filter's answer.
 */
import type { CustomFilterCriterion } from '@icp/schema';

type Optional<T> = T | null | undefined;

/** The person of a lead, as far as evaluators read it. */
export interface EvaluatedPerson {
  firstName: string;
  lastName: string;
  jobTitle: string;
  seniority?: Optional<string>;
  department?: Optional<string>;
  skills?: Optional<readonly string[]>;
  email?: Optional<string>;
  country?: Optional<string>;
  state?: Optional<string>;
  city?: Optional<string>;
}

/** The company of a lead, as far as evaluators read it. */
export interface EvaluatedCompany {
  name: string;
  domain?: Optional<string>;
  industry?: Optional<string>;
  keywords?: Optional<readonly string[]>;
  employeeCount?: Optional<number>;
  revenue?: Optional<number>;
  country?: Optional<string>;
  state?: Optional<string>;
  city?: Optional<string>;
  foundedYear?: Optional<number>;
}

/**
 * A lead handed to an evaluator: a person and, when known, their company. Its id is `id`, or
 * the person's id for leads that carry none of their own.
 */
export type EvaluatedLead =
  | { id: string; person: EvaluatedPerson; company: EvaluatedCompany | null }
  | { person: EvaluatedPerson & { id: string }; company: EvaluatedCompany | null };

/** The id a lead's verdict is keyed by. */
export function leadIdOf(lead: EvaluatedLead): string {
  return 'id' in lead ? lead.id : lead.person.id;
}

/** One lead's outcome; `error: true` marks a lead the evaluator could not judge. */
export interface LeadVerdict {
  passed: boolean;
  reason?: string;
  error?: true;
}

/** Verdicts keyed by lead id (`leadIdOf`): one for every lead given. */
export type LeadVerdicts = Map<string, LeadVerdict>;

/** A custom filter of the given type. */
export type CustomFilterOfType<T extends CustomFilterCriterion['type']> = Extract<
  CustomFilterCriterion,
  { type: T }
>;

export type AiFilter = CustomFilterOfType<'ai'>;
export type WebsiteFilter = CustomFilterOfType<'website'>;
export type WebscrapingFilter = CustomFilterOfType<'webscraping'>;

/** Judges leads against one custom filter. */
export interface LeadEvaluator<F> {
  evaluate(filter: F, leads: readonly EvaluatedLead[]): Promise<LeadVerdicts>;
}

/** The verdict of a lead the evaluator could not judge. */
export function evaluatorErrorVerdict(message: string): LeadVerdict {
  return { passed: false, reason: `evaluator error: ${message}`, error: true };
}

/** Whether a verdict records an evaluator error rather than the filter's answer. */
export function isEvaluatorError(verdict: { passed: boolean; error?: boolean }): boolean {
  return verdict.error === true;
}

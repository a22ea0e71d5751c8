/**
 * The `matchFieldWithRegex` filters of one request, applied page by page in the pattern workers
 * (pattern-pool.ts) within one time budget: compiling, waiting for a worker and testing, every
 * pattern and every page, all count against it. When the budget runs out (or no worker takes
 * the work, or one fails), the request gives its patterns up, all of them at once: each is
 * reported in `notApplied`, and the caller decides what happens to the leads (see
 * custom-filters.ts).
 */
import type { Lead, NotAppliedFilter } from '@icp/schema';
import { type LeadField, leadFieldTexts } from './lead-fields.js';
import { type PatternPool, type PatternTaskFailure, sharedPatternPool } from './pattern-pool.js';
import type { PageTexts, PatternTask, PatternTaskResult } from './pattern-task.js';

/** A `matchFieldWithRegex` filter whose field is a field of a lead. */
export interface PatternFilter {
  index: number;
  regex: string;
  field: LeadField;
}

/**
 * Beyond the deadline the worker itself keeps, before a task is cancelled and its worker ended:
 * a worker that stops on time is kept, with the patterns it compiled.
 */
const CANCEL_GRACE_MS = 50;

/** Why the patterns were given up. */
type GiveUp =
  /** Used up over several pages. */
  | { kind: 'spent' }
  | { kind: 'out-of-time'; culprit: PatternFilter | undefined }
  | { kind: 'busy' }
  | { kind: 'failed'; culprit: PatternFilter | undefined; message: string };

const fieldKey = (field: LeadField) => `${field.of}.${field.key}`;

export class PatternFilters {
  #filters: PatternFilter[];
  readonly #budgetMs: number;
  /** Where the patterns run; the process's shared pool, started on first use, by default. */
  readonly #pool: PatternPool | undefined;
  readonly #progress = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  readonly #notes: NotAppliedFilter[] = [];
  #spentMs = 0;

  constructor(filters: readonly PatternFilter[], budgetMs: number, pool?: PatternPool) {
    this.#filters = [...filters];
    this.#budgetMs = budgetMs;
    this.#pool = pool;
  }

  /** Whether there are patterns still to apply. */
  get active(): boolean {
    return this.#filters.length > 0;
  }

  /** Pattern filters not applied, and why. */
  notes(): NotAppliedFilter[] {
    return this.#notes;
  }

  /**
   * The leads that pass every pattern, in their order; null once the patterns are given up (this
   * page is then not filtered by them, nor any later one).
   */
  async apply(leads: readonly Lead[]): Promise<Lead[] | null> {
    while (this.active) {
      const remainingMs = this.#budgetMs - this.#spentMs;
      if (remainingMs <= 0) {
        this.#giveUp({ kind: 'spent' });
        return null;
      }
      const started = performance.now();
      const outcome = await this.#run(leads, remainingMs);
      this.#spentMs += performance.now() - started;
      if ('failure' in outcome) {
        this.#giveUp(this.#failureNote(outcome.failure));
        return null;
      }
      const { result } = outcome;
      switch (result.kind) {
        case 'done':
          return leads.filter((_, position) => result.passed[position]);
        case 'out-of-time':
          this.#giveUp({ kind: 'out-of-time', culprit: this.#filters[result.pattern] });
          return null;
        case 'uncompilable': {
          // Found before any lead was tested: the others run without it.
          const [filter] = this.#filters.splice(result.pattern, 1);
          if (filter !== undefined) {
            this.#notes.push(
              note(
                filter,
                `the pattern does not compile, so it was not applied: ${result.message}`,
              ),
            );
          }
        }
      }
    }
    return [...leads];
  }

  #run(
    leads: readonly Lead[],
    remainingMs: number,
  ): Promise<{ result: PatternTaskResult } | { failure: PatternTaskFailure }> {
    const texts: PageTexts[] = [];
    const textsOfField = new Map<string, number>();
    const patterns = this.#filters.map((filter) => {
      const key = fieldKey(filter.field);
      let position = textsOfField.get(key);
      if (position === undefined) {
        position = texts.length;
        textsOfField.set(key, position);
        const perLead = leads.map((lead) => leadFieldTexts(lead, filter.field));
        texts.push({ values: perLead.flat(), counts: perLead.map((values) => values.length) });
      }
      return { regex: filter.regex, texts: position };
    });
    Atomics.store(this.#progress, 0, 0);
    const task: PatternTask = {
      patterns,
      texts,
      deadline: Date.now() + remainingMs,
      progress: this.#progress,
    };
    return (this.#pool ?? sharedPatternPool()).run(
      task,
      AbortSignal.timeout(Math.ceil(remainingMs) + CANCEL_GRACE_MS),
    );
  }

  #failureNote(failure: PatternTaskFailure): GiveUp {
    // The worker says which pattern it was at; 0 when the task never started.
    const culprit = this.#filters[Atomics.load(this.#progress, 0) - 1];
    switch (failure.kind) {
      case 'cancelled':
        return { kind: 'out-of-time', culprit };
      case 'busy':
        return { kind: 'busy' };
      case 'failed':
        return { kind: 'failed', culprit, message: failure.message };
    }
  }

  #giveUp(why: GiveUp): void {
    const budget = `${this.#budgetMs.toLocaleString('en-US')} ms`;
    for (const filter of this.#filters) {
      this.#notes.push(note(filter, giveUpReason(why, filter, budget)));
    }
    this.#filters = [];
  }
}

function note(filter: PatternFilter, reason: string): NotAppliedFilter {
  return { index: filter.index, type: 'matchFieldWithRegex', reason };
}

function giveUpReason(why: GiveUp, filter: PatternFilter, budget: string): string {
  const others = 'so none of its pattern filters was applied';
  switch (why.kind) {
    case 'spent':
      return `this request's patterns used up their time budget (${budget}) before the leads were found, ${others}`;
    case 'busy':
      return `the pattern workers were too busy with other requests to take this one, ${others}`;
    case 'failed':
      return why.culprit === filter
        ? `the pattern ${JSON.stringify(filter.regex)} made the pattern worker fail (${why.message}), ${others}`
        : `the pattern worker failed (${why.message}), ${others}`;
    case 'out-of-time':
      if (why.culprit === undefined) {
        return `the pattern workers were busy with other requests for the whole time budget of this request's patterns (${budget}), ${others}`;
      }
      if (why.culprit === filter) {
        return `the pattern ${JSON.stringify(filter.regex)} used up the time budget of this request's patterns (${budget}), ${others}; lookarounds and backreferences can make a pattern backtrack for very long, and long counted repetitions such as .{0,999} take long to compile`;
      }
      return `the time budget of this request's patterns (${budget}) ran out on the pattern of filter ${why.culprit.index}, ${others}`;
  }
}

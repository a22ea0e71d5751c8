/**
 * The pattern worker (run by pattern-pool.ts in a worker thread): compiles a request's patterns
 * and tests one page of leads against them. Compiled patterns are kept for the next pages, the
 * least recently used dropped first, so a request compiles each pattern once per worker.
 */
import { compileFieldPattern, type FieldPattern, PatternTimeoutError } from './field-pattern.js';
import type { PageTexts, PatternTask, PatternTaskResult } from './pattern-task.js';

/**
 * Characters of the patterns kept compiled. RE2 expands counted repetitions, so a compiled
 * pattern's memory grows with its length (a 500-character one can take 20 MB): two ICPs' worth.
 */
const CACHED_PATTERN_CHARS = 4_000;

const compiled = new Map<string, FieldPattern>();
let cachedChars = 0;

function compiledPattern(regex: string): FieldPattern {
  const cached = compiled.get(regex);
  if (cached !== undefined) {
    compiled.delete(regex);
    compiled.set(regex, cached);
    return cached;
  }
  const pattern = compileFieldPattern(regex);
  compiled.set(regex, pattern);
  cachedChars += regex.length;
  for (const oldest of compiled.keys()) {
    if (cachedChars <= CACHED_PATTERN_CHARS || oldest === regex) break;
    compiled.delete(oldest);
    cachedChars -= oldest.length;
  }
  return pattern;
}

/** Where each lead's texts start in `values`. */
function starts(texts: PageTexts): number[] {
  let next = 0;
  return texts.counts.map((count) => {
    const start = next;
    next += count;
    return start;
  });
}

export default function runPatternTask(task: PatternTask): PatternTaskResult {
  const { patterns, texts, deadline, progress } = task;
  const leadCount = texts[0]?.counts.length ?? 0;
  const passed = new Array<boolean>(leadCount).fill(true);
  const compiledPatterns: FieldPattern[] = [];
  for (const [position, { regex }] of patterns.entries()) {
    Atomics.store(progress, 0, position + 1);
    if (Date.now() >= deadline) return { kind: 'out-of-time', pattern: position };
    try {
      compiledPatterns.push(compiledPattern(regex));
    } catch (error) {
      return { kind: 'uncompilable', pattern: position, message: String(error) };
    }
  }
  const textStarts = texts.map(starts);
  for (const [position, pattern] of compiledPatterns.entries()) {
    Atomics.store(progress, 0, position + 1);
    const field = patterns[position]?.texts ?? 0;
    const { values, counts } = texts[field] as PageTexts;
    const leadStarts = textStarts[field] as number[];
    const testedLeads = passed.flatMap((alive, lead) => (alive ? [lead] : []));
    const tested = testedLeads.flatMap((lead) => {
      const start = leadStarts[lead] as number;
      return values.slice(start, start + (counts[lead] as number));
    });
    let results: boolean[];
    try {
      results = pattern.testAll(tested, deadline);
    } catch (error) {
      if (error instanceof PatternTimeoutError) return { kind: 'out-of-time', pattern: position };
      throw error;
    }
    // A list field (skills, keywords) passes when any of its items matches.
    let next = 0;
    for (const lead of testedLeads) {
      const count = counts[lead] as number;
      passed[lead] = results.slice(next, next + count).some(Boolean);
      next += count;
    }
  }
  return { kind: 'done', passed };
}

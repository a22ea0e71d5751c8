import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testDatabase } from './test-database.js';

/** What a reliability suite did, summed over the run by the test command and printed once. */
export interface SuiteFigures {
  requestsSent?: number;
  faultsInjected?: number;
  writesAcknowledged?: number;
  writesFound?: number;
}

/**
 * The one row of the attacks a signed-in user could once run against others (hostile patterns,
 * batches, floods, over-long arrays, other accounts' CRM contacts, lead lists filling the disk).
 */
export const ATTACKS_SUITE = 'attacks by a signed-in user';

const figuresFile = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../.test-results/reliability-figures.jsonl',
);

/**
 * Prints a suite's figures and keeps them for the run's summary (one JSON line per report).
 * `database` defaults to the one the end-to-end suites run on.
 */
export function reportFigures(
  suite: string,
  figures: SuiteFigures,
  database: 'sqlite' | 'postgres' = testDatabase,
): void {
  const line = { suite, database, ...figures };
  console.log(
    `figures of ${suite} (${database}): ${Object.entries(figures)
      .map(([name, value]) => `${name} ${value}`)
      .join(', ')}`,
  );
  mkdirSync(dirname(figuresFile), { recursive: true });
  appendFileSync(figuresFile, `${JSON.stringify(line)}\n`);
}

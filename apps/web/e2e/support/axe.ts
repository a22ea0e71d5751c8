import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

declare global {
  interface Window {
    axe?: { run: (context: Document) => Promise<AxeResults> };
  }
}

/** One violation in a line: the rule, the elements it found and what is wrong with the first. */
function describe({ id, help, nodes }: AxeResults['violations'][number]): string {
  const targets = nodes.map((node) => node.target.join(' ')).join(', ');
  const why = nodes[0]?.failureSummary?.replace(/\s+/g, ' ') ?? '';
  return `${id} (${help}): ${targets}. ${why}`;
}

/**
 * Runs axe-core on the page as it is now (its source is evaluated in the page, so the strict
 * Content-Security-Policy needs no exception) and expects no violation of any rule.
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  if (!(await page.evaluate(() => window.axe !== undefined))) await page.evaluate(axeSource);
  const results = await page.evaluate(() => {
    if (window.axe === undefined) throw new Error('axe-core did not load');
    return window.axe.run(document);
  });
  expect(results.violations.map(describe), `axe on ${state}`).toEqual([]);
}

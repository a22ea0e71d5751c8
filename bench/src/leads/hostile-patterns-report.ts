import { fixed, row, tableHead } from '../markdown.js';
import type { HostilePatternsResult } from './hostile-patterns.js';

/** The report's section on hostile patterns: probe latencies quiet and under attack. */
export function renderHostilePatternsSection(result: HostilePatternsResult): string[] {
  return [
    '## Hostile patterns',
    '',
    `The built server on SQLite (${fixed(result.people)} people). \`/healthz\` and a get-by-id are each asked again as soon as they answer, ` +
      'for 3 s with nothing else running, then while each attack sends its requests at once, one per user. ' +
      'Target: probes p99 under 100 ms, every hostile request done within 5 s.',
    '',
    ...tableHead(['probe', 'phase', 'answers', 'p50 ms', 'p99 ms', 'max ms'], ['probe', 'phase']),
    ...result.probes.map((probe) =>
      row([
        probe.probe,
        probe.phase,
        fixed(probe.count),
        fixed(probe.p50Ms, 1),
        fixed(probe.p99Ms, 1),
        fixed(probe.maxMs, 1),
      ]),
    ),
    '',
    ...tableHead(['attack', 'requests', 'slowest ms', 'patterns not applied'], ['attack']),
    ...result.attacks.map((attack) =>
      row([
        attack.attack,
        fixed(attack.requests),
        fixed(attack.maxMs),
        `${fixed(attack.notApplied)} of ${fixed(attack.patterns)}`,
      ]),
    ),
    '',
  ];
}

import { MAX_REGEX_FILTERS, MAX_TOTAL_REGEX_LENGTH } from '@icp/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeGeneratedDataset } from '../../src/leads/dataset/store-generated.js';
import type { JsonResponse } from '../support/api-client.js';
import { reportFigures } from '../support/suite-figures.js';
import { startTestService, type TestService } from '../support/test-service.js';

const ICPS = '/api/v1/entities/icps';
const CONCURRENT = 4;
/** Every poll must answer within this while the hostile requests run (the target is 100 ms). */
const POLL_BOUND_MS = 1_000;
/** Each hostile request must end within this (the target is 5 s). */
const REQUEST_BOUND_MS = 10_000;

/** RE2 takes a few hundred milliseconds to compile each: it expands to 62,000 steps. */
const slowToCompile = '.{0,999}'.repeat(62);
/** Backtracks exponentially on any long job title (none ends in "!"), and is beyond RE2. */
const backtracking = '(?=)^(.+)+!$';

const everyone = [
  {
    provider: 'baseProvider',
    type: 'person',
    filters: { location: { country: ['W-EMEA', 'W-NA', 'W-LATAM', 'W-APAC'] } },
  },
];
const onJobTitle = (regex: string) => ({ type: 'matchFieldWithRegex', field: 'jobTitle', regex });
/** As many slow-to-compile patterns as the length cap allows, different for each attacker. */
const slowPatterns = (attacker: number) =>
  Array.from(
    { length: Math.floor(MAX_TOTAL_REGEX_LENGTH / (slowToCompile.length + 2)) },
    (_, index) => onJobTitle(`${slowToCompile}${attacker}${index}`),
  );
const backtrackingPatterns = Array.from({ length: MAX_REGEX_FILTERS }, (_, index) =>
  onJobTitle(`${backtracking}${'x'.repeat(index)}`),
);

interface Poll {
  path: string;
  status: number;
  ms: number;
}

describe('hostile patterns', () => {
  let service: TestService;
  /** One user per hostile request: a user may run only a few lead searches at once. */
  let tokens: string[];
  let token: string;
  let icpPath: string;
  let requestsSent = 0;
  let faultsInjected = 0;

  beforeAll(async () => {
    service = await startTestService();
    // About 1,500 people: a list of 10,000 takes all of them, read in one page.
    await storeGeneratedDataset(service.db, { seed: 1, companies: 150 });
    const users = Array.from({ length: CONCURRENT }, (_, index) => `hostile_${index}`);
    tokens = await Promise.all(users.map((user) => service.apiKeyFor(user)));
    token = tokens[0] as string;
    const created = await service.api('POST', ICPS, {
      token,
      body: {
        name: 'Runaway patterns',
        leadProviderCriteria: everyone,
        customFilterCriteria: backtrackingPatterns,
        userIds: users,
        leadsPerList: 10_000,
      },
    });
    expect(created.status, created.text).toBe(201);
    icpPath = `${ICPS}/${created.body.id}`;
  });
  afterAll(async () => {
    await service?.stop();
    reportFigures('hostile patterns', { requestsSent, faultsInjected });
  });

  /**
   * Runs `CONCURRENT` hostile requests at once while polling `/healthz` and a get-by-id one after
   * another; returns each request's response and time, and every poll.
   */
  async function underAttack(send: (token: string, attacker: number) => Promise<JsonResponse>) {
    let attacking = true;
    const polls: Poll[] = [];
    const poll = async (path: string) => {
      while (attacking) {
        const started = performance.now();
        const response = await service.api('GET', path, { token });
        polls.push({ path, status: response.status, ms: performance.now() - started });
      }
    };
    const pollers = [poll('/healthz'), poll(icpPath)];
    const attacks = tokens.map(async (attackerToken, attacker) => {
      const started = performance.now();
      const response = await send(attackerToken, attacker);
      return { response, ms: performance.now() - started };
    });
    const results = await Promise.all(attacks).finally(() => {
      attacking = false;
    });
    await Promise.all(pollers);
    requestsSent += tokens.length + polls.length;
    faultsInjected += tokens.length;
    return { results, polls };
  }

  function expectServed(polls: readonly Poll[]) {
    expect(polls.length).toBeGreaterThan(0);
    expect(polls.filter((poll) => poll.status !== 200)).toEqual([]);
    expect(polls.filter((poll) => poll.ms >= POLL_BOUND_MS)).toEqual([]);
  }

  const indexesNotApplied = (body: { notApplied: { index: number; type: string }[] }) =>
    body.notApplied.filter((note) => note.type === 'matchFieldWithRegex').map((note) => note.index);

  it('previews of patterns that take long to compile end within the budget, and the server keeps answering', async () => {
    const patternCount = slowPatterns(0).length;
    const { results, polls } = await underAttack((attackerToken, attacker) =>
      service.api('POST', '/trpc/leadLists.previewDraft', {
        token: attackerToken,
        body: {
          body: {
            leadProviderCriteria: everyone,
            customFilterCriteria: slowPatterns(attacker),
            limit: 100,
          },
        },
      }),
    );

    expectServed(polls);
    const notApplied = results.map(({ response }) => indexesNotApplied(response.body.result.data));
    for (const { response, ms } of results) {
      expect(response.status, response.text).toBe(200);
      expect(ms).toBeLessThan(REQUEST_BOUND_MS);
      // The patterns match anything: applied or not, every lead passes.
      expect(response.body.result.data.leads).toHaveLength(100);
    }
    // A request compiles its patterns within its budget, or gives them all up; the workers
    // cannot compile them all for every request in time.
    const all = Array.from({ length: patternCount }, (_, index) => index);
    for (const indexes of notApplied) expect([[], all]).toContainEqual(indexes);
    expect(notApplied).toContainEqual(all);
  });

  it('lead lists of 10,000 with backtracking patterns end within the budget, and the server keeps answering', async () => {
    const { results, polls } = await underAttack((attacker) =>
      service.api('POST', `${icpPath}/lead-lists`, { token: attacker }),
    );

    expectServed(polls);
    for (const { response, ms } of results) {
      expect(response.status, response.text).toBe(201);
      expect(ms).toBeLessThan(REQUEST_BOUND_MS);
      expect(indexesNotApplied(response.body)).toEqual(backtrackingPatterns.map((_, i) => i));
      // Not filtered by any pattern: every person the criteria match.
      expect(response.body.leadCount).toBe(response.body.matchedCount);
    }
  });
});

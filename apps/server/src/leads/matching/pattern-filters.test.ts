import {
  type CustomFilterCriterion,
  type Lead,
  type PersonRecordInput,
  personRecord,
} from '@icp/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { sleep } from '../../../test/support/server-process.js';
import { useTempDatabase } from '../../../test/support/temp-database.js';
import { savePeople } from '../lead-records.repository.js';
import { type FindLeadsOptions, findLeads } from './find-leads.js';
import { closeSharedPatternPool, PatternPool } from './pattern-pool.js';

const NOW = new Date('2026-11-23T09:00:00.000Z');
const evil = `${'a'.repeat(40)}!`;
/** Backtracks exponentially on `evil`, and its lookahead keeps it off RE2. */
const backtracking = '^(?=a)(a+)+$';
/** Compiling this on RE2 takes a few hundred milliseconds (it expands to 62,000 steps). */
const slowToCompile = '.{0,999}'.repeat(62);

const engineer = (n: number, firstName: string): PersonRecordInput => ({
  id: `p-${String(n).padStart(2, '0')}`,
  firstName,
  lastName: 'Doe',
  jobTitle: n % 2 === 0 ? 'Senior Engineer' : 'Engineer',
});
const idsOf = (leads: readonly Lead[]) => leads.map((lead) => lead.person.id);
const onFirstName = (regex: string): CustomFilterCriterion => ({
  type: 'matchFieldWithRegex',
  field: 'firstName',
  regex,
});
const onJobTitle = (regex: string): CustomFilterCriterion => ({
  type: 'matchFieldWithRegex',
  field: 'jobTitle',
  regex,
});

describe("a request's pattern filters", () => {
  const temp = useTempDatabase();
  afterAll(() => closeSharedPatternPool());

  const store = (...people: PersonRecordInput[]) =>
    savePeople(
      temp.db,
      people.map((person) => personRecord.parse(person)),
    );
  const find = (filters: CustomFilterCriterion[], options: Partial<FindLeadsOptions> = {}) =>
    findLeads(
      temp.db,
      {
        leadProviderCriteria: [{ provider: 'baseProvider', filters: { job_title: ['Engineer'] } }],
        customFilterCriteria: filters,
      },
      { limit: 100, now: NOW, ...options },
    );

  /**
   * Waits until a pattern worker is up (one is started with the pool, and again after one is
   * ended): a budget below a worker's start-up would measure the start-up, not the patterns.
   */
  const workerReady = () => find([onFirstName('.')]);

  it('share one time budget: ten backtracking patterns end within it, each reported', async () => {
    await store(engineer(1, evil), engineer(2, 'aaaa'), engineer(3, 'Bob'));
    await workerReady();
    const started = Date.now();

    const result = await find(
      Array.from({ length: 10 }, () => onFirstName(backtracking)),
      { patternBudgetMs: 500 },
    );

    // Each pattern used to have a budget of its own, and the search started over after each.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(idsOf(result.leads)).toEqual(['p-01', 'p-02', 'p-03']);
    expect(result.notApplied.map((note) => note.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(result.notApplied[0]?.reason).toMatch(
      /^the pattern ".*" used up the time budget of this request's patterns \(500 ms\), so none of its pattern filters was applied/,
    );
    expect(result.notApplied[1]?.reason).toBe(
      "the time budget of this request's patterns (500 ms) ran out on the pattern of filter 0, so none of its pattern filters was applied",
    );
  });

  it('are given up together: a fine pattern next to a runaway one filters no lead either', async () => {
    await store(engineer(1, 'aaaa'), engineer(2, evil), engineer(3, 'Bob'));

    const result = await find([onJobTitle('^Senior'), onFirstName(backtracking)], {
      patternBudgetMs: 300,
    });

    expect(idsOf(result.leads)).toEqual(['p-01', 'p-02', 'p-03']);
    expect(result.notApplied.map((note) => [note.index, note.type])).toEqual([
      [0, 'matchFieldWithRegex'],
      [1, 'matchFieldWithRegex'],
    ]);
  });

  it('cut off a pattern that takes longer to compile than the budget', async () => {
    await store(engineer(1, 'Ann'));
    await workerReady();
    const started = Date.now();

    const result = await find([onFirstName(slowToCompile)], { patternBudgetMs: 50 });
    const afterwards = await find([onFirstName('^B')]);

    expect(Date.now() - started).toBeLessThan(5_000);
    expect(idsOf(result.leads)).toEqual(['p-01']);
    expect(result.notApplied).toEqual([
      {
        index: 0,
        type: 'matchFieldWithRegex',
        reason: expect.stringContaining('used up the time budget'),
      },
    ]);
    // The worker stuck in compiling was replaced.
    expect(afterwards).toMatchObject({ leads: [], notApplied: [] });
  });

  it('filter page after page within the budget, on RE2 and on JavaScript', async () => {
    await store(
      ...Array.from({ length: 30 }, (_, i) => engineer(i + 1, i % 3 === 0 ? 'Ann' : 'Bob')),
    );

    const result = await find([onJobTitle('^Senior'), onFirstName('^(?!Ann)')], { pageSize: 4 });

    expect(idsOf(result.leads)).toEqual([
      'p-02',
      'p-06',
      'p-08',
      'p-12',
      'p-14',
      'p-18',
      'p-20',
      'p-24',
      'p-26',
      'p-30',
    ]);
    expect(result.notApplied).toEqual([]);
  });

  it('go on from where the search stands when they run out before dropping a lead', async () => {
    await store(engineer(1, 'aaaa'), engineer(2, evil), engineer(3, 'aaa'));
    const asked: string[][] = [];
    const recentlyUsed = async (ids: string[]) => {
      asked.push(ids);
      return new Set<string>();
    };

    const result = await find(
      [onFirstName(backtracking), { type: 'minDaysUntilReuse', value: 30 }],
      {
        pageSize: 1,
        patternBudgetMs: 300,
        recentlyUsed,
      },
    );

    expect(idsOf(result.leads)).toEqual(['p-01', 'p-02', 'p-03']);
    // Each page was read once: the search did not start over.
    expect(asked).toEqual([['p-01'], ['p-02'], ['p-03']]);
    expect(result.notApplied.map((note) => note.index)).toEqual([0]);
  });

  it('report a pattern that does not compile, and apply the others', async () => {
    await store(engineer(1, 'Ann'), engineer(2, 'Bob'));

    const result = await find([onFirstName('('), onFirstName('^B')]);

    expect(idsOf(result.leads)).toEqual(['p-02']);
    expect(result.notApplied).toEqual([
      {
        index: 0,
        type: 'matchFieldWithRegex',
        reason: expect.stringMatching(
          /^the pattern does not compile, so it was not applied: .*Invalid regular expression/,
        ),
      },
    ]);
  });

  describe('on a busy pool', () => {
    const pool = new PatternPool({ threads: 1, maxQueued: 1 });
    afterAll(() => pool.close());

    it('count the time spent waiting for a worker against the budget', async () => {
      await store(engineer(1, evil), engineer(2, 'Bob'));
      const runaway = find([onFirstName(backtracking)], {
        patternBudgetMs: 2_000,
        patternPool: pool,
      });
      await sleep(500);

      const waiting = await find([onFirstName('^B')], { patternBudgetMs: 300, patternPool: pool });

      expect(idsOf(waiting.leads)).toEqual(['p-01', 'p-02']);
      expect(waiting.notApplied[0]?.reason).toBe(
        "the pattern workers were busy with other requests for the whole time budget of this request's patterns (300 ms), so none of its pattern filters was applied",
      );
      expect((await runaway).notApplied.map((note) => note.index)).toEqual([0]);
    });

    it('are not applied at once when the queue is full', async () => {
      await store(engineer(1, evil));
      const runaways = [1, 2, 3].map(() =>
        find([onFirstName(backtracking)], { patternBudgetMs: 1_000, patternPool: pool }),
      );

      const reasons = (await Promise.all(runaways)).map((result) => result.notApplied[0]?.reason);

      expect(reasons).toContain(
        'the pattern workers were too busy with other requests to take this one, so none of its pattern filters was applied',
      );
    });
  });
});

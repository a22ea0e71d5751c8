import {
  type CompanyRecordInput,
  type CustomFilterCriterion,
  companyRecord,
  type Lead,
  type LeadProviderCriterion,
  type PersonRecordInput,
  personRecord,
} from '@icp/schema';
import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/support/temp-database.js';
import type { Db } from '../../db/connect.js';
import { saveCompanies, savePeople } from '../lead-records.repository.js';
import type { EvaluatedFilter, EvaluatorLead, LeadEvaluator, LeadVerdict } from './evaluator.js';
import { type FindLeadsOptions, findLeads } from './find-leads.js';

const NOW = new Date('2026-11-23T09:00:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;
const engineers: LeadProviderCriterion[] = [
  { provider: 'baseProvider', filters: { job_title: ['Engineer'] } },
];

const id = (n: number) => `p-${String(n).padStart(2, '0')}`;

/** An engineer; `n` orders them (ids `p-01`, `p-02`, ...). */
const engineer = (n: number, fields: Partial<PersonRecordInput> = {}): PersonRecordInput => ({
  id: id(n),
  firstName: `Person${n}`,
  lastName: 'Doe',
  jobTitle: 'Engineer',
  ...fields,
});

async function store(
  db: Db,
  companies: CompanyRecordInput[],
  people: PersonRecordInput[],
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await saveCompanies(
      tx,
      companies.map((company) => companyRecord.parse(company)),
    );
    await savePeople(
      tx,
      people.map((person) => personRecord.parse(person)),
    );
  });
}

const idsOf = (leads: readonly Lead[]) => leads.map((lead) => lead.person.id);

const aiFilter: CustomFilterCriterion = {
  type: 'ai',
  entityType: 'person',
  prompt: 'Evaluate if this person has hiring authority',
};
const websiteFilter: CustomFilterCriterion = {
  type: 'website',
  provider: 'browserUse',
  prompt: 'Check if company offers B2B SaaS products',
};
const webscrapingFilter: CustomFilterCriterion = {
  type: 'webscraping',
  provider: 'firecrawl',
  extractionPrompt: 'Extract pricing information',
};

/** An evaluator that judges each lead with `judge`, and remembers what it was asked. */
function fakeEvaluator(judge: (lead: EvaluatorLead) => LeadVerdict) {
  const asked: { filter: EvaluatedFilter; ids: string[] }[] = [];
  const evaluator: LeadEvaluator = {
    async evaluate(filter, leads) {
      asked.push({ filter, ids: leads.map((lead) => lead.id) });
      return new Map(leads.map((lead) => [lead.id, judge(lead)]));
    },
  };
  return { evaluator, asked, askedIds: () => asked.flatMap((call) => call.ids) };
}

describe('custom filters', () => {
  const temp = useTempDatabase();

  const find = (
    customFilterCriteria: CustomFilterCriterion[],
    options: Partial<FindLeadsOptions> = {},
  ) =>
    findLeads(
      temp.db,
      { leadProviderCriteria: engineers, customFilterCriteria },
      { limit: 100, now: NOW, ...options },
    );

  describe('maxPeoplePerCompany', () => {
    const companies = [
      { id: 'c-a', name: 'Alpha' },
      { id: 'c-b', name: 'Beta' },
    ];
    const people = [
      engineer(1, { companyId: 'c-a' }),
      engineer(2, { companyId: 'c-a' }),
      engineer(3, { companyId: 'c-b' }),
      engineer(4, { companyId: 'c-a' }),
      engineer(5),
      engineer(6),
      engineer(7, { companyId: 'c-b' }),
      engineer(8, { companyId: 'c-b' }),
    ];

    it('keeps the first people of each company up to the cap; people without one are not capped', async () => {
      await store(temp.db, companies, people);

      const result = await find([{ type: 'maxPeoplePerCompany', value: 2 }]);

      expect(idsOf(result.leads)).toEqual(['p-01', 'p-02', 'p-03', 'p-05', 'p-06', 'p-07']);
      expect(result.total).toBe(8);
      expect(result.notApplied).toEqual([]);
    });

    it('applies the strictest of several caps', async () => {
      await store(temp.db, companies, people);

      const result = await find([
        { type: 'maxPeoplePerCompany', value: 2 },
        { type: 'maxPeoplePerCompany', value: 1 },
      ]);

      expect(idsOf(result.leads)).toEqual(['p-01', 'p-03', 'p-05', 'p-06']);
    });

    it('pages through the capped list without gaps or repeats', async () => {
      await store(temp.db, companies, people);
      const filters: CustomFilterCriterion[] = [{ type: 'maxPeoplePerCompany', value: 1 }];

      const first = await find(filters, { limit: 2, pageSize: 3 });
      const second = await find(filters, { limit: 2, offset: 2, pageSize: 3 });

      expect([...idsOf(first.leads), ...idsOf(second.leads)]).toEqual(
        idsOf((await find(filters)).leads),
      );
    });
  });

  describe('matchFieldWithRegex', () => {
    it('drops leads whose field does not match, as the documented lookahead example does', async () => {
      await store(
        temp.db,
        [
          { id: 'c-acme', name: 'Acme GmbH' },
          { id: 'c-test', name: 'Acme Test Labs' },
        ],
        [engineer(1, { companyId: 'c-acme' }), engineer(2, { companyId: 'c-test' }), engineer(3)],
      );

      const result = await find([
        { type: 'matchFieldWithRegex', field: 'company.name', regex: '^(?!.*Test).*$' },
      ]);

      // A person without a company has an empty company name, which holds no "Test".
      expect(idsOf(result.leads)).toEqual(['p-01', 'p-03']);
      expect(result.notApplied).toEqual([]);
    });

    it('tests person fields by name, and a list field by each of its items', async () => {
      await store(
        temp.db,
        [],
        [
          engineer(1, { jobTitle: 'Senior Engineer', skills: ['Rust', 'Go'] }),
          engineer(2, { jobTitle: 'Senior Engineer', skills: ['Golang'] }),
          engineer(3, { jobTitle: 'Engineer', skills: ['Go'] }),
        ],
      );

      const result = await find([
        { type: 'matchFieldWithRegex', field: 'jobTitle', regex: '^Senior ' },
        { type: 'matchFieldWithRegex', field: 'person.skills', regex: '^Go$' },
      ]);

      expect(idsOf(result.leads)).toEqual(['p-01']);
    });

    it('reports a field that no lead has, and does not filter by it', async () => {
      await store(temp.db, [], [engineer(1), engineer(2)]);

      const result = await find([
        { type: 'maxPeoplePerCompany', value: 1 },
        { type: 'matchFieldWithRegex', field: 'company.revenueBand', regex: '^x$' },
      ]);

      expect(idsOf(result.leads)).toEqual(['p-01', 'p-02']);
      expect(result.notApplied).toEqual([
        {
          index: 1,
          type: 'matchFieldWithRegex',
          reason: expect.stringContaining('"company.revenueBand" is not a field of a lead'),
        },
      ]);
    });

    it('runs a backtracking-prone pattern that RE2 accepts in linear time, and applies it', async () => {
      const evil = `${'a'.repeat(40)}!`;
      await store(
        temp.db,
        [],
        [engineer(1, { firstName: evil }), engineer(2, { firstName: 'aaaa' })],
      );
      const started = Date.now();

      const result = await find([
        { type: 'matchFieldWithRegex', field: 'firstName', regex: '^(a+)+$' },
      ]);

      expect(Date.now() - started).toBeLessThan(5_000);
      expect(idsOf(result.leads)).toEqual(['p-02']);
      expect(result.notApplied).toEqual([]);
    });

    it('stops a catastrophic pattern that only JavaScript can run, and reports it as not applied', async () => {
      const evil = `${'a'.repeat(40)}!`;
      await store(
        temp.db,
        [],
        [engineer(1, { firstName: evil }), engineer(2, { firstName: 'aaaa' }), engineer(3)],
      );
      const started = Date.now();

      const result = await find([
        { type: 'maxPeoplePerCompany', value: 5 },
        // The lookahead keeps it off RE2; `(a+)+$` backtracks exponentially on "aaa…!".
        { type: 'matchFieldWithRegex', field: 'firstName', regex: '^(?=a)(a+)+$' },
      ]);

      expect(Date.now() - started).toBeLessThan(5_000);
      expect(idsOf(result.leads)).toEqual(['p-01', 'p-02', 'p-03']);
      expect(result.notApplied).toEqual([
        {
          index: 1,
          type: 'matchFieldWithRegex',
          reason: expect.stringMatching(
            /^the pattern "\^\(\?=a\)\(a\+\)\+\$" used up the time budget of this request's patterns \(2,000 ms\), so none of its pattern filters was applied/,
          ),
        },
      ]);
    });

    it('does not ask an evaluator twice about a lead when a pattern forces the search to start over', async () => {
      await store(
        temp.db,
        [],
        [
          engineer(1, { firstName: 'Bob' }),
          engineer(2, { firstName: 'aaaa' }),
          engineer(3, { firstName: `${'a'.repeat(40)}!` }),
        ],
      );
      const ai = fakeEvaluator(() => ({ passed: true }));

      // The pattern drops p-01 from the first page, then runs out of time on the second.
      const result = await find(
        [aiFilter, { type: 'matchFieldWithRegex', field: 'firstName', regex: '^(?=a)(a+)+$' }],
        { evaluators: { ai: ai.evaluator }, pageSize: 2, patternBudgetMs: 300 },
      );

      expect(idsOf(result.leads)).toEqual(['p-01', 'p-02', 'p-03']);
      expect(ai.askedIds()).toEqual(['p-02', 'p-01', 'p-03']);
      expect(result.notApplied.map((note) => note.index)).toEqual([1]);
    });
  });

  describe('minDaysUntilReuse', () => {
    it('skips people put in a list within the last N days, by the history it is given', async () => {
      await store(temp.db, [], [engineer(1), engineer(2), engineer(3)]);
      const calls: { ids: string[]; since: Date }[] = [];
      const recentlyUsed = async (ids: string[], since: Date) => {
        calls.push({ ids, since });
        return new Set(['p-02', 'p-99']);
      };

      const result = await find(
        [
          { type: 'minDaysUntilReuse', value: 30 },
          { type: 'minDaysUntilReuse', value: 90 },
        ],
        { recentlyUsed },
      );

      expect(idsOf(result.leads)).toEqual(['p-01', 'p-03']);
      expect(calls).toEqual([
        { ids: ['p-01', 'p-02', 'p-03'], since: new Date(NOW.getTime() - 90 * DAY_MS) },
      ]);
      expect(result.notApplied).toEqual([]);
    });

    it('with 0 days skips no one and asks for no history', async () => {
      await store(temp.db, [], [engineer(1), engineer(2)]);
      let asked = false;
      const recentlyUsed = async () => {
        asked = true;
        return new Set(['p-01']);
      };

      const result = await find([{ type: 'minDaysUntilReuse', value: 0 }], { recentlyUsed });

      expect(idsOf(result.leads)).toEqual(['p-01', 'p-02']);
      expect(asked).toBe(false);
    });

    it('without lead-list history, is reported as not applied', async () => {
      await store(temp.db, [], [engineer(1)]);

      const result = await find([{ type: 'minDaysUntilReuse', value: 180 }]);

      expect(idsOf(result.leads)).toEqual(['p-01']);
      expect(result.notApplied).toEqual([
        {
          index: 0,
          type: 'minDaysUntilReuse',
          reason: 'no lead-list history is available here, so recently used leads were not skipped',
        },
      ]);
    });
  });

  describe('maxPercentFromCRM', () => {
    const crm = [1, 2, 3, 5, 8];
    const people = Array.from({ length: 10 }, (_, i) =>
      engineer(i + 1, { source: crm.includes(i + 1) ? 'crm' : 'provider' }),
    );
    const crmShareHoldsForEveryPrefix = (leads: readonly Lead[], percent: number) =>
      leads.every(
        (_, end) =>
          leads.slice(0, end + 1).filter((lead) => lead.person.source === 'crm').length * 100 <=
          percent * (end + 1),
      );

    it('keeps CRM leads to at most N percent of the list, and of every first page of it', async () => {
      await store(temp.db, [], people);
      const filters: CustomFilterCriterion[] = [{ type: 'maxPercentFromCRM', value: 50 }];

      const six = await find(filters, { limit: 6 });
      const all = await find(filters);

      expect(idsOf(six.leads)).toEqual(['p-04', 'p-01', 'p-06', 'p-02', 'p-07', 'p-03']);
      expect(idsOf(all.leads).slice(0, 6)).toEqual(idsOf(six.leads));
      expect(all.leads).toHaveLength(10);
      expect(crmShareHoldsForEveryPrefix(all.leads, 50)).toBe(true);
    });

    it('leaves out the CRM leads that never fit', async () => {
      await store(temp.db, [], people);

      const twenty = await find([{ type: 'maxPercentFromCRM', value: 20 }]);
      const none = await find([{ type: 'maxPercentFromCRM', value: 0 }]);
      const any = await find([{ type: 'maxPercentFromCRM', value: 100 }]);

      expect(twenty.leads).toHaveLength(6);
      expect(crmShareHoldsForEveryPrefix(twenty.leads, 20)).toBe(true);
      expect(idsOf(none.leads)).toEqual(['p-04', 'p-06', 'p-07', 'p-09', 'p-10']);
      expect(idsOf(any.leads)).toEqual(people.map((person) => person.id));
    });
  });

  describe('evaluated filters', () => {
    it('reports filters with no evaluator configured, and leaves leads unfiltered by them', async () => {
      await store(temp.db, [], [engineer(1), engineer(2)]);

      const result = await find([
        aiFilter,
        { type: 'maxPeoplePerCompany', value: 3 },
        websiteFilter,
        webscrapingFilter,
      ]);

      expect(idsOf(result.leads)).toEqual(['p-01', 'p-02']);
      expect(result.notApplied).toEqual([
        {
          index: 0,
          type: 'ai',
          reason: 'no ai evaluator is configured, so leads were not checked against this filter',
        },
        {
          index: 2,
          type: 'website',
          reason:
            'no website evaluator is configured, so leads were not checked against this filter',
        },
        {
          index: 3,
          type: 'webscraping',
          reason:
            'no webscraping evaluator is configured, so leads were not checked against this filter',
        },
      ]);
    });

    it('applies a configured evaluator and adds its reason to the lead', async () => {
      await store(
        temp.db,
        [],
        [engineer(1, { seniority: 'VP' }), engineer(2, { seniority: 'Entry' }), engineer(3)],
      );
      const ai = fakeEvaluator((lead) =>
        lead.person.seniority === 'VP'
          ? { passed: true, reason: 'decides on budgets' }
          : { passed: false, reason: 'no budget' },
      );

      const result = await find([aiFilter, websiteFilter], { evaluators: { ai: ai.evaluator } });

      expect(idsOf(result.leads)).toEqual(['p-01']);
      expect(result.leads[0]?.reasons).toEqual([
        'job title "Engineer" matches "Engineer"',
        'ai filter: decides on budgets',
      ]);
      expect(ai.asked).toEqual([{ filter: aiFilter, ids: ['p-01', 'p-02', 'p-03'] }]);
      expect(result.notApplied.map((note) => note.type)).toEqual(['website']);
    });

    it('asks about leads only after the cheaper filters, and only about as many as needed', async () => {
      const alpha = [1, 2, 15, 25];
      const people = Array.from({ length: 40 }, (_, i) =>
        engineer(
          i + 1,
          alpha.includes(i + 1) ? { companyId: 'c-a' } : { lastName: i % 2 === 0 ? 'Doe' : 'Roe' },
        ),
      );
      await store(temp.db, [{ id: 'c-a', name: 'Alpha' }], people);
      const passing = new Set(['p-01', 'p-02', 'p-15', 'p-21', 'p-25', 'p-31']);
      const ai = fakeEvaluator((lead) => ({ passed: passing.has(lead.id) }));

      const result = await find(
        [
          aiFilter,
          { type: 'maxPeoplePerCompany', value: 1 },
          { type: 'matchFieldWithRegex', field: 'lastName', regex: '^Doe$' },
        ],
        { evaluators: { ai: ai.evaluator }, limit: 3 },
      );

      expect(idsOf(result.leads)).toEqual(['p-01', 'p-21', 'p-31']);
      const asked = ai.askedIds();
      // Pages stay small while an evaluator is asked: the search stopped after p-40 at the latest.
      expect(asked.length).toBeLessThanOrEqual(20);
      // The pattern dropped every "Roe" before the evaluator saw them.
      expect(
        asked.filter((askedId) => people.find((p) => p.id === askedId)?.lastName === 'Roe'),
      ).toEqual([]);
      // Once Alpha has its one lead, no later Alpha person is sent to the evaluator.
      expect(asked).not.toContain('p-15');
      expect(asked).not.toContain('p-25');
    });

    it('leaves out leads the evaluator could not judge, and says the filter was only partly applied', async () => {
      await store(temp.db, [], [engineer(1), engineer(2), engineer(3)]);
      const ai = fakeEvaluator((lead) =>
        lead.id === 'p-02'
          ? { passed: false, reason: 'evaluator error: HTTP 503', error: true }
          : { passed: true },
      );

      const result = await find([aiFilter], { evaluators: { ai: ai.evaluator } });

      expect(idsOf(result.leads)).toEqual(['p-01', 'p-03']);
      expect(result.notApplied).toEqual([
        {
          index: 0,
          type: 'ai',
          reason:
            'partly applied: the ai evaluator could not judge 1 lead, left out (evaluator error: HTTP 503)',
        },
      ]);
    });

    it('treats an evaluator that throws, or gives no verdict, as unable to judge', async () => {
      await store(temp.db, [], [engineer(1), engineer(2)]);
      const failing: LeadEvaluator = {
        evaluate: async () => {
          throw new Error('connection refused');
        },
      };
      const silent: LeadEvaluator = { evaluate: async () => new Map() };

      const thrown = await find([websiteFilter], { evaluators: { website: failing } });
      const unanswered = await find([webscrapingFilter], { evaluators: { webscraping: silent } });

      expect(thrown.leads).toEqual([]);
      expect(thrown.notApplied).toEqual([
        {
          index: 0,
          type: 'website',
          reason:
            'partly applied: the website evaluator could not judge 2 leads, left out (evaluator error: connection refused)',
        },
      ]);
      expect(unanswered.leads).toEqual([]);
      expect(unanswered.notApplied[0]?.reason).toContain('the evaluator gave no verdict');
    });
  });
});

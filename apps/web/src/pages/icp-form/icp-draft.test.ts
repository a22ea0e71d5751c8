import { customFilterTypes, type Icp, icpCreateInput, LEADS_PER_LIST_DEFAULT } from '@icp/schema';
import { describe, expect, it } from 'vitest';
import {
  draftForCopy,
  draftForNew,
  draftFromIcp,
  draftToBody,
  emptyDraft,
  isoToLocalInput,
  localInputToIso,
  newCrmCondition,
  newCustomFilter,
  newLeadCriterion,
  numberFilterDefaults,
} from './icp-draft';

/** Every field of the contract, legacy and unknown provider keys included. */
const fullIcp: Icp = {
  id: '550e8400-e29b-41d4-a716-446655440000',
  name: 'Enterprise Tech Decision Makers',
  description: 'C-level and VP-level technology leaders',
  createdAt: '2024-01-15T10:30:00.000Z',
  updatedAt: '2024-01-20T14:22:00.000Z',
  userIds: ['user_abc123', 'user_def456'],
  leadsPerList: 25,
  activeUntil: '2024-12-31T23:59:59.000Z',
  leadProviderCriteria: [
    {
      provider: 'baseProvider',
      type: 'person',
      filters: {
        job_titles: ['CTO', 'VP Engineering'],
        company_size: ['501-1000', '5001+'],
      },
    },
    {
      provider: 'baseProvider',
      filters: {
        job_title: ['Head of Sales'],
        seniority: ['Director'],
        skills: ['Negotiation'],
        location: {
          country: ['Germany', 'Austria'],
          state: ['Bavaria'],
          city: ['Munich'],
          region: 'DACH',
        },
        company: {
          employee_size: { min: 100, max: 5000, bucket: 'mid' },
          industry: ['Software'],
          keywords: ['SaaS'],
          revenue: { min: 1_000_000 },
        },
        newer_param: { nested: [1, { deep: true }] },
      },
    },
    {
      provider: 'baseProvider',
      type: 'company',
      filters: { company: { industry: ['Fintech'], employee_size: { min: 0 } } },
    },
  ],
  customFilterCriteria: [
    { type: 'website', provider: 'browserUse', prompt: 'Check if company offers B2B SaaS' },
    {
      type: 'webscraping',
      provider: 'firecrawl',
      extractionPrompt: 'Extract pricing information',
      pageFindingPrompt: 'Find the pricing page',
      includeSearchStrings: ['enterprise', 'pricing'],
      excludeSearchStrings: ['free trial only'],
    },
    { type: 'webscraping', provider: 'firecrawl', extractionPrompt: 'Only the required keys' },
    { type: 'ai', entityType: 'company', prompt: 'Evaluate if this company hires' },
    { type: 'maxPeoplePerCompany', value: 2 },
    { type: 'maxPercentFromCRM', value: 50 },
    { type: 'minDaysUntilReuse', value: 180 },
    { type: 'matchFieldWithRegex', field: 'company.name', regex: '^(?!.*Test).*$' },
  ],
  crmFilters: {
    provider: 'bullhorn',
    textSearch: 'Director OR Manager',
    query: 'status:Active',
    filters: [
      { path: 'address.countryName', mode: 'in', value: ['Germany', 'Austria'], exclude: false },
      { path: 'status', mode: 'equals', value: 'Active', exclude: true },
      { path: 'address.zip', mode: 'startsWith', value: '80', exclude: false },
    ],
  },
};

const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...fullBody } = fullIcp;

describe('draft conversion', () => {
  it('round-trips every field of a saved profile unchanged', () => {
    const { body, problems } = draftToBody(draftFromIcp(fullIcp));
    expect(problems).toEqual([]);
    expect(body).toEqual(fullBody);
  });

  it('covers all seven custom filter types in the round trip', () => {
    const types = new Set(fullIcp.customFilterCriteria.map((filter) => filter.type));
    expect([...types].sort()).toEqual([...customFilterTypes].sort());
  });

  it('keeps unknown provider keys, nested ones included, out of the form fields and in the body', () => {
    const draft = draftFromIcp(fullIcp);
    const [legacy, mixed, company] = draft.leadCriteria;
    expect(JSON.parse(legacy?.advancedJson ?? '')).toEqual({
      job_titles: ['CTO', 'VP Engineering'],
      company_size: ['501-1000', '5001+'],
    });
    expect(mixed?.jobTitles).toEqual(['Head of Sales']);
    expect(mixed?.countries).toEqual(['Germany', 'Austria']);
    expect(mixed?.minEmployees).toBe('100');
    expect(mixed?.maxEmployees).toBe('5000');
    expect(JSON.parse(mixed?.advancedJson ?? '')).toEqual({
      location: { region: 'DACH' },
      company: { employee_size: { bucket: 'mid' }, revenue: { min: 1_000_000 } },
      newer_param: { nested: [1, { deep: true }] },
    });
    expect(company?.advancedJson).toBe('');
    expect(company?.minEmployees).toBe('0');
  });

  it('sends a search saved without a type without one, and a new search as a person search', () => {
    const draft = draftFromIcp(fullIcp);
    expect(draft.leadCriteria[1]?.type).toBeUndefined();
    expect(draftToBody(draft).body.leadProviderCriteria[1]).not.toHaveProperty('type');
    const fresh = draftToBody({ ...emptyDraft(), leadCriteria: [newLeadCriterion()] });
    expect(fresh.body.leadProviderCriteria).toEqual([
      { provider: 'baseProvider', type: 'person', filters: {} },
    ]);
  });

  it('lets the form fields win over the same keys typed into the advanced JSON', () => {
    const criterion = {
      ...newLeadCriterion(),
      countries: ['France'],
      advancedJson: '{"location": {"country": ["Spain"], "region": "EU"}, "job_titles": ["CEO"]}',
    };
    const { body } = draftToBody({ ...emptyDraft(), leadCriteria: [criterion] });
    expect(body.leadProviderCriteria[0]?.filters).toEqual({
      location: { country: ['France'], region: 'EU' },
      job_titles: ['CEO'],
    });
  });

  it('reports advanced JSON that does not parse, or is not an object, at the criterion filters', () => {
    for (const advancedJson of ['{"job_titles": [', '["CTO"]']) {
      const criterion = { ...newLeadCriterion(), jobTitles: ['CTO'], advancedJson };
      const { body, problems } = draftToBody({ ...emptyDraft(), leadCriteria: [criterion] });
      expect(problems).toHaveLength(1);
      expect(problems[0]?.path).toEqual(['leadProviderCriteria', 0, 'filters']);
      expect(body.leadProviderCriteria[0]?.filters).toEqual({ job_title: ['CTO'] });
    }
  });

  it('keeps crmFilters keys that were left out left out, and sends null when CRM is off', () => {
    const sparse: Icp = {
      ...fullIcp,
      crmFilters: { provider: 'bullhorn', textSearch: null },
    };
    expect(draftToBody(draftFromIcp(sparse)).body.crmFilters).toEqual({
      provider: 'bullhorn',
      textSearch: null,
    });
    const off = draftFromIcp(fullIcp);
    off.crm.enabled = false;
    expect(draftToBody(off).body.crmFilters).toBeNull();
  });

  it('keeps the values of both CRM modes so switching back and forth loses nothing', () => {
    const condition = { ...newCrmCondition(), path: 'status', value: 'Active', values: ['A', 'B'] };
    const crm = { ...emptyDraft().crm, enabled: true, conditions: [condition] };
    const asIn = draftToBody({
      ...emptyDraft(),
      crm: { ...crm, conditions: [{ ...condition, mode: 'in' }] },
    });
    expect(asIn.body.crmFilters?.filters?.[0]).toEqual({
      path: 'status',
      mode: 'in',
      value: ['A', 'B'],
      exclude: false,
    });
    const asEquals = draftToBody({ ...emptyDraft(), crm });
    expect(asEquals.body.crmFilters).toEqual({
      provider: 'bullhorn',
      filters: [{ path: 'status', mode: 'equals', value: 'Active', exclude: false }],
    });
  });

  it('clears description and expiry to null', () => {
    const draft = draftFromIcp(fullIcp);
    draft.description = { ...draft.description, text: '' };
    draft.activeUntil = '';
    const { body } = draftToBody(draft);
    expect(body.description).toBeNull();
    expect(body.activeUntil).toBeNull();
  });
});

describe('defaults', () => {
  it('starts a new profile with 10 leads per list, no expiry and nothing chosen', () => {
    const { body } = draftToBody(draftForNew('user_me'));
    expect(body).toEqual({
      name: '',
      description: null,
      leadProviderCriteria: [],
      customFilterCriteria: [],
      crmFilters: null,
      userIds: ['user_me'],
      leadsPerList: LEADS_PER_LIST_DEFAULT,
      activeUntil: null,
    });
    expect(LEADS_PER_LIST_DEFAULT).toBe(10);
  });

  it('prefills the number filters with the documented defaults 1, 100 and 365', () => {
    expect(numberFilterDefaults).toEqual({
      maxPeoplePerCompany: 1,
      maxPercentFromCRM: 100,
      minDaysUntilReuse: 365,
    });
    const filters = (
      ['maxPeoplePerCompany', 'maxPercentFromCRM', 'minDaysUntilReuse'] as const
    ).map(newCustomFilter);
    expect(
      draftToBody({ ...emptyDraft(), customFilters: filters }).body.customFilterCriteria,
    ).toEqual([
      { type: 'maxPeoplePerCompany', value: 1 },
      { type: 'maxPercentFromCRM', value: 100 },
      { type: 'minDaysUntilReuse', value: 365 },
    ]);
  });

  it('leaves an emptied number filter value out, so the server applies the default', () => {
    const filter = { ...newCustomFilter('minDaysUntilReuse'), value: '' };
    const { body } = draftToBody({ ...emptyDraft(), customFilters: [filter] });
    expect(body.customFilterCriteria).toEqual([{ type: 'minDaysUntilReuse' }]);
    expect(icpCreateInput.parse({ ...body, name: 'x' }).customFilterCriteria).toEqual([
      { type: 'minDaysUntilReuse', value: 365 },
    ]);
  });

  it('creates every filter type in a shape the schema knows, failing only on empty text', () => {
    for (const type of customFilterTypes) {
      const { body } = draftToBody({
        ...draftForNew('user_me'),
        name: 'x',
        customFilters: [newCustomFilter(type)],
      });
      const result = icpCreateInput.safeParse(body);
      const paths = result.success ? [] : result.error.issues.map((issue) => issue.path.at(-1));
      expect(
        paths.every((key) =>
          ['provider', 'prompt', 'extractionPrompt', 'field', 'regex'].includes(String(key)),
        ),
      ).toBe(true);
    }
  });

  it('sends an empty leads-per-list box as not a number, so validation flags it', () => {
    const { body } = draftToBody({ ...draftForNew('user_me'), leadsPerList: '' });
    expect(body.leadsPerList).toBeNaN();
  });
});

describe('duplicate', () => {
  it('copies everything, names it as a copy and keeps the current user on the list', () => {
    const draft = draftForCopy(fullIcp, 'user_me');
    const { body } = draftToBody(draft);
    expect(body.name).toBe('Copy of Enterprise Tech Decision Makers');
    expect(body.userIds).toEqual(['user_me', 'user_abc123', 'user_def456']);
    expect(body.leadProviderCriteria).toEqual(fullIcp.leadProviderCriteria);
    expect(body.customFilterCriteria).toEqual(fullIcp.customFilterCriteria);
  });

  it('keeps a copied name within the 200 characters a name may have', () => {
    const draft = draftForCopy({ ...fullIcp, name: 'n'.repeat(200) }, 'user_me');
    expect(draft.name).toHaveLength(200);
  });
});

describe('activeUntil', () => {
  it('shows a saved date in local time and sends the same instant back', () => {
    for (const iso of [
      '2024-12-31T23:59:59.000Z',
      '2030-06-01T08:00:00.000Z',
      '2026-03-10T12:34:56.789Z',
    ]) {
      const local = isoToLocalInput(iso);
      expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      expect(localInputToIso(local)).toBe(iso);
    }
  });

  it('converts a local date-time to ISO 8601 with an offset the schema accepts', () => {
    const iso = localInputToIso('2030-01-02T03:04');
    expect(iso).toBe(new Date(2030, 0, 2, 3, 4).toISOString());
    expect(iso).toMatch(/Z$/);
    expect(localInputToIso('')).toBeNull();
  });
});

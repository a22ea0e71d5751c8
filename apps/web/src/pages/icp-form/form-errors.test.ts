import { describe, expect, it } from 'vitest';
import { fieldKeyOf, placeErrors, stillApplies, validateDraft } from './form-errors';
import { draftForNew, newCrmCondition, newCustomFilter, newLeadCriterion } from './icp-draft';

describe('validateDraft', () => {
  it('reports a missing name and an empty sharing list on edit, in words for people', () => {
    const draft = { ...draftForNew('user_me'), name: '  ', userIds: [] };
    expect(validateDraft('create', draft).details).toEqual([
      { path: ['name'], message: 'Required' },
    ]);
    expect(validateDraft('edit', draft).details).toEqual([
      { path: ['name'], message: 'Required' },
      { path: ['userIds'], message: 'Add at least one' },
    ]);
  });

  it('checks nested values with the API schema', () => {
    const draft = {
      ...draftForNew('user_me'),
      name: 'Valid',
      leadsPerList: '0',
      activeUntil: 'not a date',
      leadCriteria: [{ ...newLeadCriterion(), minEmployees: '500', maxEmployees: '10' }],
      customFilters: [
        { ...newCustomFilter('matchFieldWithRegex'), field: 'company.name', regex: '(' },
      ],
    };
    const details = validateDraft('create', draft).details;
    expect(details).toContainEqual({ path: ['leadsPerList'], message: 'Must be at least 1' });
    expect(details).toContainEqual({
      path: ['activeUntil'],
      message: 'Enter a valid date and time',
    });
    expect(details).toContainEqual({
      path: ['leadProviderCriteria', 0, 'filters', 'company', 'employee_size', 'min'],
      message: 'min must be less than or equal to max',
    });
    expect(details.find((detail) => detail.path.at(-1) === 'regex')?.message).toMatch(
      /regular expression/i,
    );
  });

  it('passes a complete profile', () => {
    const draft = {
      ...draftForNew('user_me'),
      name: 'Valid',
      leadCriteria: [{ ...newLeadCriterion(), jobTitles: ['CTO'] }],
      customFilters: [newCustomFilter('maxPeoplePerCompany')],
      crm: {
        ...draftForNew('user_me').crm,
        enabled: true,
        conditions: [{ ...newCrmCondition(), path: 'status', value: 'Active' }],
      },
    };
    expect(validateDraft('create', draft).details).toEqual([]);
    expect(validateDraft('edit', draft).details).toEqual([]);
  });
});

describe('fieldKeyOf', () => {
  it.each([
    [['name'], 'name'],
    [['userIds', 3], 'userIds'],
    [['leadProviderCriteria'], 'leadProviderCriteria'],
    [['leadProviderCriteria', 1], 'leadProviderCriteria.1'],
    [['leadProviderCriteria', 1, 'provider'], 'leadProviderCriteria.1'],
    [
      ['leadProviderCriteria', 1, 'filters', 'job_title', 0],
      'leadProviderCriteria.1.filters.job_title',
    ],
    [
      ['leadProviderCriteria', 0, 'filters', 'company', 'employee_size', 'min'],
      'leadProviderCriteria.0.filters.company.employee_size.min',
    ],
    [
      ['leadProviderCriteria', 0, 'filters', 'company', 'revenue'],
      'leadProviderCriteria.0.filters',
    ],
    [['leadProviderCriteria', 0, 'filters', 'location'], 'leadProviderCriteria.0.filters'],
    [['customFilterCriteria', 0, 'regex'], 'customFilterCriteria.0.regex'],
    [['customFilterCriteria', 2, 'bogus'], 'customFilterCriteria.2'],
    [['crmFilters', 'textSearch'], 'crmFilters.textSearch'],
    [['crmFilters', 'filters', 1, 'value', 0], 'crmFilters.filters.1.value'],
    [['crmFilters', 'filters', 1, 'exclude'], 'crmFilters.filters.1'],
    [['leadPerList'], ''],
    [[], ''],
  ])('places %j at %s', (path, key) => {
    expect(fieldKeyOf(path)).toBe(key);
  });

  it('groups messages by place, each once', () => {
    expect(
      placeErrors([
        { path: ['userIds', 0], message: 'Required' },
        { path: ['userIds', 1], message: 'Required' },
        { path: ['name'], message: 'Taken' },
      ]),
    ).toEqual({ userIds: ['Required'], name: ['Taken'] });
  });
});

describe('stillApplies', () => {
  it('drops a server error once the value it was about changes', () => {
    const detail = { path: ['customFilterCriteria', 0, 'regex'], message: 'Bad' };
    const sent = { customFilterCriteria: [{ regex: '(' }] };
    expect(stillApplies(detail, sent, { customFilterCriteria: [{ regex: '(' }] })).toBe(true);
    expect(stillApplies(detail, sent, { customFilterCriteria: [{ regex: '()' }] })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { customFilterCriterion } from './custom-filter-criteria.js';
import {
  aiIcpRequest,
  basicIcpRequest,
  basicIcpResponse,
  crmIcpRequest,
  customFilterExamples,
  getIcpResponse,
  listIcpsResponse,
  missingNameError,
  recommendationIcpRequest,
  recommendationIcpResponse,
  unauthenticatedError,
} from './documented-examples.js';
import { errorEnvelope } from './error-envelope.js';
import { icp, icpCreateInput } from './icp.js';
import { recommendationIcp, recommendationIcpInput } from './recommendations/recommendation-icp.js';

describe('the documented examples', () => {
  it.each([
    ['Basic ICP', basicIcpRequest],
    ['ICP with CRM Integration', crmIcpRequest],
    ['ICP with AI Filtering', aiIcpRequest],
  ])('the create request "%s" is a valid body, returned as sent', (_, example) => {
    expect(icpCreateInput.parse(example)).toEqual(example);
  });

  const responses: [string, unknown][] = [
    ['the create response', basicIcpResponse],
    ['the get response (legacy filter keys)', getIcpResponse],
    ...listIcpsResponse.map((item): [string, unknown] => [`the list item "${item.name}"`, item]),
  ];
  it.each(responses)('%s is a valid ICP, unchanged by parsing', (_, example) => {
    expect(icp.parse(example)).toEqual(example);
  });

  it.each(customFilterExamples)('the $type filter example is valid', (example) => {
    expect(customFilterCriterion.parse(example)).toEqual(example);
  });

  it('the error examples are valid envelopes', () => {
    expect(errorEnvelope.parse(missingNameError)).toEqual(missingNameError);
    expect(errorEnvelope.parse(unauthenticatedError)).toEqual(unauthenticatedError);
  });

  it('the v2 ICP request and response (seed 004) are valid, unchanged by parsing', () => {
    expect(recommendationIcpInput.parse(recommendationIcpRequest)).toEqual(
      recommendationIcpRequest,
    );
    expect(recommendationIcp.parse(recommendationIcpResponse)).toEqual(recommendationIcpResponse);
  });
});

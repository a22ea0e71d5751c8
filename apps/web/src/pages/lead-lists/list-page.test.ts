import { MAX_LEAD_LIST_PAGE_NUMBER } from '@icp/schema';
import { describe, expect, it } from 'vitest';
import { lastPage, parsePage, showingText, withPage } from './list-page';

describe('parsePage', () => {
  it('reads the 1-based page of the URL as the 0-based page of the server', () => {
    expect(parsePage('1')).toBe(0);
    expect(parsePage('3')).toBe(2);
  });

  it('reads anything but a whole number from 1 as the first page', () => {
    for (const value of [null, undefined, '', '0', '-2', '1.5', '2e3', ' 2', 'two', '02']) {
      expect(parsePage(value)).toBe(0);
    }
  });

  it('goes no further than the last page the server gives, however long the number', () => {
    expect(parsePage('9999999')).toBe(MAX_LEAD_LIST_PAGE_NUMBER);
    expect(parsePage('99999999')).toBe(MAX_LEAD_LIST_PAGE_NUMBER);
    expect(parsePage('9'.repeat(400))).toBe(MAX_LEAD_LIST_PAGE_NUMBER);
  });
});

describe('withPage', () => {
  it('names pages after the first from 1 and keeps the rest of the search', () => {
    expect(withPage(new URLSearchParams('q=x'), 2).toString()).toBe('q=x&page=3');
    expect(withPage(new URLSearchParams('page=3&q=x'), 0).toString()).toBe('q=x');
  });
});

describe('lastPage', () => {
  it('is the page that holds the oldest list', () => {
    expect(lastPage(0, 50)).toBe(0);
    expect(lastPage(50, 50)).toBe(0);
    expect(lastPage(51, 50)).toBe(1);
    expect(lastPage(150, 50)).toBe(2);
  });
});

describe('showingText', () => {
  it('says which of all the lists a page holds', () => {
    expect(showingText(2, 50, 50, 150)).toBe('Showing 101–150 of 150');
    expect(showingText(0, 50, 50, 1234)).toBe('Showing 1–50 of 1,234');
    expect(showingText(3, 50, 1, 151)).toBe('Showing 151 of 151');
  });
});

import { describe, expect, it } from 'vitest';
import { jobTitleMatches, jobTitleWords } from './job-title.js';

describe('job title matching', () => {
  it.each([
    ['CTO', 'Chief Technology Officer'],
    ['cto', 'CTO & Co-Founder'],
    ['VP Engineering', 'Vice President of Engineering'],
    ['VP Engineering', 'VP, Engineering'],
    ['VP Engineering', 'Engineering VP'],
    ['Vice President Engineering', 'VP Eng'],
    ['Head of Technology', 'head of technology'],
    ['Engineering Manager', 'Senior Engineering Manager'],
    ['Sr. Software Engineer', 'Senior Software Engineer'],
    ['Directeur Général', 'directeur general'],
  ])('"%s" matches "%s"', (searched, title) => {
    expect(jobTitleMatches(searched, title)).toBe(true);
  });

  it.each([
    ['CTO', 'CFO'],
    ['VP Engineering', 'VP Sales'],
    ['Senior Engineering Manager', 'Engineering Manager'],
    ['Engineer', 'Engineering Manager'],
    ['Head of Technology', 'Technology Consultant'],
  ])('"%s" does not match "%s"', (searched, title) => {
    expect(jobTitleMatches(searched, title)).toBe(false);
  });

  it('reduces a title to canonical words, each once, filler words dropped', () => {
    expect(jobTitleWords('SVP of Sales & Marketing, Sales')).toEqual([
      'senior',
      'vice',
      'president',
      'sales',
      'marketing',
    ]);
  });

  it('keeps words such as C++ and C# whole', () => {
    expect(jobTitleWords('C++ / C# Developer')).toEqual(['c++', 'c#', 'developer']);
  });

  it('a search with no words matches nothing', () => {
    expect(jobTitleMatches(' & of ', 'Chief Technology Officer')).toBe(false);
  });
});

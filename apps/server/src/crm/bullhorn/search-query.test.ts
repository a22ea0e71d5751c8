import { type CrmFilterCondition, type CrmFilters, crmIcpRequest } from '@icp/schema';
import { describe, expect, it } from 'vitest';
import { bullhornSearchQuery } from './search-query.js';

const SPECIALS = '+-&|!(){}[]^"~*?:\\/';

function withFilters(...filters: CrmFilterCondition[]): CrmFilters {
  return { provider: 'bullhorn', filters };
}

function withText(textSearch: string): CrmFilters {
  return { provider: 'bullhorn', textSearch };
}

/** The query with the always-present `isDeleted:0 AND ` cut off. */
function afterNotDeleted(filters: CrmFilters): string {
  const query = bullhornSearchQuery(filters);
  expect(query.startsWith('isDeleted:0 AND ')).toBe(true);
  return query.slice('isDeleted:0 AND '.length);
}

/** Reads one quoted phrase at `start`; returns its unescaped text and where it ends. */
function readPhrase(text: string, start: number): { value: string; end: number } {
  expect(text[start]).toBe('"');
  let value = '';
  for (let index = start + 1; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') {
      const next = text[index + 1];
      expect(next === '"' || next === '\\').toBe(true);
      value += next;
      index++;
    } else if (char === '"') {
      return { value, end: index + 1 };
    } else {
      value += char;
    }
  }
  throw new Error('unterminated phrase');
}

/** Undoes term escaping; a trailing unescaped `*` must be the only unescaped special. */
function unescapeTerm(term: string): string {
  let value = '';
  for (let index = 0; index < term.length; index++) {
    const char = term[index] as string;
    if (char === '\\') {
      value += term[index + 1];
      index++;
    } else {
      expect(SPECIALS.includes(char) || /\s/.test(char)).toBe(false);
      value += char;
    }
  }
  return value;
}

/** A small seeded generator (mulberry32), so a failure reproduces. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomStrings(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const alphabet = [
    ...SPECIALS,
    ...'aZ09 _.',
    '\t',
    '\n',
    '\u3000',
    'ß',
    'é',
    '😀',
    '&&',
    '||',
    '" OR isDeleted:1 OR "',
    ') OR (',
    'AND',
    'NOT',
  ];
  return Array.from({ length: count }, () => {
    const length = Math.floor(random() * 12);
    let value = '';
    for (let index = 0; index < length; index++) {
      value += alphabet[Math.floor(random() * alphabet.length)];
    }
    return value;
  });
}

describe('bullhornSearchQuery', () => {
  it('turns the CRM example of the Create ICP docs into one exact query', () => {
    expect(bullhornSearchQuery(crmIcpRequest.crmFilters)).toBe(
      'isDeleted:0 AND occupation:(Director OR Manager)' +
        ' AND address.countryName:("Germany" OR "Austria") AND status:"Active"',
    );
  });

  it('leaves only isDeleted:0 when there is nothing to filter on', () => {
    const expected = 'isDeleted:0';
    expect(bullhornSearchQuery({ provider: 'bullhorn' })).toBe(expected);
    expect(bullhornSearchQuery({ provider: 'bullhorn', textSearch: null, query: null })).toBe(
      expected,
    );
    expect(bullhornSearchQuery({ provider: 'bullhorn', filters: [] })).toBe(expected);
    expect(bullhornSearchQuery({ provider: 'bullhorn', textSearch: '', query: '' })).toBe(expected);
    expect(bullhornSearchQuery({ provider: 'bullhorn', textSearch: ' \t\n', query: '  ' })).toBe(
      expected,
    );
  });

  describe('textSearch', () => {
    it('matches occupation and keeps AND, OR and NOT as operators', () => {
      expect(afterNotDeleted(withText('Director OR Manager'))).toBe(
        'occupation:(Director OR Manager)',
      );
      expect(afterNotDeleted(withText('Head AND Sales NOT Intern'))).toBe(
        'occupation:(Head AND Sales NOT Intern)',
      );
      expect(afterNotDeleted(withText('Sales AND NOT Assistant'))).toBe(
        'occupation:(Sales AND NOT Assistant)',
      );
    });

    it('keeps the trailing wildcard of the documented example', () => {
      expect(afterNotDeleted(withText('Head OR Leit* OR Direktor'))).toBe(
        'occupation:(Head OR Leit* OR Direktor)',
      );
      expect(afterNotDeleted(withText('Marketing*'))).toBe('occupation:(Marketing*)');
    });

    it('treats lower-case and, or, not as plain words and splits on any whitespace', () => {
      expect(afterNotDeleted(withText('  head  and\tsales\nor not '))).toBe(
        'occupation:(head and sales or not)',
      );
    });

    it('escapes every other special character, wildcards inside a word included', () => {
      expect(afterNotDeleted(withText('C++ -Intern "Head of" (Sales) R&D'))).toBe(
        'occupation:(C\\+\\+ \\-Intern \\"Head of\\" \\(Sales\\) R\\&D)',
      );
      expect(afterNotDeleted(withText('a?b *x x~2 x^3 a:b a/b a\\b a!b {x} [y] && ||'))).toBe(
        'occupation:(a\\?b \\*x x\\~2 x\\^3 a\\:b a\\/b a\\\\b a\\!b \\{x\\} \\[y\\] \\&\\& \\|\\|)',
      );
      expect(afterNotDeleted(withText('* ** Mark*eting*'))).toBe(
        'occupation:(\\* \\** Mark\\*eting*)',
      );
    });

    it('cannot reach other fields or break out of its group', () => {
      expect(afterNotDeleted(withText('x) OR isDeleted:1 OR (y'))).toBe(
        'occupation:(x\\) OR isDeleted\\:1 OR \\(y)',
      );
    });

    it('drops operators that have nothing to join', () => {
      expect(afterNotDeleted(withText('OR Director AND OR Manager AND'))).toBe(
        'occupation:(Director AND Manager)',
      );
      expect(afterNotDeleted(withText('Director NOT NOT Intern NOT'))).toBe(
        'occupation:(Director NOT Intern)',
      );
      expect(bullhornSearchQuery(withText('AND OR NOT'))).toBe('isDeleted:0');
    });

    it('writes a text of only negated words as one negated clause', () => {
      expect(afterNotDeleted(withText('NOT Intern'))).toBe('NOT occupation:(Intern)');
      expect(afterNotDeleted(withText('NOT Intern AND NOT Trainee*'))).toBe(
        'NOT occupation:(Intern OR Trainee*)',
      );
      expect(afterNotDeleted(withText('NOT Intern OR Director'))).toBe(
        'occupation:(NOT Intern OR Director)',
      );
    });
  });

  describe('equals', () => {
    it('matches the value as one phrase', () => {
      expect(
        afterNotDeleted(
          withFilters({ path: 'status', mode: 'equals', value: 'Active', exclude: false }),
        ),
      ).toBe('status:"Active"');
      expect(
        afterNotDeleted(
          withFilters({ path: 'owner.name', mode: 'equals', value: 'Jane Doe', exclude: false }),
        ),
      ).toBe('owner.name:"Jane Doe"');
    });

    it('negates the phrase when excluded', () => {
      expect(
        afterNotDeleted(
          withFilters({ path: 'status', mode: 'equals', value: 'Archive', exclude: true }),
        ),
      ).toBe('NOT status:"Archive"');
    });

    it('escapes only quotes and backslashes inside the phrase', () => {
      expect(
        afterNotDeleted(
          withFilters({ path: 'name', mode: 'equals', value: `a${SPECIALS} \tb`, exclude: false }),
        ),
      ).toBe('name:"a+-&|!(){}[]^\\"~*?:\\\\/ \tb"');
    });

    it('keeps an injection attempt inside one phrase', () => {
      expect(
        afterNotDeleted(
          withFilters({
            path: 'status',
            mode: 'equals',
            value: 'x" OR isDeleted:1 OR "',
            exclude: false,
          }),
        ),
      ).toBe('status:"x\\" OR isDeleted:1 OR \\""');
      expect(
        afterNotDeleted(
          withFilters({ path: 'status', mode: 'equals', value: 'x\\" OR "', exclude: false }),
        ),
      ).toBe('status:"x\\\\\\" OR \\""');
    });
  });

  describe('startsWith', () => {
    it('matches the value as a prefix', () => {
      expect(
        afterNotDeleted(
          withFilters({ path: 'address.zip', mode: 'startsWith', value: '80', exclude: false }),
        ),
      ).toBe('address.zip:80*');
    });

    it('negates the prefix when excluded', () => {
      expect(
        afterNotDeleted(
          withFilters({ path: 'address.zip', mode: 'startsWith', value: '80', exclude: true }),
        ),
      ).toBe('NOT address.zip:80*');
    });

    it('escapes every Lucene special character and whitespace', () => {
      expect(
        afterNotDeleted(
          withFilters({ path: 'name', mode: 'startsWith', value: SPECIALS, exclude: false }),
        ),
      ).toBe('name:\\+\\-\\&\\|\\!\\(\\)\\{\\}\\[\\]\\^\\"\\~\\*\\?\\:\\\\\\/*');
      expect(
        afterNotDeleted(
          withFilters({
            path: 'name',
            mode: 'startsWith',
            value: 'New York\tCity\n',
            exclude: false,
          }),
        ),
      ).toBe('name:New\\ York\\\tCity\\\n*');
      expect(
        afterNotDeleted(
          withFilters({ path: 'name', mode: 'startsWith', value: 'a && b || c', exclude: false }),
        ),
      ).toBe('name:a\\ \\&\\&\\ b\\ \\|\\|\\ c*');
    });

    it('keeps an injection attempt inside one term', () => {
      expect(
        afterNotDeleted(
          withFilters({
            path: 'name',
            mode: 'startsWith',
            value: 'x OR isDeleted:1',
            exclude: false,
          }),
        ),
      ).toBe('name:x\\ OR\\ isDeleted\\:1*');
    });

    it('reads an empty prefix as "has any value"', () => {
      expect(
        afterNotDeleted(
          withFilters({ path: 'email', mode: 'startsWith', value: '', exclude: false }),
        ),
      ).toBe('email:[* TO *]');
      expect(
        afterNotDeleted(
          withFilters({ path: 'email', mode: 'startsWith', value: '', exclude: true }),
        ),
      ).toBe('NOT email:[* TO *]');
    });
  });

  describe('in', () => {
    it('matches any of the values as phrases', () => {
      expect(
        afterNotDeleted(
          withFilters({
            path: 'status',
            mode: 'in',
            value: ['Active', 'New Lead'],
            exclude: false,
          }),
        ),
      ).toBe('status:("Active" OR "New Lead")');
      expect(
        afterNotDeleted(
          withFilters({ path: 'status', mode: 'in', value: ['Active'], exclude: false }),
        ),
      ).toBe('status:("Active")');
    });

    it('negates the group when excluded', () => {
      expect(
        afterNotDeleted(
          withFilters({ path: 'status', mode: 'in', value: ['Archive', 'DNC'], exclude: true }),
        ),
      ).toBe('NOT status:("Archive" OR "DNC")');
    });

    it('escapes quotes and backslashes in each value', () => {
      expect(
        afterNotDeleted(
          withFilters({
            path: 'name',
            mode: 'in',
            value: [SPECIALS, 'a\\b', 'say "hi"'],
            exclude: false,
          }),
        ),
      ).toBe('name:("+-&|!(){}[]^\\"~*?:\\\\/" OR "a\\\\b" OR "say \\"hi\\"")');
    });

    it('keeps a value that tries to close the group inside its phrase', () => {
      expect(
        afterNotDeleted(
          withFilters({
            path: 'status',
            mode: 'in',
            value: ['a") OR (isDeleted:1', ') OR ('],
            exclude: false,
          }),
        ),
      ).toBe('status:("a\\") OR (isDeleted:1" OR ") OR (")');
    });

    it('refuses an empty list', () => {
      expect(() =>
        bullhornSearchQuery(withFilters({ path: 'status', mode: 'in', value: [], exclude: false })),
      ).toThrow('The "in" condition on status needs at least one value');
    });
  });

  describe('field paths', () => {
    it('accepts dot paths of names', () => {
      for (const path of ['status', 'address.countryName', '_x.y_1.Z9', 'customText1']) {
        expect(
          afterNotDeleted(withFilters({ path, mode: 'equals', value: 'v', exclude: false })),
        ).toBe(`${path}:"v"`);
      }
    });

    it('throws a clear error for anything else', () => {
      for (const path of [
        '',
        '1abc',
        'a.',
        '.a',
        'a..b',
        'a b',
        'a:b',
        'status:"x" OR isDeleted',
        'a-b',
        '*',
        'ädresse',
        'a.1b',
      ]) {
        expect(() =>
          bullhornSearchQuery(withFilters({ path, mode: 'equals', value: 'v', exclude: false })),
        ).toThrow(`Invalid Bullhorn field path ${JSON.stringify(path)}`);
      }
    });
  });

  describe('legacy query', () => {
    it('is AND-ed as a group, as provided, after the other clauses', () => {
      expect(
        bullhornSearchQuery({
          provider: 'bullhorn',
          textSearch: 'Manager',
          query: 'status:Active OR customText1:vip',
          filters: [{ path: 'status', mode: 'equals', value: 'Active', exclude: true }],
        }),
      ).toBe(
        'isDeleted:0 AND occupation:(Manager) AND NOT status:"Active"' +
          ' AND (status:Active OR customText1:vip)',
      );
    });

    it('stands alone beside isDeleted:0 when nothing else is set', () => {
      expect(bullhornSearchQuery({ provider: 'bullhorn', query: ' name:"A B" ' })).toBe(
        'isDeleted:0 AND ( name:"A B" )',
      );
    });
  });

  it('keeps the conditions in the order given', () => {
    const conditions: CrmFilterCondition[] = [
      { path: 'b', mode: 'equals', value: '1', exclude: false },
      { path: 'a', mode: 'startsWith', value: '2', exclude: true },
      { path: 'c', mode: 'in', value: ['3'], exclude: false },
      { path: 'a', mode: 'equals', value: '4', exclude: false },
    ];
    const expected = 'isDeleted:0 AND b:"1" AND NOT a:2* AND c:("3") AND a:"4"';
    expect(bullhornSearchQuery(withFilters(...conditions))).toBe(expected);
    expect(bullhornSearchQuery(withFilters(...conditions))).toBe(expected);
    expect(bullhornSearchQuery(withFilters(...conditions.slice().reverse()))).toBe(
      'isDeleted:0 AND a:"4" AND c:("3") AND NOT a:2* AND b:"1"',
    );
  });

  it('keeps isDeleted:0 first when every condition is excluded', () => {
    expect(
      bullhornSearchQuery(
        withFilters(
          { path: 'status', mode: 'equals', value: 'DNC', exclude: true },
          { path: 'status', mode: 'in', value: ['Archive'], exclude: true },
        ),
      ),
    ).toBe('isDeleted:0 AND NOT status:"DNC" AND NOT status:("Archive")');
  });

  describe('for random values', () => {
    const values = randomStrings(500, 20240115);

    it('an equals phrase reads back as the original value and ends the query', () => {
      for (const value of values) {
        const text = afterNotDeleted(
          withFilters({ path: 'f', mode: 'equals', value, exclude: false }),
        );
        expect(text.startsWith('f:')).toBe(true);
        const { value: read, end } = readPhrase(text, 'f:'.length);
        expect(read).toBe(value);
        expect(end).toBe(text.length);
      }
    });

    it('each phrase of an in list reads back as its value', () => {
      for (let index = 0; index + 3 <= values.length; index += 3) {
        const list = values.slice(index, index + 3);
        const text = afterNotDeleted(
          withFilters({ path: 'f', mode: 'in', value: list, exclude: false }),
        );
        let position = 'f:('.length;
        const read: string[] = [];
        for (const [at] of list.entries()) {
          if (at > 0) {
            expect(text.slice(position, position + 4)).toBe(' OR ');
            position += 4;
          }
          const phraseRead = readPhrase(text, position);
          read.push(phraseRead.value);
          position = phraseRead.end;
        }
        expect(read).toEqual(list);
        expect(text.slice(position)).toBe(')');
      }
    });

    it('a startsWith term reads back as the original value with one wildcard', () => {
      for (const value of values.filter((candidate) => candidate !== '')) {
        const text = afterNotDeleted(
          withFilters({ path: 'f', mode: 'startsWith', value, exclude: false }),
        );
        expect(text.startsWith('f:')).toBe(true);
        expect(text.endsWith('*')).toBe(true);
        expect(unescapeTerm(text.slice('f:'.length, -1))).toBe(value);
      }
    });
  });
});

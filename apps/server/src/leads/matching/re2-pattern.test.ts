import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { re2PatternOf } from './re2-pattern.js';

const texts = [
  '',
  'abc',
  'a\nc',
  'a\rc',
  'a\u2028c',
  'aaaa',
  'Acme Test Labs',
  'x\u00a0y',
  'a b',
  'a-b',
  'azQ',
  'a{,2}',
  'x}',
  ']',
  '[',
  'é',
  'foo bar',
  '\b',
  '\v',
  'a|',
  '_',
  'Acme GmbH',
  'Anna Smith',
  'bob@example.com',
];

describe('JavaScript patterns rewritten for RE2', () => {
  it.each([
    'a.c',
    '^.*$',
    '\\s+',
    '^\\S+$',
    '[\\s,]+',
    '^[\\w-]+$',
    '[a-]',
    '\\a\\z\\Q',
    'a{2}',
    'a{,2}',
    'a{',
    'x}',
    ']',
    '[[]',
    '[^\\]a]',
    '\\x41',
    '\\u00e9',
    '\\bfoo\\b',
    '[\\b]',
    '(?<word>a)b',
    '(?:ab)+',
    '^$',
    '[.]',
    '\\v',
    'a|b|',
    '\\_',
    'Acme (GmbH|AG)',
    '^[A-Z][a-z]+ [A-Z]',
    '\\w+@\\w+\\.com$',
  ])('%s matches exactly what JavaScript matches', (pattern) => {
    const rewritten = re2PatternOf(pattern);
    expect(rewritten).not.toBeNull();
    const re2 = RE2JS.compile(rewritten as string);
    const javascript = new RegExp(pattern);

    for (const text of texts) expect([text, re2.test(text)]).toEqual([text, javascript.test(text)]);
  });

  it.each([
    ['a lookahead', '^(?!.*Test).*$'],
    ['a lookbehind', '(?<=a)b'],
    ['a backreference', '(a)\\1'],
    ['a named backreference', '(?<n>a)\\k<n>'],
    ['an empty class', '[]'],
    ['a class of anything', '[^]'],
    ['\\p without the u flag', '\\p{L}'],
    ['a control escape', '\\cA'],
    ['a NUL or octal escape', '\\0'],
    ['a surrogate half', '\\ud83d'],
    ['an emoji', '😀+'],
  ])('leaves %s to JavaScript', (_, pattern) => {
    expect(re2PatternOf(pattern)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { unstorableTextIssues } from './input-text.js';

describe('text no field may hold', () => {
  it('names each place: NUL, a lone surrogate, a __proto__ key', () => {
    const input = JSON.parse(
      '{"body":{"name":"a\\u0000","tags":["ok","\\udc00"],"filters":{"__proto__":{"x":1}}}}',
    );

    expect(unstorableTextIssues(input).map((issue) => [issue.path, issue.message])).toEqual([
      [['body', 'filters', '__proto__'], 'The key "__proto__" is not allowed'],
      [['body', 'tags', 1], 'Must be valid Unicode text (it holds a lone surrogate)'],
      [['body', 'name'], 'Must not contain the NUL character (U+0000)'],
    ]);
  });

  it('accepts emoji and other valid surrogate pairs', () => {
    expect(unstorableTextIssues({ name: '👩‍💻 𝄞 名' })).toEqual([]);
  });

  it('walks input nested far deeper than any schema allows without running away', () => {
    let deep: unknown = 'a\u0000';
    for (let level = 0; level < 200_000; level += 1) deep = [deep];

    expect(unstorableTextIssues(deep)).toEqual([]);
  });
});

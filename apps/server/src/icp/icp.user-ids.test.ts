import { describe, expect, it } from 'vitest';
import { userIdsOnCreate, userIdsOnUpdate } from './icp.user-ids.js';

describe('userIdsOnCreate', () => {
  it('keeps the given order, drops duplicates and appends the creator when absent', () => {
    expect(userIdsOnCreate([], 'me')).toEqual(['me']);
    expect(userIdsOnCreate(['x', 'y', 'x'], 'me')).toEqual(['x', 'y', 'me']);
    expect(userIdsOnCreate(['x', 'me', 'y'], 'me')).toEqual(['x', 'me', 'y']);
  });

  it('counts the limit after duplicates are removed and the creator is added', () => {
    const others = Array.from({ length: 199 }, (_, index) => `u${index}`);
    expect(userIdsOnCreate([...others, ...others], 'me')).toHaveLength(200);
    expect(() => userIdsOnCreate([...others, 'one-more'], 'me')).toThrow('Invalid request body');
  });
});

describe('userIdsOnUpdate', () => {
  it('does not add anyone back', () => {
    expect(userIdsOnUpdate(['x', 'x'])).toEqual(['x']);
  });
});

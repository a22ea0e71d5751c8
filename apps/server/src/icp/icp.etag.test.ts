import { describe, expect, it } from 'vitest';
import { ifMatchAccepts } from './icp.etag.js';

describe('ifMatchAccepts', () => {
  it('accepts *, the current tag, or a list holding it', () => {
    expect(ifMatchAccepts('*', '"a"')).toBe(true);
    expect(ifMatchAccepts('"a"', '"a"')).toBe(true);
    expect(ifMatchAccepts('"x", "a"', '"a"')).toBe(true);
  });

  it('refuses other tags and weak comparisons', () => {
    expect(ifMatchAccepts('"b"', '"a"')).toBe(false);
    expect(ifMatchAccepts('W/"a"', '"a"')).toBe(false);
    expect(ifMatchAccepts('a', '"a"')).toBe(false);
  });
});

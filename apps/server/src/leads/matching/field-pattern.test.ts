import { describe, expect, it } from 'vitest';
import { compileFieldPattern, PatternTimeoutError } from './field-pattern.js';

const budget = { perCallMs: 50, totalMs: 1_000 };
const evil = `${'a'.repeat(40)}!`;

describe('field patterns', () => {
  it('run on RE2 when it can, on JavaScript otherwise, with the same answers as RegExp#test', () => {
    const re2 = compileFieldPattern('^Acme( GmbH)?$', budget);
    const javascript = compileFieldPattern('^(?!.*Test).*$', budget);

    expect(re2.engine).toBe('re2');
    expect(re2.testAll(['Acme', 'Acme GmbH', 'Acme AG'])).toEqual([true, true, false]);
    expect(javascript.engine).toBe('javascript');
    expect(javascript.testAll(['Acme', 'Acme Test Labs', ''])).toEqual([true, false, true]);
  });

  it('answer a catastrophic pattern in linear time when RE2 can run it', () => {
    const pattern = compileFieldPattern('^(a+)+$', budget);

    expect(pattern.engine).toBe('re2');
    expect(pattern.testAll([evil, 'aaaa'])).toEqual([false, true]);
  });

  it('interrupt a catastrophic JavaScript-only pattern when its budget runs out', () => {
    const pattern = compileFieldPattern('^(?=a)(a+)+$', budget);
    const started = Date.now();

    expect(() => pattern.testAll(['aaaa', evil])).toThrow(PatternTimeoutError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stop for good once all calls together have spent the total budget', () => {
    const pattern = compileFieldPattern('^(?=a)(a+)+$', { perCallMs: 50, totalMs: 100 });

    expect(() => pattern.testAll([evil])).toThrow(PatternTimeoutError);
    expect(() => pattern.testAll([evil])).toThrow(PatternTimeoutError);
    // Even a harmless value is no longer tested: the budget is spent.
    expect(() => pattern.testAll(['aaaa'])).toThrow(PatternTimeoutError);
  });
});

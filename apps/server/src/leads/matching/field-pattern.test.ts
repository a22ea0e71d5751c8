import { describe, expect, it } from 'vitest';
import { compileFieldPattern, PatternTimeoutError } from './field-pattern.js';

const evil = `${'a'.repeat(40)}!`;
const inMs = (ms: number) => Date.now() + ms;

describe('field patterns', () => {
  it('run on RE2 when it can, on JavaScript otherwise, with the same answers as RegExp#test', () => {
    const re2 = compileFieldPattern('^Acme( GmbH)?$');
    const javascript = compileFieldPattern('^(?!.*Test).*$');

    expect(re2.engine).toBe('re2');
    expect(re2.testAll(['Acme', 'Acme GmbH', 'Acme AG'], inMs(1_000))).toEqual([true, true, false]);
    expect(javascript.engine).toBe('javascript');
    expect(javascript.testAll(['Acme', 'Acme Test Labs', ''], inMs(1_000))).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('answer a catastrophic pattern in linear time when RE2 can run it', () => {
    const pattern = compileFieldPattern('^(a+)+$');

    expect(pattern.engine).toBe('re2');
    expect(pattern.testAll([evil, 'aaaa'], inMs(5_000))).toEqual([false, true]);
  });

  it('interrupt a catastrophic JavaScript-only pattern at the deadline', () => {
    const pattern = compileFieldPattern('^(?=a)(a+)+$');
    const started = Date.now();

    expect(() => pattern.testAll(['aaaa', evil], inMs(50))).toThrow(PatternTimeoutError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('test nothing once the deadline has passed, on either engine', () => {
    expect(() => compileFieldPattern('^a').testAll(['a'], Date.now())).toThrow(PatternTimeoutError);
    expect(() => compileFieldPattern('^(?=a)a').testAll(['a'], Date.now())).toThrow(
      PatternTimeoutError,
    );
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from './logger.js';
import { requestIdOf } from './request-id.js';

describe('the logger', () => {
  afterEach(() => vi.useRealTimers());

  it('writes one JSON object per line, in batches', () => {
    vi.useFakeTimers();
    const chunks: string[] = [];
    const logger = createLogger((chunk) => chunks.push(chunk));

    logger.info({ msg: 'request', status: 200 });
    logger.info({ msg: 'request', status: 404 });
    expect(chunks).toEqual([]);
    vi.advanceTimersByTime(150);

    expect(chunks).toHaveLength(1);
    const lines = (chunks[0] ?? '')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { time: expect.any(String), level: 'info', msg: 'request', status: 200 },
      { time: expect.any(String), level: 'info', msg: 'request', status: 404 },
    ]);
  });

  it('writes errors at once, with what was waiting before them', () => {
    const chunks: string[] = [];
    const logger = createLogger((chunk) => chunks.push(chunk));

    logger.info({ msg: 'request' });
    logger.error({ msg: 'unexpected error' });

    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.trimEnd().split('\n')).toHaveLength(2);
  });
});

describe('request ids', () => {
  it('keeps a safe id sent by a proxy, and replaces anything else with a new one', () => {
    expect(requestIdOf('edge-7f3a:42')).toBe('edge-7f3a:42');
    for (const sent of [undefined, '', 'a b', 'x'.repeat(129), '{"inject":1}', 'line\nbreak']) {
      expect(requestIdOf(sent)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

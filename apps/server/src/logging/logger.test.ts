import type { LevelWithSilent } from 'pino';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { requestIdOf } from './request-id.js';

/** A logger writing into an array, one entry per line. */
function collected(level?: LevelWithSilent) {
  const lines: string[] = [];
  const logger = createLogger({ level, destination: { write: (line) => lines.push(line) } });
  return { logger, records: () => lines.map((line) => JSON.parse(line) as object) };
}

describe('the logger', () => {
  it('writes one JSON object per line: ISO time, level name, message and fields', () => {
    const { logger, records } = collected();

    logger.info({ requestId: 'r-1', status: 200 }, 'request');
    logger.error({ error: 'boom' }, 'unexpected error');

    expect(records()).toEqual([
      {
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/),
        level: 'info',
        msg: 'request',
        requestId: 'r-1',
        status: 200,
      },
      { time: expect.any(String), level: 'error', msg: 'unexpected error', error: 'boom' },
    ]);
  });

  it('writes nothing below its level, and nothing at all when silent', () => {
    const warn = collected('warn');
    warn.logger.info({ status: 200 }, 'request');
    warn.logger.debug('details');
    warn.logger.error('unexpected error');
    expect(warn.records()).toEqual([expect.objectContaining({ level: 'error' })]);

    const silent = collected('silent');
    silent.logger.fatal('down');
    expect(silent.records()).toEqual([]);
  });

  it('redacts authorization headers and cookies wherever a record carries them', () => {
    const { logger, records } = collected();
    const headers = { authorization: 'Bearer SECRET-TOKEN', cookie: 'session=SECRET-COOKIE' };

    logger.info({ headers, authorization: 'Bearer SECRET-TOKEN' }, 'headers');
    logger.info({ req: { headers }, res: { headers: { 'set-cookie': 'session=SECRET-COOKIE' } } });

    expect(JSON.stringify(records())).not.toMatch(/SECRET/);
    expect(records()[0]).toMatchObject({
      authorization: '[redacted]',
      headers: { authorization: '[redacted]', cookie: '[redacted]' },
    });
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

import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, asAppError } from './errors.js';

describe('asAppError', () => {
  it('keeps an AppError as thrown, with its HTTP status', () => {
    const error = new AppError('PRECONDITION_FAILED', 'stale');

    expect(asAppError(error)).toBe(error);
    expect(error.httpStatus).toBe(412);
  });

  it('turns input validation into 400 with details relative to the body', () => {
    const result = z.object({ body: z.object({ name: z.string() }) }).safeParse({ body: {} });
    const wrapped = new TRPCError({ code: 'BAD_REQUEST', cause: result.error });

    expect(asAppError(wrapped)).toMatchObject({
      appCode: 'BAD_REQUEST',
      message: 'Invalid request body',
      details: [{ path: ['name'], message: 'Required' }],
    });
  });

  it.each(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_IOERR_FSYNC', 'SQLITE_FULL'])(
    'a database that cannot serve (%s) is 503 SERVICE_UNAVAILABLE',
    (code) => {
      const databaseError = Object.assign(new Error('database is locked'), { code });

      expect(asAppError(databaseError).appCode).toBe('SERVICE_UNAVAILABLE');
      expect(
        asAppError(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: databaseError }))
          .httpStatus,
      ).toBe(503);
    },
  );

  it.each(['ECONNREFUSED', 'ECONNRESET', '57P01', '08006', '53300'])(
    'PostgreSQL out of reach (%s) is 503 SERVICE_UNAVAILABLE',
    (code) => {
      const databaseError = Object.assign(new Error('connect failed'), { code });

      expect(asAppError(databaseError).appCode).toBe('SERVICE_UNAVAILABLE');
    },
  );

  it('a connection lost mid-query is 503; a failed query of the server itself stays 500', () => {
    const lost = new Error('Connection terminated unexpectedly');
    const syntax = Object.assign(new Error('syntax error at or near "FORM"'), { code: '42601' });

    expect(asAppError(lost).appCode).toBe('SERVICE_UNAVAILABLE');
    expect(asAppError(syntax).appCode).toBe('INTERNAL_ERROR');
  });

  it('a statement PostgreSQL cancelled at its statement timeout (57014) is 503, saying so', () => {
    const cancelled = Object.assign(new Error('canceling statement due to statement timeout'), {
      code: '57014',
    });
    const error = asAppError(cancelled);

    expect(error.appCode).toBe('SERVICE_UNAVAILABLE');
    expect(error.message).toMatch(/took too long/);
  });

  it('anything else is a 500 that reveals nothing', () => {
    const error = asAppError(new Error('SELECT * FROM secrets failed at line 3'));

    expect(error.appCode).toBe('INTERNAL_ERROR');
    expect(error.message).toBe('An unexpected server error occurred');
  });
});

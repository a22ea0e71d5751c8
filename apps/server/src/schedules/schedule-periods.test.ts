import { describe, expect, it } from 'vitest';
import { firstPeriodFrom, type PeriodRule, periodAt } from './schedule-periods.js';

const iso = (period: { start: Date; end: Date }) => ({
  start: period.start.toISOString(),
  end: period.end.toISOString(),
});

describe('schedule periods', () => {
  it('a day runs from `at` to `at` the next day in the zone', () => {
    const rule: PeriodRule = { every: 'day', at: '09:00', timezone: 'Europe/Paris' };
    expect(iso(periodAt(rule, new Date('2026-12-03T10:00:00Z')))).toEqual({
      start: '2026-12-03T08:00:00.000Z',
      end: '2026-12-04T08:00:00.000Z',
    });
    // Before 09:00 Paris time, the day's period is still the one that began yesterday.
    expect(iso(periodAt(rule, new Date('2026-12-03T07:59:59Z')))).toEqual({
      start: '2026-12-02T08:00:00.000Z',
      end: '2026-12-03T08:00:00.000Z',
    });
  });

  it('a day across the spring change is 23 hours long, and the next one starts at `at` again', () => {
    const rule: PeriodRule = { every: 'day', at: '09:00', timezone: 'Europe/Paris' };
    expect(iso(periodAt(rule, new Date('2026-03-28T12:00:00Z')))).toEqual({
      start: '2026-03-28T08:00:00.000Z', // 09:00 CET
      end: '2026-03-29T07:00:00.000Z', // 09:00 CEST
    });
  });

  it('a wall time skipped by the spring change starts at the first instant after the gap', () => {
    const rule: PeriodRule = { every: 'day', at: '02:30', timezone: 'Europe/Paris' };
    // 2026-03-29: clocks jump from 02:00 CET to 03:00 CEST (01:00Z); 02:30 never shows.
    expect(iso(periodAt(rule, new Date('2026-03-29T12:00:00Z')))).toEqual({
      start: '2026-03-29T01:00:00.000Z',
      end: '2026-03-30T00:30:00.000Z',
    });
    const newYork: PeriodRule = { every: 'day', at: '02:15', timezone: 'America/New_York' };
    // 2026-03-08: 02:00 EST jumps to 03:00 EDT (07:00Z).
    expect(periodAt(newYork, new Date('2026-03-08T12:00:00Z')).start.toISOString()).toBe(
      '2026-03-08T07:00:00.000Z',
    );
  });

  it('a wall time shown twice by the autumn change starts at its first showing', () => {
    const rule: PeriodRule = { every: 'day', at: '01:30', timezone: 'America/New_York' };
    // 2026-11-01: 01:30 EDT (05:30Z), then again 01:30 EST (06:30Z).
    expect(iso(periodAt(rule, new Date('2026-11-01T12:00:00Z')))).toEqual({
      start: '2026-11-01T05:30:00.000Z',
      end: '2026-11-02T06:30:00.000Z',
    });
    // Between the two showings the period is the one that began at the first.
    expect(periodAt(rule, new Date('2026-11-01T06:00:00Z')).start.toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });

  it('a week starts on Monday at `at`, and spans the autumn change (one hour longer)', () => {
    const rule: PeriodRule = { every: 'week', at: '08:00', timezone: 'Europe/Paris' };
    // Thursday 2026-10-29; the week began Monday 2026-10-26 at 08:00 CET (after the change).
    expect(iso(periodAt(rule, new Date('2026-10-29T12:00:00Z')))).toEqual({
      start: '2026-10-26T07:00:00.000Z',
      end: '2026-11-02T07:00:00.000Z',
    });
    // The week of the change: Monday 2026-10-19 08:00 CEST to Monday 2026-10-26 08:00 CET.
    const across = periodAt(rule, new Date('2026-10-25T12:00:00Z'));
    expect(iso(across)).toEqual({
      start: '2026-10-19T06:00:00.000Z',
      end: '2026-10-26T07:00:00.000Z',
    });
    expect(across.end.getTime() - across.start.getTime()).toBe((7 * 24 + 1) * 3_600_000);
    // A Monday before `at` belongs to the week before.
    expect(periodAt(rule, new Date('2026-10-26T06:59:00Z')).start.toISOString()).toBe(
      '2026-10-19T06:00:00.000Z',
    );
  });

  it('a month starts on the 1st at `at`, across the change to summer time', () => {
    const rule: PeriodRule = { every: 'month', at: '00:00', timezone: 'America/New_York' };
    expect(iso(periodAt(rule, new Date('2026-03-15T12:00:00Z')))).toEqual({
      start: '2026-03-01T05:00:00.000Z', // midnight EST
      end: '2026-04-01T04:00:00.000Z', // midnight EDT
    });
    const december = periodAt(rule, new Date('2026-12-31T23:00:00Z'));
    expect(iso(december)).toEqual({
      start: '2026-12-01T05:00:00.000Z',
      end: '2027-01-01T05:00:00.000Z',
    });
  });

  it('UTC and zones far from it', () => {
    const utc: PeriodRule = { every: 'day', at: '23:59', timezone: 'UTC' };
    expect(periodAt(utc, new Date('2026-12-03T23:59:00Z')).start.toISOString()).toBe(
      '2026-12-03T23:59:00.000Z',
    );
    const kiritimati: PeriodRule = { every: 'day', at: '00:00', timezone: 'Pacific/Kiritimati' };
    expect(periodAt(kiritimati, new Date('2026-12-03T12:00:00Z')).start.toISOString()).toBe(
      '2026-12-03T10:00:00.000Z',
    );
  });

  it('the first period from an instant starts at it or after it', () => {
    const rule: PeriodRule = { every: 'day', at: '09:00', timezone: 'UTC' };
    expect(firstPeriodFrom(rule, new Date('2026-12-03T09:00:00Z')).start.toISOString()).toBe(
      '2026-12-03T09:00:00.000Z',
    );
    expect(firstPeriodFrom(rule, new Date('2026-12-03T09:00:00.001Z')).start.toISOString()).toBe(
      '2026-12-04T09:00:00.000Z',
    );
  });
});

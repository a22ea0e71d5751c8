import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../icp/dates';
import { knownTimeZones, momentTexts, scheduleSummary } from './schedule-text';

describe('schedule texts', () => {
  it('says each kind of period with its start day', () => {
    const rule = { at: '09:00', timezone: 'Europe/Paris' };
    expect(scheduleSummary({ ...rule, every: 'day' })).toBe('Every day at 09:00, Europe/Paris');
    expect(scheduleSummary({ ...rule, every: 'week' })).toBe(
      'Every week on Monday at 09:00, Europe/Paris',
    );
    expect(scheduleSummary({ ...rule, every: 'month' })).toBe(
      'Every month on the 1st at 09:00, Europe/Paris',
    );
  });

  it('gives a moment in the schedule’s zone, and in the reader’s when its clock differs', () => {
    const iso = '2026-12-07T08:00:00.000Z';
    const paris = formatDateTime(iso, { timeZone: 'Europe/Paris' });
    const inZone = `${paris} (Europe/Paris)`;
    expect(momentTexts(iso, 'Europe/Paris', 'Europe/Paris')).toEqual({ inZone, yourTime: null });
    // Another zone on the same clock that day says nothing more.
    expect(momentTexts(iso, 'Europe/Paris', 'Europe/Berlin')).toEqual({ inZone, yourTime: null });
    expect(momentTexts(iso, 'Europe/Paris', 'America/New_York')).toEqual({
      inZone,
      yourTime: `${formatDateTime(iso, { timeZone: 'America/New_York' })} your time`,
    });
  });

  it('suggests the IANA zones, UTC among them', () => {
    const zones = knownTimeZones();
    expect(zones).toContain('UTC');
    expect(zones).toContain('Europe/Paris');
  });
});

import type { Schedule, ScheduleEvery } from '@icp/schema';
import { formatDateTime } from '../../icp/dates';

/** The choices of "Every", as the form offers them. */
export const everyChoices: readonly { value: ScheduleEvery; label: string }[] = [
  { value: 'day', label: 'Day' },
  { value: 'week', label: 'Week (from Monday)' },
  { value: 'month', label: 'Month (from the 1st)' },
];

const periodWords: Record<ScheduleEvery, string> = {
  day: 'Every day',
  week: 'Every week on Monday',
  month: 'Every month on the 1st',
};

/** "Every week on Monday at 09:00, Europe/Paris". */
export function scheduleSummary(schedule: Pick<Schedule, 'every' | 'at' | 'timezone'>): string {
  return `${periodWords[schedule.every]} at ${schedule.at}, ${schedule.timezone}`;
}

/** The browser's IANA time zone, or UTC when it names none. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** The IANA zones the browser knows, to suggest while typing one. */
export function knownTimeZones(): string[] {
  const zones =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

/**
 * A moment in the schedule's zone ("Dec 7, 2026, 9:00 AM (Europe/Paris)"), and in the reader's
 * own when its clock differs ("Dec 7, 2026, 8:00 AM your time"), else null.
 */
export function momentTexts(
  iso: string,
  timeZone: string,
  readerZone = browserTimeZone(),
): { inZone: string; yourTime: string | null } {
  const inZone = formatDateTime(iso, { timeZone });
  const yours = formatDateTime(iso, { timeZone: readerZone });
  return {
    inZone: `${inZone} (${timeZone})`,
    yourTime: yours === inZone ? null : `${yours} your time`,
  };
}

/** A delivered period's bounds, read in the schedule's zone. */
export function periodText(start: string, end: string, timeZone: string): string {
  return `${formatDateTime(start, { timeZone })} – ${formatDateTime(end, { timeZone })}`;
}

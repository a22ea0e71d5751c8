import type { ScheduleInput } from '@icp/schema';
import { DateTime } from 'luxon';

/** What the periods of a schedule follow. */
export type PeriodRule = Pick<ScheduleInput, 'every' | 'at' | 'timezone'>;

/** A period: from its start (when its list is due) to the next period's start, exclusive. */
export interface Period {
  start: Date;
  end: Date;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** `instant`'s wall-clock time in `zone`, as the milliseconds of that wall time read as UTC. */
function wallOf(instant: number, zone: string): number {
  const local = DateTime.fromMillis(instant, { zone });
  return instant + local.offset * MINUTE_MS;
}

/**
 * The first instant the clocks of `zone` show `wall` (milliseconds of a wall time read as UTC).
 * When they show it twice (the hour repeated as clocks go back), the first time; when never (the
 * hour skipped as they go forward), the first instant after the skipped hour.
 */
function firstInstantShowing(wall: number, zone: string): number {
  const offsets = new Set(
    [-12 * HOUR_MS, 0, 12 * HOUR_MS].map(
      (shift) => DateTime.fromMillis(wall + shift, { zone }).offset,
    ),
  );
  const exact = [...offsets]
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((instant) => wallOf(instant, zone) === wall);
  if (exact.length > 0) return Math.min(...exact);
  // In a gap: clocks jump from before `wall` to after it. Zones change offsets on whole minutes,
  // so a search over minutes finds the first one past the jump.
  let before = Math.floor((wall - 14 * HOUR_MS) / MINUTE_MS);
  let after = Math.ceil((wall + 14 * HOUR_MS) / MINUTE_MS);
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (wallOf(middle * MINUTE_MS, zone) >= wall) after = middle;
    else before = middle;
  }
  return after * MINUTE_MS;
}

/** The calendar day (a UTC midnight standing for a local date) on which `instant`'s period began. */
function firstDayOfUnit(rule: PeriodRule, instant: number): DateTime {
  const local = DateTime.fromMillis(instant, { zone: rule.timezone });
  const day = DateTime.utc(local.year, local.month, local.day);
  if (rule.every === 'week') return day.startOf('week'); // ISO weeks: from Monday
  if (rule.every === 'month') return day.startOf('month');
  return day;
}

function shifted(day: DateTime, every: PeriodRule['every'], count: number): DateTime {
  if (every === 'week') return day.plus({ weeks: count });
  if (every === 'month') return day.plus({ months: count });
  return day.plus({ days: count });
}

/** When the period beginning on `day` starts: `at` on that day in the rule's zone. */
function startOn(rule: PeriodRule, day: DateTime): number {
  const [hour, minute] = rule.at.split(':').map(Number) as [number, number];
  const wall = day.toMillis() + hour * HOUR_MS + minute * MINUTE_MS;
  return firstInstantShowing(wall, rule.timezone);
}

function periodFrom(rule: PeriodRule, day: DateTime): Period {
  return {
    start: new Date(startOn(rule, day)),
    end: new Date(startOn(rule, shifted(day, rule.every, 1))),
  };
}

/** The period `instant` falls in: the last start at or before it, to the next start. */
export function periodAt(rule: PeriodRule, instant: Date): Period {
  let day = firstDayOfUnit(rule, instant.getTime());
  if (startOn(rule, day) > instant.getTime()) day = shifted(day, rule.every, -1);
  return periodFrom(rule, day);
}

/** The first period that starts at or after `instant`. */
export function firstPeriodFrom(rule: PeriodRule, instant: Date): Period {
  const current = periodAt(rule, instant);
  return current.start.getTime() === instant.getTime() ? current : periodAt(rule, current.end);
}

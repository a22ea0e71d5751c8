/** Days as daily quotas and daily recommendations count them: UTC calendar days. */

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC day of `now`, as `YYYY-MM-DD`. */
export const utcDay = (now: Date): string => now.toISOString().slice(0, 10);

/** When the UTC day after that of `now` starts, and the whole seconds until then (at least 1). */
export function nextUtcDay(now: Date): { startsAt: Date; inSeconds: number } {
  const startsAt = new Date((Math.floor(now.getTime() / DAY_MS) + 1) * DAY_MS);
  return {
    startsAt,
    inSeconds: Math.max(1, Math.ceil((startsAt.getTime() - now.getTime()) / 1000)),
  };
}

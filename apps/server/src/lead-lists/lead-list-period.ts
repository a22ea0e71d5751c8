const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC day `now` falls in: the period of a list generated on demand. */
export function dayPeriodOf(now: Date): { startDate: string; endDate: string } {
  const start = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return {
    startDate: new Date(start).toISOString(),
    endDate: new Date(start + DAY_MS).toISOString(),
  };
}

const MAX_NAME_LENGTH = 200;

/**
 * A generated list's name: its ICP's and its period's, the days it covers (the end is
 * exclusive), as `DACH Tech Leaders, 2026-12-03` or `..., 2026-12-01 to 2026-12-07`.
 */
export function generatedListName(icpName: string, startDate: string, endDate: string): string {
  const first = startDate.slice(0, 10);
  const last = new Date(Math.max(Date.parse(startDate), Date.parse(endDate) - 1))
    .toISOString()
    .slice(0, 10);
  const period = first === last ? first : `${first} to ${last}`;
  const room = MAX_NAME_LENGTH - period.length - 2;
  const name = icpName.length > room ? `${icpName.slice(0, room - 1).trimEnd()}…` : icpName;
  return `${name}, ${period}`;
}

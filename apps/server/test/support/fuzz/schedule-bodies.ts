import fc from 'fast-check';

const twoDigits = (max: number) =>
  fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));

/**
 * A body of `PUT /api/v1/entities/icps/{id}/schedule`. Without a webhook URL: one would be sent
 * to when a period starts during the run, and the suite sends nothing beyond 127.0.0.1.
 */
export const scheduleBody = fc.record({
  every: fc.constantFrom('day', 'week', 'month'),
  at: fc.tuple(twoDigits(23), twoDigits(59)).map(([hour, minute]) => `${hour}:${minute}`),
  timezone: fc.constantFrom(
    'UTC',
    'Europe/Paris',
    'America/New_York',
    'Asia/Kolkata',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'America/Argentina/Buenos_Aires',
  ),
});

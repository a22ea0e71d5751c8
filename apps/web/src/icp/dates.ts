/**
 * Dates as the user reads them: in their browser's locale and time zone. Pass `locale` (and, in
 * tests, `timeZone`) to pin the output.
 */
export function formatDateTime(
  iso: string,
  options: { locale?: string; timeZone?: string } = {},
): string {
  return new Intl.DateTimeFormat(options.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: options.timeZone,
  }).format(new Date(iso));
}

export function formatDate(
  iso: string,
  options: { locale?: string; timeZone?: string } = {},
): string {
  return new Intl.DateTimeFormat(options.locale, {
    dateStyle: 'medium',
    timeZone: options.timeZone,
  }).format(new Date(iso));
}

import { formatDateTime } from '../icp/dates';

/** Zod's texts and their plain words: the check that failed, said as the form says it. */
const zodTexts: readonly [RegExp, (match: RegExpExecArray) => string][] = [
  [/^Too small: expected string to have >=1 characters?$/, () => 'Required'],
  [/^Too small: expected array to have >=1 items?$/, () => 'Add at least one'],
  [
    /^Too small: expected string to have >=(\d+) characters?$/,
    ([, n]) => `Must be at least ${n} characters`,
  ],
  [/^Too small: expected (?:number|int) to be >=?(-?[\d.]+)$/, ([, n]) => `Must be at least ${n}`],
  [
    /^Too big: expected string to have <=(\d+) characters?$/,
    ([, n]) => `Must be at most ${n} characters`,
  ],
  [/^Too big: expected array to have <=(\d+) items?$/, ([, n]) => `Must have at most ${n} entries`],
  [/^Too big: expected (?:number|int) to be <=?(-?[\d.]+)$/, ([, n]) => `Must be at most ${n}`],
  [/^Invalid input: expected (?:number|int), received .*$/, () => 'Enter a whole number'],
  [/^Invalid input: expected .*$/, () => 'Enter a valid value'],
  [/^Invalid option: expected one of .*$/, () => 'Choose one of the options'],
  [/^Invalid ISO datetime$/, () => 'Enter a valid date and time'],
  [/^Unrecognized keys?: .*$/, () => 'Not a setting this form knows'],
];

const ISO_DATE_TIME =
  /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})\b/g;
const SETTING_NAME = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;

/**
 * A message of the server (or of the schemas) in the words of the app: dates formatted for the
 * reader, field names as the form labels them, settings of the server not named, "profile" for
 * what the API calls an ICP, and zod's texts as the form would say them.
 */
export function plainMessage(message: string): string {
  for (const [pattern, wording] of zodTexts) {
    const match = pattern.exec(message);
    if (match !== null) return wording(match);
  }
  return message
    .replace(ISO_DATE_TIME, (iso) => formatDateTime(iso))
    .replace(
      /set a later activeUntil \(or none\)/,
      'move its “Active until” date later, or remove it,',
    )
    .replace(/\bactiveUntil\b/g, '“Active until”')
    .replace(/\bleadsPerList\b/g, '“Leads per list”')
    .replace(/\buserIds\b/g, '“Share with”')
    .replace(/\bwebhookUrl\b/g, '“Webhook URL”')
    .replace(SETTING_NAME, 'a server setting')
    .replace(/\bai\b/g, 'AI')
    .replace(/\bICPs\b/g, 'profiles')
    .replace(/\bICP\b/g, 'profile');
}

/**
 * Small English text helpers for the ICP summaries and labels. The app's copy is English, so
 * numbers are grouped the English way ("5,000") whatever the browser's locale.
 */

const numberFormat = new Intl.NumberFormat('en-US');

export function formatCount(value: number): string {
  return numberFormat.format(value);
}

/** "1 search", "3 searches": a count followed by its noun in the right number. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

/** "A", "A or B", "A, B or C"; lists longer than `max` end in "and N more". */
export function joinWords(items: readonly string[], conjunction = 'or', max = 6): string {
  if (items.length > max) {
    return `${items.slice(0, max).join(', ')} and ${formatCount(items.length - max)} more`;
  }
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

/** Text in typographic quotes, with runs of white space collapsed. */
export function quoted(text: string): string {
  return `“${text.replace(/\s+/g, ' ').trim()}”`;
}

/** Collapses white space and cuts `text` at a word boundary so it fits in `max` characters. */
export function shortenText(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  const head = lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut;
  return `${head.replace(/[\s,.;:]+$/, '')}…`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lower-cases the first letter to continue a sentence, unless it starts an acronym ("AI"). */
export function decapitalize(text: string): string {
  const [first = '', second = ''] = text;
  return second !== '' && second === second.toUpperCase() && /[A-Z]/.test(second)
    ? text
    : first.toLowerCase() + text.slice(1);
}

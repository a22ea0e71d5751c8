/** The comma-separated items of a text, trimmed: keeps long word lists compact in the source. */
export function commaList(text: string): readonly string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

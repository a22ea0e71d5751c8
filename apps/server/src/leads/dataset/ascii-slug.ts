const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ı: 'i',
  þ: 'th',
  ð: 'd',
};

// Names come from word lists, so the same few thousand are slugged over and over.
const slugs = new Map<string, string>();
const MAX_REMEMBERED = 100_000;

/** Lower-case ASCII letters and digits of a name, for domains and email addresses. */
export function asciiSlug(text: string): string {
  let slug = slugs.get(text);
  if (slug === undefined) {
    slug = text
      .toLowerCase()
      .replace(/[ßøæœłđıþð]/g, (letter) => SPECIAL_LETTERS[letter] ?? '')
      .normalize('NFKD')
      .replace(/[^a-z0-9]/g, '');
    if (slugs.size < MAX_REMEMBERED) slugs.set(text, slug);
  }
  return slug;
}

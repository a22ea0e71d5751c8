/**
 * The words a job title is searched by. A title and a searched title are both reduced to a set
 * of canonical words:
 * - case and punctuation do not matter, and neither does word order (`Engineering VP`);
 * - filler words (`of`, `and`, `&`, `the`, `for`, `in`, `at`) are dropped: `VP of Engineering`;
 * - common abbreviations count as what they stand for: `VP` = `Vice President`, `CTO` =
 *   `Chief Technology Officer`, `Sr` = `Senior`, `Mgr` = `Manager`, ...
 * The schema bounds a searched title by these words, and the lead engine matches by them.
 */

// A Map, so that a word such as `constructor` is never read as an inherited property.
const ABBREVIATIONS = new Map<string, string>(
  Object.entries({
    vp: 'vice president',
    svp: 'senior vice president',
    evp: 'executive vice president',
    avp: 'assistant vice president',
    ceo: 'chief executive officer',
    cto: 'chief technology officer',
    cfo: 'chief financial officer',
    coo: 'chief operating officer',
    cmo: 'chief marketing officer',
    cio: 'chief information officer',
    ciso: 'chief information security officer',
    cro: 'chief revenue officer',
    cpo: 'chief product officer',
    cso: 'chief sales officer',
    chro: 'chief human resources officer',
    cdo: 'chief data officer',
    md: 'managing director',
    gm: 'general manager',
    sr: 'senior',
    snr: 'senior',
    jr: 'junior',
    mgr: 'manager',
    dir: 'director',
    eng: 'engineering',
    engr: 'engineer',
    dev: 'developer',
    ops: 'operations',
    hr: 'human resources',
    pm: 'product manager',
    swe: 'software engineer',
    qa: 'quality assurance',
    bd: 'business development',
    bdr: 'business development representative',
    sdr: 'sales development representative',
    ae: 'account executive',
    asst: 'assistant',
    assoc: 'associate',
    exec: 'executive',
    intl: 'international',
  }),
);

const FILLER_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'at', 'to', 'a', 'an']);

/** The canonical words of a job title, each once, in first-seen order. */
export function jobTitleWords(title: string): string[] {
  const words = new Set<string>();
  const raw = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}+#]+/u);
  for (const word of raw) {
    if (word === '' || FILLER_WORDS.has(word)) continue;
    for (const canonical of (ABBREVIATIONS.get(word) ?? word).split(' ')) words.add(canonical);
  }
  return [...words];
}

/**
 * A JavaScript pattern (`new RegExp(pattern)`, no flags) rewritten in RE2 syntax with the same
 * meaning, so it can run on RE2's linear-time engine. Only constructs whose meaning is the same
 * in both are rewritten; anything else (lookarounds, backreferences, `\p` without the `u` flag,
 * octal and control escapes, surrogate halves) makes the pattern "not RE2-compatible", and it is
 * left to the JavaScript engine. Known differences that are rewritten away:
 * - `.` skips `\n`, `\r`, U+2028 and U+2029 in JavaScript, only `\n` in RE2;
 * - `\s` covers Unicode spaces in JavaScript, ASCII ones in RE2;
 * - an escaped letter without meaning (`\a`, `\z`, `\Q`) is the letter itself in JavaScript;
 * - `[` inside a class is a plain character in JavaScript, but may open `[:alpha:]` in RE2.
 * One difference stays: RE2 reads a string by code points, JavaScript (without `u`) by UTF-16
 * units, so a character outside the Basic Multilingual Plane (an emoji) counts as one character
 * in RE2 and two in JavaScript.
 */

const JS_SPACES =
  '\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';
const JS_DOT = '[^\\n\\r\\x{2028}\\x{2029}]';
const RE2_SPECIAL = new Set([...'\\.+*?()|[]{}^$-']);
const SAME_ESCAPES = new Set([...'dDwWtnrfv']);
const QUANTIFIER = /^\{\d+(,\d*)?\}/;
const GROUP_NAME = /^<([A-Za-z_][A-Za-z0-9_]*)>/;

class NotCompatible extends Error {}

const literal = (char: string) => (RE2_SPECIAL.has(char) ? `\\${char}` : char);

function hexEscape(hex: string): string {
  const code = Number.parseInt(hex, 16);
  if (code >= 0xd800 && code <= 0xdfff) throw new NotCompatible();
  return `\\x{${hex}}`;
}

/** Rewrites the escape at `pattern[at]` (the character after `\`); returns it and its length. */
function rewriteEscape(pattern: string, at: number, inClass: boolean): [string, number] {
  const char = pattern[at];
  if (char === undefined) throw new NotCompatible();
  if (SAME_ESCAPES.has(char)) return [`\\${char}`, 1];
  if (char === 's') return [inClass ? JS_SPACES : `[${JS_SPACES}]`, 1];
  if (char === 'S' && !inClass) return [`[^${JS_SPACES}]`, 1];
  if (char === 'b' || char === 'B') {
    if (!inClass) return [`\\${char}`, 1];
    if (char === 'b') return ['\\x{08}', 1];
  }
  if (char === 'x') {
    const hex = /^[0-9A-Fa-f]{2}/.exec(pattern.slice(at + 1))?.[0];
    if (hex !== undefined) return [hexEscape(hex), 3];
  }
  if (char === 'u') {
    const hex = /^[0-9A-Fa-f]{4}/.exec(pattern.slice(at + 1))?.[0];
    if (hex !== undefined) return [hexEscape(hex), 5];
  }
  // Backreferences, octal and control escapes, `\k`, `\p`, and `\x`/`\u` not followed by hex.
  if (/[0-9ckpPSBxu]/.test(char)) throw new NotCompatible();
  // Any other escaped character stands for itself.
  return [literal(char), 1];
}

/** Rewrites the class opening at `pattern[at]` (after `[`); returns it and its length. */
function characterClass(pattern: string, at: number): [string, number] {
  let position = at;
  let out = '[';
  if (pattern[position] === '^') {
    out += '^';
    position += 1;
  }
  // `[]` matches nothing and `[^]` anything in JavaScript; RE2 reads `]` there as a character.
  if (pattern[position] === ']') throw new NotCompatible();
  while (position < pattern.length) {
    const char = pattern[position] as string;
    if (char === ']') return [`${out}]`, position + 1 - at];
    if (char === '\\') {
      const [rewritten, length] = rewriteEscape(pattern, position + 1, true);
      out += rewritten;
      position += 1 + length;
    } else {
      out += char === '[' ? '\\[' : char;
      position += 1;
    }
  }
  throw new NotCompatible();
}

/** Rewrites the group opening at `pattern[at]` (after `(`); returns its opening and length. */
function groupOpening(pattern: string, at: number): [string, number] {
  if (pattern[at] !== '?') return ['(', 0];
  if (pattern[at + 1] === ':') return ['(?:', 2];
  const name = GROUP_NAME.exec(pattern.slice(at + 1));
  if (name !== null) return [`(?P<${name[1]}>`, 1 + name[0].length];
  // Lookaheads and lookbehinds.
  throw new NotCompatible();
}

/** `pattern` in RE2 syntax with the same meaning, or null when it is not RE2-compatible. */
export function re2PatternOf(pattern: string): string | null {
  if (/[\ud800-\udfff]/.test(pattern)) return null;
  let out = '';
  let position = 0;
  try {
    while (position < pattern.length) {
      const char = pattern[position] as string;
      position += 1;
      if (char === '\\') {
        const [rewritten, length] = rewriteEscape(pattern, position, false);
        out += rewritten;
        position += length;
      } else if (char === '[') {
        const [rewritten, length] = characterClass(pattern, position);
        out += rewritten;
        position += length;
      } else if (char === '(') {
        const [rewritten, length] = groupOpening(pattern, position);
        out += rewritten;
        position += length;
      } else if (char === '{') {
        const quantifier = QUANTIFIER.exec(pattern.slice(position - 1))?.[0];
        out += quantifier ?? '\\{';
        position += quantifier === undefined ? 0 : quantifier.length - 1;
      } else if (char === '.') {
        out += JS_DOT;
      } else if (char === '}' || char === ']') {
        out += `\\${char}`;
      } else {
        out += char;
      }
    }
  } catch (error) {
    if (error instanceof NotCompatible) return null;
    throw error;
  }
  return out;
}

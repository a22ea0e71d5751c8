/**
 * How an ICP's `crmFilters` become the Lucene `query` of Bullhorn's `/search/ClientContact`.
 *
 * Clauses, joined with ` AND `, always in this order:
 * 1. `isDeleted:0`, always first: deleted contacts never come back, and every negated clause
 *    below has a positive clause beside it (Lucene matches nothing for a purely negative query).
 * 2. `textSearch`, when it holds a word, matched against `occupation`:
 *    `Director OR Manager` becomes `occupation:(Director OR Manager)`. The text is split on
 *    whitespace; the upper-case words `AND`, `OR` and `NOT` stay operators, and a word's one
 *    trailing `*` stays a wildcard (`Leit*`). Every other special character is escaped, so
 *    `-`, `+`, quotes, parentheses, `?`, `~`, `&&` and `||` are searched for literally. An
 *    operator with nothing to join (leading, trailing or doubled) is dropped. When every word
 *    is negated (`NOT Intern NOT Trainee`) the clause is written `NOT occupation:(Intern OR
 *    Trainee)`: the same match, without a group that Lucene would leave matching nothing.
 * 3. Each condition of `filters`, in the order given:
 *    - `equals`: `path:"value"`, a phrase with `"` and `\` escaped;
 *    - `startsWith`: `path:value*`, the value escaped term-wise (every Lucene special character
 *      and whitespace gets a `\`); an empty value means "has any value": `path:[* TO *]`;
 *    - `in`: `path:("a" OR "b")`, each value a phrase as for `equals`;
 *    - `exclude: true` puts `NOT ` before the clause.
 *    A path must be dot-separated names (`address.countryName`); anything else throws.
 * 4. The legacy `query`, when not blank, as `(query)`: a raw Lucene query its author wrote, kept
 *    as provided. Being AND-ed after `isDeleted:0`, it cannot loosen that clause.
 *
 * The seed's CRM example gives:
 * `isDeleted:0 AND occupation:(Director OR Manager) AND address.countryName:("Germany" OR
 * "Austria") AND status:"Active"`.
 */
import type { CrmFilterCondition, CrmFilters } from '@icp/schema';

const FIELD_PATH = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;
const TERM_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/\s]/g;
const PHRASE_SPECIAL = /["\\]/g;
const NOT_DELETED = 'isDeleted:0';

type TextToken = { kind: 'word'; text: string; negated: boolean } | { kind: 'AND' | 'OR' | 'NOT' };

/** A Bullhorn field path, checked so that it cannot carry query syntax. */
function fieldPath(path: string): string {
  if (!FIELD_PATH.test(path)) {
    throw new Error(
      `Invalid Bullhorn field path ${JSON.stringify(path)}: expected dot-separated names such as "address.countryName"`,
    );
  }
  return path;
}

/** A value as one Lucene term, every special character and whitespace escaped. */
function escapedTerm(value: string): string {
  return value.replace(TERM_SPECIAL, '\\$&');
}

/** A value as one quoted Lucene phrase. */
function phrase(value: string): string {
  return `"${value.replace(PHRASE_SPECIAL, '\\$&')}"`;
}

/** A word of free text: escaped, except a trailing `*` after at least one character. */
function textSearchWord(word: string): string {
  if (word.length > 1 && word.endsWith('*')) return `${escapedTerm(word.slice(0, -1))}*`;
  return escapedTerm(word);
}

/** Words and operators of free text, with operators that would not parse dropped. */
function textSearchTokens(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  for (const part of text.split(/\s+/)) {
    if (part === '') continue;
    const last = tokens.at(-1);
    if (part === 'AND' || part === 'OR') {
      if (last?.kind === 'word') tokens.push({ kind: part });
    } else if (part === 'NOT') {
      if (last?.kind !== 'NOT') tokens.push({ kind: 'NOT' });
    } else {
      tokens.push({ kind: 'word', text: textSearchWord(part), negated: last?.kind === 'NOT' });
    }
  }
  while (tokens.length > 0 && tokens.at(-1)?.kind !== 'word') tokens.pop();
  return tokens;
}

function occupationClause(text: string): string | undefined {
  const tokens = textSearchTokens(text);
  const words = tokens.flatMap((token) => (token.kind === 'word' ? [token] : []));
  if (words.length === 0) return undefined;
  if (words.every((word) => word.negated)) {
    return `NOT occupation:(${words.map((word) => word.text).join(' OR ')})`;
  }
  const expression = tokens.map((token) => (token.kind === 'word' ? token.text : token.kind));
  return `occupation:(${expression.join(' ')})`;
}

function conditionClause(condition: CrmFilterCondition): string {
  const path = fieldPath(condition.path);
  let clause: string;
  switch (condition.mode) {
    case 'equals':
      clause = `${path}:${phrase(condition.value)}`;
      break;
    case 'startsWith':
      clause =
        condition.value === '' ? `${path}:[* TO *]` : `${path}:${escapedTerm(condition.value)}*`;
      break;
    case 'in':
      if (condition.value.length === 0) {
        throw new Error(`The "in" condition on ${path} needs at least one value`);
      }
      clause = `${path}:(${condition.value.map(phrase).join(' OR ')})`;
      break;
  }
  return condition.exclude ? `NOT ${clause}` : clause;
}

/** The Lucene query of Bullhorn's `/search/ClientContact` for an ICP's CRM filters. */
export function bullhornSearchQuery(filters: CrmFilters): string {
  const clauses = [NOT_DELETED];
  const occupation = occupationClause(filters.textSearch ?? '');
  if (occupation !== undefined) clauses.push(occupation);
  for (const condition of filters.filters ?? []) clauses.push(conditionClause(condition));
  if (filters.query != null && filters.query.trim() !== '') clauses.push(`(${filters.query})`);
  return clauses.join(' AND ');
}

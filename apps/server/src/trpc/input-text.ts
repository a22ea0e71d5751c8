import type { z } from 'zod';

type Path = (string | number)[];

/** With the `u` flag a valid surrogate pair is one code point, so only a lone half matches. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * What no input may hold, whatever its schema says: text that is not valid Unicode (a lone
 * surrogate cannot be stored as UTF-8, so it would come back changed), the NUL character (which
 * PostgreSQL text cannot hold), and a `__proto__` key (parsing would drop it, or worse).
 * Each is a 400 that names the place.
 */
function problemOf(text: string): string | null {
  if (text.includes('\u0000')) return 'Must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'Must be valid Unicode text (it holds a lone surrogate)';
  return null;
}

/**
 * How deep the walk looks. Deeper input is refused by the schemas anyway (filters nest at most
 * 16 levels), and a body of 1 MiB can nest hundreds of thousands of levels.
 */
const MAX_DEPTH = 64;

interface Place {
  value: unknown;
  key: string | number | null;
  parent: Place | null;
  depth: number;
}

function pathOf(place: Place): Path {
  const path: Path = [];
  for (let at: Place | null = place; at !== null && at.key !== null; at = at.parent) {
    path.unshift(at.key);
  }
  return path;
}

/** The places where `input` holds text no field may hold, as zod issues (400s naming each). */
export function unstorableTextIssues(input: unknown): z.core.$ZodIssue[] {
  const issues: z.core.$ZodIssue[] = [];
  const pending: Place[] = [{ value: input, key: null, parent: null, depth: 0 }];
  while (pending.length > 0 && issues.length < 20) {
    const place = pending.pop() as Place;
    const { value, depth } = place;
    if (typeof value === 'string') {
      const problem = problemOf(value);
      if (problem !== null) {
        issues.push({ code: 'custom', path: pathOf(place), message: problem, input: value });
      }
    } else if (depth < MAX_DEPTH && Array.isArray(value)) {
      value.forEach((item, index) => {
        pending.push({ value: item, key: index, parent: place, depth: depth + 1 });
      });
    } else if (depth < MAX_DEPTH && value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const problem = key === '__proto__' ? 'The key "__proto__" is not allowed' : problemOf(key);
        const child: Place = { value: item, key, parent: place, depth: depth + 1 };
        if (problem !== null) {
          issues.push({ code: 'custom', path: pathOf(child), message: problem, input: key });
        } else {
          pending.push(child);
        }
      }
    }
  }
  return issues;
}

import type { z } from 'zod';

/**
 * Turns zod issues into the documented `details` entries: a missing key reads "Required" (as the
 * docs show), and each unknown key becomes its own entry whose path ends in that key.
 */
export function issuesToDetails(
  issues: readonly z.core.$ZodIssue[],
  pathPrefixToDrop: readonly PropertyKey[] = [],
): { path: (string | number)[]; message: string }[] {
  return issues.flatMap((issue) => {
    const path = dropPrefix(issue.path, pathPrefixToDrop).map(toJsonKey);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: `Unrecognized key: "${key}"`,
      }));
    }
    return [{ path, message: issue.message }];
  });
}

function dropPrefix(path: readonly PropertyKey[], prefix: readonly PropertyKey[]): PropertyKey[] {
  const matches = prefix.every((key, index) => path[index] === key);
  return matches ? path.slice(prefix.length) : [...path];
}

function toJsonKey(key: PropertyKey): string | number {
  return typeof key === 'number' ? key : String(key);
}

/** Zod error map of the API: a missing required value reads "Required". */
export const apiErrorMap: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? 'Required' : undefined;

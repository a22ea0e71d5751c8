/** A plain JSON-like object; class instances (a Date, say) are left as they are. */
function isRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * `parsed` with the keys of each object in the order the sender wrote them. Parsing puts the
 * keys a schema knows first, so provider filters would come back reordered: what is kept as
 * provided must read back as provided. Keys the schema added (defaults) follow the sender's.
 */
export function inSendersKeyOrder<T>(parsed: T, sent: unknown): T {
  if (Array.isArray(parsed)) {
    if (!Array.isArray(sent)) return parsed;
    return parsed.map((item, index) => inSendersKeyOrder(item, sent[index])) as T;
  }
  if (!isRecord(parsed) || !isRecord(sent)) return parsed;
  const keys = [
    ...Object.keys(sent).filter((key) => Object.hasOwn(parsed, key)),
    ...Object.keys(parsed).filter((key) => !Object.hasOwn(sent, key)),
  ];
  // fromEntries defines each key as an own property, whatever its name.
  return Object.fromEntries(
    keys.map((key) => [key, inSendersKeyOrder(parsed[key], sent[key])]),
  ) as T;
}

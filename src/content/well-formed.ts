/**
 * A copy of parsed data (YAML, a Slack payload) with every string well-formed (String#toWellFormed: a lone
 * UTF-16 surrogate, half of an emoji, becomes U+FFFD, as Slack and every UTF-8 encoder need) and every
 * object without a prototype, so no key the data brings (`constructor`, `__proto__`) can reach
 * Object.prototype. Shared and repeated references (YAML aliases) are copied once, so an alias "bomb"
 * stays as small as it was parsed.
 */
export function wellFormedDeep(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (typeof value === 'string') return value.toWellFormed();
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  const known = seen.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(wellFormedDeep(item, seen));
    return copy;
  }
  const copy: Record<string, unknown> = Object.create(null);
  seen.set(value, copy);
  for (const [key, item] of Object.entries(value)) copy[key.toWellFormed()] = wellFormedDeep(item, seen);
  return copy;
}

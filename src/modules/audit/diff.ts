/** One field that differs between an audit entry's before and after, by its dotted path. */
export type FieldChange = { path: string; change: 'added' | 'removed' | 'changed'; before?: unknown; after?: unknown };
export type JsonDiff = { changes: FieldChange[]; unchanged: number };

const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Nested objects become dotted paths (`address.city`); arrays and scalars are values of their own. */
function leavesOf(value: unknown, prefix: string, into: Map<string, unknown>): Map<string, unknown> {
  if (isPlainObject(value) && (Object.keys(value).length > 0 || prefix === '')) {
    for (const [key, inner] of Object.entries(value)) leavesOf(inner, prefix ? `${prefix}.${key}` : key, into);
  } else if (value !== null && value !== undefined) {
    into.set(prefix || 'value', value);
  }
  return into;
}

/** What changed from `before` to `after`, field by field, in the order the fields first appear. */
export function diffJson(before: unknown, after: unknown): JsonDiff {
  const was = leavesOf(before, '', new Map());
  const is = leavesOf(after, '', new Map());
  const changes: FieldChange[] = [];
  let unchanged = 0;
  for (const path of new Set([...was.keys(), ...is.keys()])) {
    if (!is.has(path)) changes.push({ path, change: 'removed', before: was.get(path) });
    else if (!was.has(path)) changes.push({ path, change: 'added', after: is.get(path) });
    else if (JSON.stringify(was.get(path)) !== JSON.stringify(is.get(path))) changes.push({ path, change: 'changed', before: was.get(path), after: is.get(path) });
    else unchanged++;
  }
  return { changes, unchanged };
}

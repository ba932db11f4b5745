const secretKey = /pass(word)?|secret|token|backup.?codes?|hash|key$/i;

/** Defence in depth: whatever an action puts in before/after, secrets never reach the audit log. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, secretKey.test(k) ? '[redacted]' : redactSecrets(v)]),
    );
  }
  return value;
}

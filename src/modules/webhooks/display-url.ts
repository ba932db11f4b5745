/**
 * An endpoint URL fit for audit rows, staff notices and the timeline: credentials and the query
 * (which often carries a token) left out. `https://user:pw@host.example/hooks?token=x` →
 * `https://host.example/hooks`.
 */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '(not a URL)';
  }
}

/** `?from=&to=` of an invoice route, absent or empty values left out. */
export function rangeOf(request: Request): { from?: string; to?: string } {
  const query = new URL(request.url).searchParams;
  return { from: query.get('from') || undefined, to: query.get('to') || undefined };
}

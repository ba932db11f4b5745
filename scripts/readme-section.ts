/** Replaces what lies between a generated section's markers (both kept) with `section`, which starts with `begin`. */
export function withGeneratedSection(readme: string, markers: { begin: string; end: string }, section: string): string {
  const start = readme.indexOf(markers.begin);
  const end = readme.indexOf(markers.end);
  if (start === -1 || end === -1) throw new Error(`README.md has no markers ${markers.begin} … ${markers.end}.`);
  return readme.slice(0, start) + section + readme.slice(end + markers.end.length);
}

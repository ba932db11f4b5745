import { sections } from '@config/sections';

/** The portal section a route-tree path belongs to: the longest section href it is under. */
export function sectionOfPath(path: string): string {
  const clean = path.split(/[?#]/)[0]!.replace(/\/+$/, '') || '/account';
  let best = sections[0]!;
  for (const s of sections) if ((clean === s.href || clean.startsWith(`${s.href}/`)) && s.href.length > best.href.length) best = s;
  return best.id;
}

import { notFound } from '@/platform/http/errors';
import { param } from '@/platform/http/route';

export type VersionContext = { params: Promise<{ version: string }> };

/** The version a scope route's path names; a segment that is no version number is not found. */
export async function versionParam(context: VersionContext): Promise<number> {
  const raw = await param(context, 'version');
  if (!/^[1-9]\d{0,6}$/.test(raw)) throw notFound('Scope version');
  return Number(raw);
}

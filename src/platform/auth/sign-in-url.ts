import { getConfig } from '../config';
import { safeNextPath } from '../http/redirect-target';

/** Where an unauthenticated visitor goes: the builtin sign-in, or the host's when it is configured. */
export function signInUrl(requestedPath: string | null): string {
  const next = encodeURIComponent(safeNextPath(requestedPath));
  const host = getConfig().HOST_SIGN_IN_URL;
  if (!host) return `/sign-in?next=${next}`;
  return `${host}${host.includes('?') ? '&' : '?'}next=${next}`;
}

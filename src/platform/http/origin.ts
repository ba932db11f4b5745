import { getConfig } from '../config';
import { forbidden } from './errors';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Cookie-authenticated writes must come from the portal's own pages (CSRF defence). */
export function assertSameOrigin(request: Request): void {
  if (!stateChanging.has(request.method)) return;
  const expected = new URL(getConfig().portalUrl).origin;
  if (request.headers.get('origin') !== expected) {
    throw forbidden('Cross-origin request refused.');
  }
}

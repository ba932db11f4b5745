import { headers } from 'next/headers';
import { assertSameOrigin } from '../http/origin';
import { routePathOf } from '../http/portal-path';
import { notFound, unauthorized } from '../http/errors';
import { isPathOpenFor } from '../config/sections';
import { actorOf, currentPerson, getPortalSession } from './current';
import type { Actor } from '../actions/actor';
import type { PortalSession } from './session';

/**
 * For browser JSON routes: the session (401 without one), for writes the same-origin check, and 404
 * for a route of a section that is not rolled out to the session's organization.
 */
export async function requireBrowserSession(request: Request): Promise<{ session: PortalSession; actor: Actor; headers: Headers }> {
  assertSameOrigin(request);
  const session = await getPortalSession();
  if (!session) throw unauthorized();
  if (!(await isPathOpenFor(routePathOf(request.url), session.organization.id))) throw notFound('Route');
  return { session, actor: (await actorOf(session))!, headers: await headers() };
}

/** For browser JSON routes open to any signed-in person, member or not. */
export async function requireSignedInPerson(request: Request): Promise<{ actor: Actor; headers: Headers }> {
  assertSameOrigin(request);
  const actor = await currentPerson();
  if (!actor) throw unauthorized();
  return { actor, headers: await headers() };
}

import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { staffCan, staffRoles, type StaffPermission, type StaffRole } from '@config/permissions';
import type { Actor } from '../actions/actor';
import { forbidden, unauthorized } from '../http/errors';
import { assertSameOrigin } from '../http/origin';
import { requestMeta } from '../http/request-meta';
import { STAFF_HOME } from '../http/redirect-target';
import { headersWithCookieJar } from './jar-headers';
import { getStaffAuth, STAFF_SIGN_IN_PAGE } from './staff-auth';

export type StaffActor = Extract<Actor, { type: 'staff' }>;

export const STAFF_ENROL_PAGE = `${STAFF_SIGN_IN_PAGE}/enrol`;

/**
 * The staff session of this request: signed out, signed in, or signed in with a password but
 * without the second factor every builtin staff member must enrol before any console page opens.
 * A session of the host's staff tool needs none: the host signed the person in.
 */
export type StaffSessionState = { kind: 'signed_out' } | { kind: 'must_enrol'; email: string } | { kind: 'signed_in'; actor: StaffActor };

function isStaffRole(role: unknown): role is StaffRole {
  return staffRoles.includes(role as StaffRole);
}

/** The staff session these request headers carry, by its cookie. */
async function staffSessionOf(requestHeaders: Headers): Promise<StaffSessionState> {
  const auth = await getStaffAuth();
  const found = await auth.api.getSession({ headers: requestHeaders });
  if (!found || found.user.disabledAt || !isStaffRole(found.user.role)) return { kind: 'signed_out' };
  if (found.session.origin !== 'host' && !found.user.twoFactorEnabled) return { kind: 'must_enrol', email: found.user.email };
  const actor: StaffActor = {
    type: 'staff',
    staffId: found.user.id,
    email: found.user.email,
    name: found.user.name,
    role: found.user.role,
    organizationId: null,
    sessionId: found.session.id,
    ...requestMeta(requestHeaders),
  };
  return { kind: 'signed_in', actor };
}

export const staffSessionState = cache(async (): Promise<StaffSessionState> => staffSessionOf(await headersWithCookieJar()));

/** The signed-in staff member of this request, or null (also while their TOTP enrolment is pending). */
export async function currentStaff(): Promise<StaffActor | null> {
  const state = await staffSessionState();
  return state.kind === 'signed_in' ? state.actor : null;
}

/**
 * For `/api/admin/*` routes: same-origin writes, 401 without a staff session, 403 without the
 * permission. Read from the request itself, which a route handler always has.
 */
export async function requireStaffRequest(request: Request, permission?: StaffPermission): Promise<{ actor: StaffActor; headers: Headers }> {
  assertSameOrigin(request);
  const state = await staffSessionOf(request.headers);
  if (state.kind !== 'signed_in') throw unauthorized();
  if (permission && !staffCan(state.actor.role, permission)) throw forbidden();
  return { actor: state.actor, headers: request.headers };
}

/**
 * For console pages: to the staff sign-in (and back) without a session, to the TOTP enrolment while it
 * is pending, not found without the permission. Every page checks, as layouts render beside pages.
 */
export async function requireStaffPage(permission?: StaffPermission): Promise<StaffActor> {
  const state = await staffSessionState();
  const next = encodeURIComponent((await headers()).get('x-deflect-path') ?? STAFF_HOME);
  if (state.kind === 'signed_out') redirect(`${STAFF_SIGN_IN_PAGE}?next=${next}`);
  if (state.kind === 'must_enrol') redirect(`${STAFF_ENROL_PAGE}?next=${next}`);
  if (permission && !staffCan(state.actor.role, permission)) notFound();
  return state.actor;
}

// STUB — TEMPORARY, wt-c's stand-in for wt-b's staff sessions. The lead drops this file at merge.
// Here a staff member is whoever sends the cookie `deflect.stub_staff=agent|lead`, and only under
// tests (NODE_ENV=test) or with DEFLECT_STAFF_STUB=1. The exports are exactly the contract's.
import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { staffCan, staffRoles, type StaffPermission, type StaffRole } from '@config/permissions';
import type { Actor } from '../actions/actor';
import { forbidden, unauthorized } from '../http/errors';
import { assertSameOrigin } from '../http/origin';
import { requestMeta } from '../http/request-meta';

export type StaffActor = Extract<Actor, { type: 'staff' }>;

const STUB_COOKIE = 'deflect.stub_staff';
const stubOn = () => process.env.NODE_ENV === 'test' || process.env.DEFLECT_STAFF_STUB === '1';

function stubActor(value: string | undefined, requestHeaders: Headers): StaffActor | null {
  if (!stubOn() || !(staffRoles as readonly string[]).includes(value ?? '')) return null;
  const role = value as StaffRole;
  return { type: 'staff', staffId: `stub-${role}`, email: `${role}@staff.stub`, name: `Stub ${role}`, role, organizationId: null, ...requestMeta(requestHeaders) };
}

function cookieOf(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

export async function currentStaff(): Promise<StaffActor | null> {
  return stubActor((await cookies()).get(STUB_COOKIE)?.value, await headers());
}

export async function requireStaffRequest(request: Request, permission?: StaffPermission): Promise<{ actor: StaffActor; headers: Headers }> {
  assertSameOrigin(request);
  const actor = stubActor(cookieOf(request, STUB_COOKIE), request.headers);
  if (!actor) throw unauthorized();
  if (permission && !staffCan(actor.role, permission)) throw forbidden();
  return { actor, headers: request.headers };
}

export async function requireStaffPage(permission?: StaffPermission): Promise<StaffActor> {
  const actor = await currentStaff();
  if (!actor) redirect(`/admin/sign-in?next=${encodeURIComponent((await headers()).get('x-deflect-path') ?? '/admin')}`);
  if (permission && !staffCan(actor.role, permission)) notFound();
  return actor;
}

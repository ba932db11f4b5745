import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { appErrorCodeOf, rejectionOf } from '../../../tests/support/errors';
import { seedStaff, seedStaffSession } from '../../../tests/support/staff-fixtures';
import { hostActor, seedOrg, useTestDatabase, userActor } from '../../../tests/support/test-db';
import { revokeInvitation } from '../team/service';
import { executeAction } from '@/platform/actions/execute';
import { auditLog } from '@/platform/actions/schema';
import { user } from '@/platform/auth/schema';
import { getStaffAuth, STAFF_HANDOFF_PATH } from '@/platform/auth/staff-auth';
import { staffAccount, staffSession, staffUser } from '@/platform/auth/staff-schema';
import type { AppError } from '@/platform/http/errors';
import { membership } from '@/platform/tenancy/schema';
import { createStaffSession, inviteStaff, removeStaff, SET_UP_PAGE, updateStaff } from './actions';

const t = useTestDatabase();

let seq = 0;
const hostStaff = (role: 'agent' | 'lead' = 'agent', path?: string) => {
  const id = `${Date.now().toString(36)}-${++seq}`;
  return { staff: { externalId: `st_${id}`, email: `agent-${id}@vendor.example`, name: `Agent ${id}` }, role, ...(path ? { path } : {}) };
};

const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

async function follow(url: string): Promise<Response> {
  const { pathname, search } = new URL(url);
  return (await getStaffAuth()).handler(new Request(`http://localhost:3000${pathname}${search}`));
}

describe('the staff handoff (POST /api/v1/staff-sessions)', () => {
  it('creates the staff member once and signs them in once, on the requested console page', async () => {
    const request = hostStaff('lead', '/admin/staff?tab=1');
    const [customersBefore] = await t.db.select({ n: count() }).from(user);
    const { url, expiresAt } = await executeAction(hostActor, createStaffSession, request);
    expect(url).toMatch(new RegExp(`^http://localhost:3000${STAFF_HANDOFF_PATH}\\?token=`));
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(5 * 60_000);

    const first = await follow(url);
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe('/admin/staff?tab=1');
    expect(first.headers.getSetCookie().some((c) => c.startsWith('deflect-staff.session_token='))).toBe(true);
    const [created] = await t.db.select().from(staffUser).where(eq(staffUser.externalId, request.staff.externalId));
    expect(created).toMatchObject({ email: request.staff.email, name: request.staff.name, role: 'lead' });
    const sessions = await t.db.select().from(staffSession).where(eq(staffSession.userId, created!.id));
    expect(sessions.map((s) => s.origin)).toEqual(['host']);

    const again = await follow(url);
    expect(again.headers.get('location')).toBe('/admin/sign-in?notice=link-expired');
    expect(again.headers.getSetCookie()).toEqual([]);
    // A staff identity is never a customer: no user, no membership.
    const [customersAfter] = await t.db.select({ n: count() }).from(user);
    expect(customersAfter!.n).toBe(customersBefore!.n);
    expect(await t.db.select().from(membership).where(eq(membership.userId, created!.id))).toEqual([]);
  });

  it('keeps only the token’s hash', async () => {
    const { url } = await executeAction(hostActor, createStaffSession, hostStaff());
    const rows = await t.db.execute<{ identifier: string; value: string }>(`select identifier, value from staff_verification`);
    expect(JSON.stringify(rows)).not.toContain(tokenOf(url));
  });

  it('an expired link signs nobody in', async () => {
    const { url } = await executeAction(hostActor, createStaffSession, hostStaff());
    await t.db.execute(`update staff_verification set expires_at = now() - interval '1 second' where identifier not like 'reset%'`);
    const response = await follow(url);
    expect(response.headers.get('location')).toBe('/admin/sign-in?notice=link-expired');
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('a link minted before a lead disabled the person signs nobody in', async () => {
    const lead = await seedStaff(t.db, 'lead');
    const request = hostStaff();
    const { url } = await executeAction(hostActor, createStaffSession, request);
    const [row] = await t.db.select({ id: staffUser.id }).from(staffUser).where(eq(staffUser.externalId, request.staff.externalId));
    await executeAction(lead, updateStaff, { id: row!.id, disabled: true });
    const response = await follow(url);
    expect(response.headers.get('location')).toBe('/admin/sign-in?notice=link-expired');
    expect(await t.db.select().from(staffSession).where(eq(staffSession.userId, row!.id))).toEqual([]);
  });

  it('takes the role and name the host asserts each time, and links a builtin staff member by email', async () => {
    const lead = await seedStaff(t.db, 'lead');
    const first = hostStaff('lead');
    await executeAction(hostActor, createStaffSession, { ...first, staff: { ...first.staff, email: lead.email } });
    await executeAction(hostActor, createStaffSession, { ...first, role: 'agent', staff: { ...first.staff, email: lead.email, name: 'Renamed' } });
    const [row] = await t.db.select().from(staffUser).where(eq(staffUser.id, lead.staffId));
    expect(row).toMatchObject({ externalId: first.staff.externalId, role: 'agent', name: 'Renamed' });
  });

  it('refuses a path outside /admin, an email of another host staff member, and a disabled staff member', async () => {
    for (const path of ['/account', '//evil.example', '/admin/../account', 'https://evil.example/admin']) {
      const error = (await rejectionOf(executeAction(hostActor, createStaffSession, hostStaff('agent', path)))) as AppError;
      expect(error.code, path).toBe('validation_failed');
      expect(Object.keys(error.fields ?? {}), path).toEqual(['path']);
    }
    const taken = hostStaff();
    await executeAction(hostActor, createStaffSession, taken);
    expect(await appErrorCodeOf(executeAction(hostActor, createStaffSession, { ...hostStaff(), staff: { ...hostStaff().staff, email: taken.staff.email } }))).toBe('conflict');

    const lead = await seedStaff(t.db, 'lead');
    const disabled = hostStaff();
    await executeAction(hostActor, createStaffSession, disabled);
    const [row] = await t.db.select({ id: staffUser.id }).from(staffUser).where(eq(staffUser.externalId, disabled.staff.externalId));
    await executeAction(lead, updateStaff, { id: row!.id, disabled: true });
    expect(await appErrorCodeOf(executeAction(hostActor, createStaffSession, disabled))).toBe('forbidden');
  });
});

describe('managing the staff', () => {
  it('a lead invites a staff member with a set-up link that works once, through Better Auth', async () => {
    const lead = await seedStaff(t.db, 'lead');
    const { staff, setupUrl } = await executeAction(lead, inviteStaff, { email: 'New.Agent@Vendor.example', role: 'agent' });
    expect(staff).toMatchObject({ email: 'new.agent@vendor.example', role: 'agent', status: 'invited', twoFactorEnabled: false });
    expect(setupUrl).toMatch(new RegExp(`^http://localhost:3000${SET_UP_PAGE}\\?token=`));
    expect(await appErrorCodeOf(executeAction(lead, inviteStaff, { email: 'new.agent@vendor.example', role: 'lead' }))).toBe('conflict');

    const auth = await getStaffAuth();
    await auth.api.resetPassword({ body: { token: tokenOf(setupUrl), newPassword: 'a-long-enough-password' } });
    expect(await t.db.select({ id: staffAccount.id }).from(staffAccount).where(eq(staffAccount.userId, staff.id))).toHaveLength(1);
    await expect(auth.api.resetPassword({ body: { token: tokenOf(setupUrl), newPassword: 'another-long-password' } })).rejects.toThrow();
    const signedIn = await auth.api.signInEmail({ body: { email: staff.email, password: 'a-long-enough-password' } });
    expect(signedIn.user.email).toBe(staff.email);
  });

  it('an agent can do none of a lead’s things', async () => {
    const agent = await seedStaff(t.db, 'agent');
    const other = await seedStaff(t.db, 'agent');
    expect(await appErrorCodeOf(executeAction(agent, inviteStaff, { email: 'x@vendor.example', role: 'agent' }))).toBe('forbidden');
    expect(await appErrorCodeOf(executeAction(agent, updateStaff, { id: other.staffId, role: 'lead' }))).toBe('forbidden');
    expect(await appErrorCodeOf(executeAction(agent, removeStaff, { id: other.staffId }))).toBe('forbidden');
    const [row] = await t.db.select().from(staffUser).where(eq(staffUser.id, other.staffId));
    expect(row!.role).toBe('agent');
  });

  it('disabling ends every session at once; enabling lets them in again; nobody changes their own access', async () => {
    const lead = await seedStaff(t.db, 'lead');
    const agent = await seedStaff(t.db, 'agent');
    await seedStaffSession(t.db, agent.staffId);
    const { staff } = await executeAction(lead, updateStaff, { id: agent.staffId, disabled: true });
    expect(staff.status).toBe('disabled');
    expect(await t.db.select().from(staffSession).where(eq(staffSession.userId, agent.staffId))).toEqual([]);
    const enabled = await executeAction(lead, updateStaff, { id: agent.staffId, disabled: false, role: 'lead' });
    expect(enabled.staff).toMatchObject({ status: 'active', role: 'lead' });

    expect(await appErrorCodeOf(executeAction(lead, updateStaff, { id: lead.staffId, role: 'agent' }))).toBe('forbidden');
    expect(await appErrorCodeOf(executeAction(lead, removeStaff, { id: lead.staffId }))).toBe('forbidden');
    expect(await appErrorCodeOf(executeAction(lead, removeStaff, { id: crypto.randomUUID() }))).toBe('not_found');
  });

  it('each staff write is audited with the staff member as the actor, name included', async () => {
    const lead = await seedStaff(t.db, 'lead', { name: 'Lee Lead' });
    const agent = await seedStaff(t.db, 'agent');
    await executeAction(lead, removeStaff, { id: agent.staffId });
    expect(await t.db.select().from(staffUser).where(eq(staffUser.id, agent.staffId))).toEqual([]);
    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, agent.staffId));
    expect(row).toMatchObject({
      action: 'staff.staff.remove',
      actorType: 'staff',
      actorId: lead.staffId,
      actorEmail: lead.email,
      actorName: 'Lee Lead',
      organizationId: null,
      before: { email: agent.email, name: agent.name, role: 'agent' },
    });
  });
});

describe('the pipeline keeps the two sides apart', () => {
  it('a staff actor cannot run a customer action, nor a customer a staff action', async () => {
    const owner = await seedOrg(t.db, { role: 'owner' });
    const lead = await seedStaff(t.db, 'lead', { organizationId: owner.organizationId });
    expect(await appErrorCodeOf(executeAction(lead, revokeInvitation, { invitationId: crypto.randomUUID() }))).toBe('forbidden');
    expect(await appErrorCodeOf(executeAction(userActor(owner), inviteStaff, { email: 'sneaky@example.test', role: 'lead' }))).toBe('forbidden');
  });
});

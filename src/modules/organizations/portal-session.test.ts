import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rejectionOf } from '../../../tests/support/errors';
import { hostileRedirects, legitimateRedirects } from '../../../tests/support/redirect-corpus';
import { hostActor, seedUser, useTestDatabase } from '../../../tests/support/test-db';
import type { Role } from '@config/permissions';
import { executeAction } from '@/platform/actions/execute';
import { auditLog, outbox } from '@/platform/actions/schema';
import { redeemHandoff } from '@/platform/auth/handoff-redeem';
import { hashToken } from '@/platform/crypto/tokens';
import { portalHandoff, user } from '@/platform/auth/schema';
import { AppError } from '@/platform/http/errors';
import { membership, organization } from '@/platform/tenancy/schema';
import { createPortalSession, upsertOrganization } from './actions';

const t = useTestDatabase();

let seq = 0;
function ids() {
  seq++;
  return { org: `acme-${seq}-${Date.now()}`, person: (n: number | string) => `u-${seq}-${n}` };
}

type Body = { user: { externalId: string; email: string; name?: string }; organization: { externalId: string; name?: string; plan?: string }; role?: Role | string; path?: string };

function personBody(org: string, externalId: string, extra: Partial<Body> = {}): Body {
  return { user: { externalId, email: `${externalId}@example.test` }, organization: { externalId: org }, ...extra };
}

async function handoff(body: Body) {
  return executeAction(hostActor, createPortalSession, body);
}

function tokenOf(url: string): string {
  return new URL(url).searchParams.get('token')!;
}

async function organizationByExternalId(externalId: string) {
  return t.db.select().from(organization).where(eq(organization.externalId, externalId));
}

async function membersOf(orgExternalId: string) {
  return t.db
    .select({ externalId: user.externalId, role: membership.role })
    .from(membership)
    .innerJoin(organization, eq(organization.id, membership.organizationId))
    .innerJoin(user, eq(user.id, membership.userId))
    .where(eq(organization.externalId, orgExternalId))
    .orderBy(membership.createdAt);
}

async function rowCounts() {
  const [u] = await t.db.select({ n: count() }).from(user);
  const [o] = await t.db.select({ n: count() }).from(organization);
  const [m] = await t.db.select({ n: count() }).from(membership);
  const [h] = await t.db.select({ n: count() }).from(portalHandoff);
  const [a] = await t.db.select({ n: count() }).from(auditLog);
  return { users: u!.n, organizations: o!.n, memberships: m!.n, handoffs: h!.n, audit: a!.n };
}

describe('createPortalSession: just-in-time provisioning', () => {
  it('creates the user, the organization and an owner membership on the first call', async () => {
    const { org, person } = ids();
    const result = await handoff({
      user: { externalId: person(1), email: 'Ada.Lovelace@Example.TEST', name: 'Ada Lovelace' },
      organization: { externalId: org, name: 'Acme Ltd', plan: 'pro' },
      role: 'viewer',
    });

    const [created] = await organizationByExternalId(org);
    expect(created).toMatchObject({ name: 'Acme Ltd', plan: 'pro' });
    const [person1] = await t.db.select().from(user).where(eq(user.externalId, person(1)));
    expect(person1).toMatchObject({ email: 'ada.lovelace@example.test', name: 'Ada Lovelace', emailVerified: true });
    expect(await membersOf(org)).toEqual([{ externalId: person(1), role: 'owner' }]); // the first member owns it, whatever was asked

    const url = new URL(result.url);
    expect(url.origin).toBe('http://localhost:3000');
    expect(url.searchParams.get('token')).toBeTruthy();
    expect(new Date(result.expiresAt).toISOString()).toBe(result.expiresAt);

    const events = await t.db.select({ type: outbox.type }).from(outbox).where(eq(outbox.organizationId, created!.id)).orderBy(outbox.id);
    expect(events.map((e) => e.type)).toEqual(['organization.created', 'team.member_joined']);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.organizationId, created!.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: 'host', action: 'host.create_portal_session', entityType: 'portal_session' });
  });

  it('reuses the user, organization and membership on repeated calls', async () => {
    const { org, person } = ids();
    await handoff(personBody(org, person(1)));
    const before = await rowCounts();

    await handoff(personBody(org, person(1), { organization: { externalId: org, name: 'Renamed?' } }));
    await handoff(personBody(org, person(1)));

    const after = await rowCounts();
    expect(after).toMatchObject({ users: before.users, organizations: before.organizations, memberships: before.memberships, handoffs: before.handoffs + 2 });
    expect(await membersOf(org)).toEqual([{ externalId: person(1), role: 'owner' }]);
    const [orgRow] = await organizationByExternalId(org);
    const events = await t.db.select({ type: outbox.type }).from(outbox).where(eq(outbox.organizationId, orgRow!.id));
    expect(events.map((e) => e.type)).toEqual(['organization.created', 'team.member_joined']); // nothing new happened
  });

  it('gives a later member the requested role, and "member" when none is asked', async () => {
    const { org, person } = ids();
    await handoff(personBody(org, person('owner')));
    await handoff(personBody(org, person('billing'), { role: 'billing' }));
    await handoff(personBody(org, person('default')));
    expect(await membersOf(org)).toEqual([
      { externalId: person('owner'), role: 'owner' },
      { externalId: person('billing'), role: 'billing' },
      { externalId: person('default'), role: 'member' },
    ]);
  });

  it('never makes a later member an owner, even when the host asks for it', async () => {
    const { org, person } = ids();
    await handoff(personBody(org, person(1)));
    await handoff(personBody(org, person(2), { role: 'owner' }));
    const members = await membersOf(org);
    expect(members.find((m) => m.externalId === person(2))?.role).not.toBe('owner');
    expect(members.filter((m) => m.role === 'owner')).toEqual([{ externalId: person(1), role: 'owner' }]);
  });

  it('ignores the role for an existing membership: the portal is the truth after creation', async () => {
    const { org, person } = ids();
    await handoff(personBody(org, person(1)));
    await handoff(personBody(org, person(2), { role: 'viewer' }));
    await handoff(personBody(org, person(2), { role: 'admin' }));
    await handoff(personBody(org, person(1), { role: 'viewer' }));
    expect(await membersOf(org)).toEqual([
      { externalId: person(1), role: 'owner' },
      { externalId: person(2), role: 'viewer' },
    ]);
  });

  it('links an existing builtin account with the same email instead of creating a second user', async () => {
    const { org, person } = ids();
    const builtin = await seedUser(t.db, { email: `builtin-${person(1)}@example.test`, password: true });
    await handoff({ user: { externalId: person(1), email: builtin.email.toUpperCase() }, organization: { externalId: org } });
    const rows = await t.db.select({ id: user.id, externalId: user.externalId }).from(user).where(eq(user.email, builtin.email));
    expect(rows).toEqual([{ id: builtin.userId, externalId: person(1) }]);
  });

  it("refuses an email that belongs to another of the host's users, writing nothing", async () => {
    const { org, person } = ids();
    await handoff(personBody(`${org}-a`, person(1)));
    const before = await rowCounts();
    const error = await rejectionOf(handoff({ user: { externalId: person(2), email: `${person(1)}@example.test` }, organization: { externalId: org } }));
    expect(error).toMatchObject({ code: 'conflict', status: 409 });
    expect(await rowCounts()).toEqual(before);
    expect(await organizationByExternalId(org)).toEqual([]);
  });

  it('10 simultaneous first handoffs into a brand-new organization end with exactly one owner', async () => {
    const { org, person } = ids();
    const people = Array.from({ length: 10 }, (_, i) => person(i));
    const results = await Promise.allSettled(people.map((p) => handoff(personBody(org, p, { role: 'admin' }))));

    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    expect(await organizationByExternalId(org)).toHaveLength(1);
    const members = await membersOf(org);
    expect(members.map((m) => m.externalId).sort()).toEqual([...people].sort());
    expect(members.filter((m) => m.role === 'owner')).toHaveLength(1);
    expect(members.filter((m) => m.role === 'admin')).toHaveLength(9);
  });

  it('10 simultaneous first handoffs into an organization the host created without members end with exactly one owner', async () => {
    const { org, person } = ids();
    await executeAction(hostActor, upsertOrganization, { externalId: org, name: 'Provisioned first' });
    const people = Array.from({ length: 10 }, (_, i) => person(i));
    const results = await Promise.allSettled(people.map((p) => handoff(personBody(org, p))));

    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const members = await membersOf(org);
    expect(members).toHaveLength(10);
    expect(members.filter((m) => m.role === 'owner')).toHaveLength(1);
  });

  it('simultaneous handoffs of the same new person create one user and one membership', async () => {
    const { org, person } = ids();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => handoff(personBody(org, person('same')))));
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    expect(await t.db.select({ id: user.id }).from(user).where(eq(user.externalId, person('same')))).toHaveLength(1);
    expect(await membersOf(org)).toEqual([{ externalId: person('same'), role: 'owner' }]);
  });
});

describe('createPortalSession: the single-use link', () => {
  it('redeems once, for the person, organization and path it was made for', async () => {
    const { org, person } = ids();
    const { url } = await handoff(personBody(org, person(1), { path: '/account/billing?tab=invoices' }));
    const [orgRow] = await organizationByExternalId(org);
    const [userRow] = await t.db.select({ id: user.id }).from(user).where(eq(user.externalId, person(1)));

    expect(await redeemHandoff(t.db, tokenOf(url))).toEqual({ userId: userRow!.id, organizationId: orgRow!.id, path: '/account/billing?tab=invoices' });
    expect(await redeemHandoff(t.db, tokenOf(url))).toBeNull();
  });

  it('sends the person to /account when no path is given', async () => {
    const { org, person } = ids();
    const { url } = await handoff(personBody(org, person(1)));
    expect((await redeemHandoff(t.db, tokenOf(url)))?.path).toBe('/account');
  });

  it('expires 5 minutes after it was made', async () => {
    const { org, person } = ids();
    const asked = Date.now();
    const { url, expiresAt } = await handoff(personBody(org, person(1)));
    const answered = Date.now();
    const expiry = new Date(expiresAt).getTime();
    expect(expiry).toBeGreaterThanOrEqual(asked + 5 * 60_000);
    expect(expiry).toBeLessThanOrEqual(answered + 5 * 60_000);

    expect(await redeemHandoff(t.db, tokenOf(url), new Date(expiry))).toBeNull();
    expect(await redeemHandoff(t.db, tokenOf(url), new Date(expiry + 60_000))).toBeNull();
    expect(await redeemHandoff(t.db, tokenOf(url), new Date(expiry - 1000))).not.toBeNull(); // the late tries did not use it up
  });

  it('two simultaneous redemptions of one link: exactly one wins', async () => {
    const { org, person } = ids();
    const { url } = await handoff(personBody(org, person(1)));
    const results = await Promise.all([redeemHandoff(t.db, tokenOf(url)), redeemHandoff(t.db, tokenOf(url))]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
  });

  it('an unknown or tampered token redeems nothing', async () => {
    const { org, person } = ids();
    const { url } = await handoff(personBody(org, person(1)));
    const token = tokenOf(url);
    expect(await redeemHandoff(t.db, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(await redeemHandoff(t.db, '')).toBeNull();
    expect(await redeemHandoff(t.db, token)).not.toBeNull();
  });

  it('stores only the hash of the token, and keeps the token out of the audit log and the outbox', async () => {
    const { org, person } = ids();
    const { url } = await handoff(personBody(org, person(1)));
    const token = tokenOf(url);
    const [orgRow] = await organizationByExternalId(org);

    const rows = await t.db.select().from(portalHandoff).where(eq(portalHandoff.organizationId, orgRow!.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashToken(token));
    expect(rows[0]!.tokenHash).not.toBe(token);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.organizationId, orgRow!.id));
    const events = await t.db.select().from(outbox).where(eq(outbox.organizationId, orgRow!.id));
    expect(JSON.stringify([rows, audit, events])).not.toContain(token);
    expect(JSON.stringify([audit, events])).not.toContain(rows[0]!.tokenHash);
  });
});

describe('createPortalSession: invalid bodies', () => {
  it.each<[string, Body, string]>([
    ['a bad email', { user: { externalId: 'u-bad', email: 'not-an-email' }, organization: { externalId: 'org-bad' } }, 'user.email'],
    ['a path outside /account', { ...personBody('org-bad', 'u-bad'), path: '/admin' }, 'path'],
    ['a path that only starts like /account', { ...personBody('org-bad', 'u-bad'), path: '/accounts-evil' }, 'path'],
    ['a protocol-relative path', { ...personBody('org-bad', 'u-bad'), path: '//evil.com' }, 'path'],
    ['an absolute URL', { ...personBody('org-bad', 'u-bad'), path: 'https://evil.com/account' }, 'path'],
    ['a backslash path', { ...personBody('org-bad', 'u-bad'), path: '/account/\\evil.com' }, 'path'],
    ['an unknown role', { ...personBody('org-bad', 'u-bad'), role: 'superuser' }, 'role'],
    ['an unknown plan', { user: { externalId: 'u-bad', email: 'u-bad@example.test' }, organization: { externalId: 'org-bad', plan: 'gold' } }, 'organization.plan'],
    ['a blank organization id', { user: { externalId: 'u-bad', email: 'u-bad@example.test' }, organization: { externalId: '   ' } }, 'organization.externalId'],
  ])('%s is validation_failed naming the field, and writes nothing', async (_label, body, field) => {
    const before = await rowCounts();
    const error = await rejectionOf(handoff(body));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'validation_failed', status: 422 });
    expect(Object.keys((error as AppError).fields ?? {})).toContain(field);
    expect(await rowCounts()).toEqual(before);
  });

  it.each(hostileRedirects('http://localhost:3000').map((path) => [JSON.stringify(path), path]))(
    'refuses the path %s with a field error, writing nothing',
    async (_label, path) => {
      const before = await rowCounts();
      const error = await rejectionOf(handoff({ ...personBody('org-bad', 'u-bad'), path }));
      expect(error).toMatchObject({ code: 'validation_failed', status: 422 });
      expect(Object.keys((error as AppError).fields ?? {})).toEqual(['path']);
      expect(await rowCounts()).toEqual(before);
    },
  );

  it('stores the normalized path, never the raw input', async () => {
    const { org, person } = ids();
    for (const [path] of legitimateRedirects) await handoff(personBody(org, person(1), { path }));
    const [orgRow] = await organizationByExternalId(org);
    const paths = await t.db.select({ path: portalHandoff.path }).from(portalHandoff).where(eq(portalHandoff.organizationId, orgRow!.id));
    expect(paths.map((p) => p.path).sort()).toEqual(legitimateRedirects.map(([, resolved]) => resolved).sort());
  });

  it('accepts the /account paths a host may send', async () => {
    const { org, person } = ids();
    for (const path of ['/account', '/account/team', '/account?tab=1', '/account#billing']) {
      await expect(handoff(personBody(org, person(1), { path }))).resolves.toMatchObject({ url: expect.any(String) });
    }
    const [orgRow] = await organizationByExternalId(org);
    const paths = await t.db.select({ path: portalHandoff.path }).from(portalHandoff).where(and(eq(portalHandoff.organizationId, orgRow!.id)));
    expect(paths.map((p) => p.path).sort()).toEqual(['/account', '/account#billing', '/account/team', '/account?tab=1']);
  });
});

import { eq, inArray } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { eventDataOf, type EventData, type EventType } from '@config/events';
import { useMailDelivery, useSmtpSink } from '../../../tests/support/mail-fixtures';
import type { ReceivedMail } from '../../../tests/support/smtp-sink';
import { seedTeam, type SeededTeam } from '../../../tests/support/team-fixtures';
import { useTestDatabase, userActor, type SeededOrg } from '../../../tests/support/test-db';
import { createKey, revokeKey, rotateKey } from '@/modules/api-keys/service';
import { updateBillingDetails } from '@/modules/billing/service';
import { changeRole, removeMember, transferOwnership } from '@/modules/team/service';
import { outbox } from '@/platform/actions/schema';
import { user } from '@/platform/auth/schema';
import { executeAction } from '@/platform/actions/execute';
import { deliveries } from '@/platform/jobs/schema';
import { outboxWritten } from '@/platform/jobs/nudge';
import { organization } from '@/platform/tenancy/schema';
import { billingProfile } from '@/modules/billing/schema';
import { notificationPreferences } from './schema';

const t = useTestDatabase();
const mail = useSmtpSink();
useMailDelivery(t);

const PORTAL = 'http://localhost:3000';

/** An organization with one member per role, and another one like it whose people must never be mailed. */
let team: SeededTeam;
let stranger: SeededTeam;
const byRole = (role: string): SeededOrg => team.members.find((m) => m.role === role)!;

beforeEach(async () => {
  team = await seedTeam(t.db, ['admin', 'billing', 'member', 'viewer'], { plan: 'pro' });
  stranger = await seedTeam(t.db, ['admin', 'billing', 'member', 'viewer'], { plan: 'pro' });
  await t.db.insert(billingProfile).values([
    { organizationId: team.organizationId, billingEmail: `accounts-${team.organizationId}@example.test` },
    { organizationId: stranger.organizationId, billingEmail: `accounts-${stranger.organizationId}@example.test` },
  ]);
  mail.sink.clear();
});

async function eventIdsSince(before: number): Promise<number[]> {
  const rows = await t.db.select({ id: outbox.id, organizationId: outbox.organizationId }).from(outbox);
  return rows.filter((r) => r.id > before && r.organizationId === team.organizationId).map((r) => r.id);
}

async function lastEventId(): Promise<number> {
  const rows = await t.db.select({ id: outbox.id }).from(outbox);
  return Math.max(0, ...rows.map((r) => r.id));
}

/** Runs `act`, waits until every email delivery of its events is done, and answers who got which mails. */
async function mailsOf(act: () => Promise<unknown>): Promise<ReceivedMail[]> {
  const before = await lastEventId();
  await act();
  const ids = await eventIdsSince(before);
  expect(ids.length).toBeGreaterThan(0);
  await expect
    .poll(async () => {
      const rows = await t.db.select({ status: deliveries.status, channel: deliveries.channel }).from(deliveries).where(inArray(deliveries.eventId, ids));
      return rows.length > 0 && rows.every((r) => r.channel !== 'email' || r.status === 'delivered');
    }, { timeout: 15_000, interval: 50 })
    .toBe(true);
  const count = (await t.db.select({ response: deliveries.lastResponse }).from(deliveries).where(inArray(deliveries.eventId, ids))).filter((d) => d.response === 'sent').length;
  await expect.poll(() => mail.sink.messages.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(count);
  return [...mail.sink.messages];
}

const recipients = (mails: ReceivedMail[]) => mails.flatMap((m) => m.to).toSorted();

/** An event as its emitter commits it (the catalog checks the payload), for the emitters that need Stripe or a usage rollup. */
async function commitEvent<T extends EventType>(type: T, data: EventData<T>): Promise<void> {
  await t.db.insert(outbox).values({ organizationId: team.organizationId, type, payload: eventDataOf(type, data) });
  outboxWritten();
}

describe('the email channel mails the people each event concerns, and nobody else', () => {
  it('role changed and member removed: that member only, naming who did it, with a link to the team', async () => {
    const member = byRole('member');
    const changed = await mailsOf(() => executeAction(userActor(byRole('admin')), changeRole, { memberId: member.membershipId, role: 'viewer' }));
    expect(recipients(changed)).toEqual([member.email]);
    const [notice] = changed;
    expect(notice!.subject).toContain('is now viewer');
    expect(notice!.text).toContain(`Hi ${member.name},`);
    expect(notice!.text).toContain(`Changed by ${byRole('admin').email}.`);
    expect(mail.sink.linkIn(notice!, '/account/team')).toBe(`${PORTAL}/account/team`);
    expect(mail.sink.linkIn(notice!, '/account/notifications')).toBe(`${PORTAL}/account/notifications`);

    mail.sink.clear();
    const viewer = byRole('viewer');
    const removed = await mailsOf(() => executeAction(userActor(team.owner), removeMember, { memberId: viewer.membershipId }));
    expect(recipients(removed)).toEqual([viewer.email]);
    expect(removed[0]!.subject).toMatch(/^You were removed from /);
  });

  it('API key created, rotated and revoked: the owner and the admins, as a locked security notice', async () => {
    const expected = [team.owner.email, byRole('admin').email].toSorted();
    let keyId = '';
    const created = await mailsOf(async () => {
      ({ key: { id: keyId } } = (await executeAction(userActor(byRole('member')), createKey, { name: 'CI', scopes: ['usage:write'] })) as { key: { id: string } });
    });
    expect(recipients(created)).toEqual(expected);
    expect(created[0]!.text).toContain(`Created by ${byRole('member').email}.`);
    expect(created[0]!.text).toContain('it cannot be switched off');
    expect(created[0]!.text).not.toContain('/account/notifications');
    expect(mail.sink.linkIn(created[0]!, '/account/api-keys')).toBe(`${PORTAL}/account/api-keys`);

    mail.sink.clear();
    let rotatedId = '';
    const rotated = await mailsOf(async () => {
      ({ key: { id: rotatedId } } = (await executeAction(userActor(team.owner), rotateKey, { keyId, gracePeriod: '1h' })) as { key: { id: string } });
    });
    expect(recipients(rotated)).toEqual(expected);
    mail.sink.clear();
    expect(recipients(await mailsOf(() => executeAction(userActor(team.owner), revokeKey, { keyId: rotatedId })))).toEqual(expected);
  });

  it('ownership transferred: the previous and the new owner', async () => {
    const admin = byRole('admin');
    const mails = await mailsOf(() => executeAction(userActor(team.owner), transferOwnership, { memberId: admin.membershipId }));
    expect(recipients(mails)).toEqual([team.owner.email, admin.email].toSorted());
  });

  it('usage at 80 % and 100 %: the owner, the admins and the billing contacts', async () => {
    const expected = [team.owner.email, byRole('admin').email, byRole('billing').email].toSorted();
    for (const threshold of [80, 100]) {
      mail.sink.clear();
      const mails = await mailsOf(() =>
        commitEvent('usage.threshold_reached', { organizationId: team.organizationId, meter: 'api_calls', threshold, used: threshold * 10, limit: 1000, period: { start: '2026-12-01', end: '2026-12-31' } }),
      );
      expect(recipients(mails)).toEqual(expected);
      expect(mails[0]!.subject).toContain(`${threshold} %`);
      expect(mail.sink.linkIn(mails[0]!, '/account/usage')).toBe(`${PORTAL}/account/usage`);
    }
  });

  it('invoice payment failed: the billing email and the owner, with the Update card link to Billing', async () => {
    const billingEmail = `accounts-${team.organizationId}@example.test`;
    const mails = await mailsOf(() =>
      commitEvent('invoice.payment_failed', { organizationId: team.organizationId, invoiceId: null, stripeInvoiceId: 'in_1', number: 'INV-0042', status: 'open', total: 4900, currency: 'eur', stripeEventId: 'evt_1' }),
    );
    expect(recipients(mails)).toEqual([team.owner.email, billingEmail].toSorted());
    for (const received of mails) {
      expect(received.text).toMatch(new RegExp(`^Update card: ${PORTAL}/account/billing$`, 'm'));
      expect(received.html).toContain(`href="${PORTAL}/account/billing"`);
      expect(received.text).toContain('INV-0042');
    }
    const toAddress = mails.find((m) => m.to.includes(billingEmail))!;
    expect(toAddress.text).toContain('Hello,');
    expect(toAddress.text).toContain('as the billing email address of');
  });

  it('billing details changed: the owner and the old and the new billing email; an address that is a person\'s is mailed once', async () => {
    const old = `accounts-${team.organizationId}@example.test`;
    const fresh = `new-accounts-${team.organizationId}@example.test`;
    const mails = await mailsOf(() => executeAction(userActor(byRole('billing')), updateBillingDetails, { billingEmail: fresh }));
    expect(recipients(mails)).toEqual([team.owner.email, old, fresh].toSorted());
    const ownerMail = mails.find((m) => m.to.includes(team.owner.email))!;
    expect(ownerMail.text).toContain(`from ${old} to ${fresh}`);
    expect(ownerMail.text).toContain(`Changed by ${byRole('billing').email}.`);
    expect(mail.sink.linkIn(ownerMail, '/account/billing')).toBe(`${PORTAL}/account/billing`);

    mail.sink.clear();
    const again = await mailsOf(() => executeAction(userActor(team.owner), updateBillingDetails, { billingEmail: team.owner.email.toUpperCase() }));
    expect(recipients(again)).toEqual([team.owner.email, fresh].toSorted());
  });

  it('never mails another organization\'s people', async () => {
    const mails = await mailsOf(() => executeAction(userActor(team.owner), updateBillingDetails, { companyName: 'Renamed' }));
    const strangers = [stranger.owner.email, ...stranger.members.map((m) => m.email), `accounts-${stranger.organizationId}@example.test`];
    expect(recipients(mails).filter((to) => strangers.includes(to))).toEqual([]);
    expect(recipients(mails)).toEqual([team.owner.email, `accounts-${team.organizationId}@example.test`].toSorted());
  });
});

describe('the email change notice', () => {
  it('goes to the address the person had when they asked, even once the new one is confirmed', async () => {
    const old = team.owner.email;
    const confirmed = `confirmed-${team.organizationId}@example.test`;
    await t.db.update(user).set({ email: confirmed }).where(eq(user.id, team.owner.userId));
    const mails = await mailsOf(() => commitEvent('account.email_change_requested', { userId: team.owner.userId, email: old, newEmail: confirmed }));
    // The confirmation of the new address is not sent either: the request is stale.
    expect(recipients(mails)).toEqual([old]);
    expect(mails[0]!.subject).toBe('A change of your email address was requested');
    expect(mails[0]!.text).toContain('cannot be switched off');
  });
});

describe('a person\'s preferences', () => {
  it('switching an event\'s email off stops its mail to that person only; a locked security notice still goes out', async () => {
    const admin = byRole('admin');
    await t.db.insert(notificationPreferences).values([
      { userId: team.owner.userId, organizationId: team.organizationId, event: 'usage.threshold_reached', channel: 'email', enabled: false },
      { userId: admin.userId, organizationId: team.organizationId, event: 'api_key.created', channel: 'email', enabled: false },
    ]);
    const usage = await mailsOf(() =>
      commitEvent('usage.threshold_reached', { organizationId: team.organizationId, meter: 'api_calls', threshold: 80, used: 800, limit: 1000, period: { start: '2026-12-01', end: '2026-12-31' } }),
    );
    expect(recipients(usage)).toEqual([admin.email, byRole('billing').email].toSorted());

    mail.sink.clear();
    const key = await mailsOf(() => executeAction(userActor(team.owner), createKey, { name: 'Locked', scopes: ['usage:write'] }));
    expect(recipients(key)).toEqual([team.owner.email, admin.email].toSorted());
  });

  it('an owner who switched billing details off is not mailed at the billing email either when it is their own address', async () => {
    await t.db.update(billingProfile).set({ billingEmail: team.owner.email }).where(eq(billingProfile.organizationId, team.organizationId));
    await t.db.insert(notificationPreferences).values({ userId: team.owner.userId, organizationId: team.organizationId, event: 'billing.details_changed', channel: 'email', enabled: false });
    const [org] = await t.db.select({ name: organization.name }).from(organization).where(eq(organization.id, team.organizationId));
    const fresh = `next-${team.organizationId}@example.test`;
    const mails = await mailsOf(() => executeAction(userActor(byRole('billing')), updateBillingDetails, { billingEmail: fresh }));
    expect(recipients(mails)).toEqual([fresh]);
    expect(mails[0]!.subject).toBe(`The billing details of ${org!.name} changed`);
  });
});

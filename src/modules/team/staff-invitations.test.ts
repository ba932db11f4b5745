import { beforeAll, describe, expect, it } from 'vitest';
import { executeAction } from '@/platform/actions/execute';
import { rejectionOf } from '../../../tests/support/errors';
import { useMailDelivery, useSmtpSink } from '../../../tests/support/mail-fixtures';
import type { ReceivedMail } from '../../../tests/support/smtp-sink';
import { customerActivity, seedStaff } from '../../../tests/support/staff-fixtures';
import { auditCount, eventsOf, invitationsOf, seedTeam, type SeededTeam } from '../../../tests/support/team-fixtures';
import { useTestDatabase, userActor } from '../../../tests/support/test-db';
import { inviteMember } from './actions';
import { previewInvitation, revokeInvitation, staffResendInvitation, staffRevokeInvitation } from './service';

const t = useTestDatabase();
const mail = useSmtpSink();
useMailDelivery(t);

let team: SeededTeam;
let seq = 0;

const tokenIn = (received: ReceivedMail) => new URL(mail.sink.linkIn(received, '/invitations/accept')).searchParams.get('token')!;

/** Invites, and reads the link of the invitation's mail. */
async function invite(customer: SeededTeam = team) {
  const email = `invitee-${process.pid}-${++seq}@example.test`;
  const { invitation } = await executeAction(userActor(customer.owner), inviteMember, { email, role: 'member' });
  const first = await mail.sink.waitForMail((m) => m.to.includes(email));
  return { id: invitation.id, email, token: tokenIn(first), mail: first };
}

const stateOf = async (id: string) => (await invitationsOf(t.db, team.organizationId)).find((i) => i.id === id);

beforeAll(async () => {
  team = await seedTeam(t.db);
});

describe('staff.invitations.resend', () => {
  it('mails a fresh link naming the member who invited (the old link stops working), with one audit row shown as Support (name)', async () => {
    const pending = await invite();
    const agent = await seedStaff(t.db, 'agent', { name: 'Ada Agent' });
    const before = await auditCount(t.db, team.organizationId);

    expect(await previewInvitation(t.db, pending.token)).toMatchObject({ state: 'open' });
    const { invitation: resent } = await executeAction(agent, staffResendInvitation, { invitationId: pending.id });

    expect(resent).toMatchObject({ id: pending.id, email: pending.email, role: 'member', invitedBy: team.owner.email, expired: false });
    const received = await mail.sink.waitForMail((m) => m.to.includes(pending.email) && m !== pending.mail);
    expect(received.subject.startsWith(team.owner.email)).toBe(true);
    const token = tokenIn(received);
    expect(await previewInvitation(t.db, token)).toMatchObject({ state: 'open', email: pending.email });
    expect(await previewInvitation(t.db, pending.token)).toEqual({ state: 'invalid' });
    expect(await auditCount(t.db, team.organizationId)).toBe(before + 1);
    expect(await customerActivity(t.db, team.organizationId, 'staff.invitations.resend')).toEqual([
      { actor: { type: 'staff', id: agent.staffId, email: agent.email, name: 'Ada Agent' }, shownAs: 'Support (Ada Agent)', entityId: pending.id, after: { resent: true, expiresAt: expect.any(String) } },
    ]);
    expect(JSON.stringify(await customerActivity(t.db, team.organizationId, 'staff.invitations.resend'))).not.toContain(token);
  });
});

describe('staff.invitations.revoke', () => {
  it('revokes a pending invitation, with one audit row shown as Support (name) and the event', async () => {
    const pending = await invite();
    const agent = await seedStaff(t.db, 'agent', { name: 'Rex Revoker' });
    const before = await auditCount(t.db, team.organizationId);

    const { invitation } = await executeAction(agent, staffRevokeInvitation, { invitationId: pending.id });

    expect(invitation).toMatchObject({ id: pending.id, email: pending.email });
    expect((await stateOf(pending.id))?.revokedAt).not.toBeNull();
    expect(await previewInvitation(t.db, pending.token)).toEqual({ state: 'invalid' });
    expect(await auditCount(t.db, team.organizationId)).toBe(before + 1);
    expect(await customerActivity(t.db, team.organizationId, 'staff.invitations.revoke')).toEqual([
      { actor: { type: 'staff', id: agent.staffId, email: agent.email, name: 'Rex Revoker' }, shownAs: 'Support (Rex Revoker)', entityId: pending.id, after: { status: 'revoked' } },
    ]);
    const revoked = (await eventsOf(t.db, team.organizationId)).filter((e) => e.type === 'team.invitation_revoked');
    expect(revoked.map((e) => e.payload)).toEqual([{ invitationId: pending.id, email: pending.email }]);
  });
});

describe('the staff invitation actions refuse', () => {
  it('another customer’s invitation (from that customer’s page), an unknown one, and one no longer pending: not found', async () => {
    const pending = await invite();
    const other = await seedTeam(t.db);
    const onOtherPage = { ...(await seedStaff(t.db, 'agent')), organizationId: other.organizationId };
    const agent = await seedStaff(t.db, 'agent');
    const before = await auditCount(t.db, team.organizationId);

    expect(await rejectionOf(executeAction(onOtherPage, staffResendInvitation, { invitationId: pending.id }))).toMatchObject({ code: 'not_found' });
    expect(await rejectionOf(executeAction(onOtherPage, staffRevokeInvitation, { invitationId: pending.id }))).toMatchObject({ code: 'not_found' });
    expect(await rejectionOf(executeAction(agent, staffRevokeInvitation, { invitationId: crypto.randomUUID() }))).toMatchObject({ code: 'not_found' });
    expect((await stateOf(pending.id))?.revokedAt).toBeNull();
    expect(await auditCount(t.db, team.organizationId)).toBe(before);

    await executeAction(userActor(team.owner), revokeInvitation, { invitationId: pending.id });
    expect(await rejectionOf(executeAction(agent, staffResendInvitation, { invitationId: pending.id }))).toMatchObject({ code: 'not_found' });
  });

  it('a customer, even the owner: the console’s actions are staff-only', async () => {
    const pending = await invite();
    expect(await rejectionOf(executeAction(userActor(team.owner), staffResendInvitation, { invitationId: pending.id }))).toMatchObject({ code: 'forbidden' });
    expect(await rejectionOf(executeAction(userActor(team.owner), staffRevokeInvitation, { invitationId: pending.id }))).toMatchObject({ code: 'forbidden' });
    expect(await rejectionOf(executeAction(await seedStaff(t.db, 'agent'), staffRevokeInvitation, { invitationId: '' }))).toMatchObject({ code: 'validation_failed' });
  });
});

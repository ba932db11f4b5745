import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useMailDelivery, useSmtpSink } from '../../../tests/support/mail-fixtures';
import type { ReceivedMail } from '../../../tests/support/smtp-sink';
import { eventsOf, seedTeam } from '../../../tests/support/team-fixtures';
import { useTestDatabase, userActor } from '../../../tests/support/test-db';
import { executeAction } from '@/platform/actions/execute';
import { deliveries } from '@/platform/jobs/schema';
import { organization } from '@/platform/tenancy/schema';
import { inviteMember, resendInvitation, revokeInvitation } from './actions';
import { invitationMail, issueInvitationMail } from './invitation-mail';
import { invitation } from './schema';
import { previewInvitation } from './service';

describe('the invitation mail', () => {
  const url = 'https://portal.example.test/invitations/accept?token=t1&x=y';

  it('puts the accept link in the html and the text part, with who invites to what', () => {
    const mail = invitationMail({ organizationName: 'Acme', inviterName: 'Grace', role: 'admin', url });
    expect(mail.subject).toBe('Grace invited you to join Acme');
    expect(mail.html).toContain(`href="${url.replace('&', '&amp;')}"`);
    expect(mail.text).toMatch(new RegExp(`: ${url.replace(/[.?]/g, '\\$&')}$`, 'm'));
    expect(mail.text).toContain('Grace invited you to join Acme as admin.');
  });

  it('escapes interpolated text in the html, and the subject stays one line', () => {
    const mail = invitationMail({ organizationName: 'A"<b>', inviterName: 'Eve\r\nBcc: x@y', role: 'member', url });
    expect(mail.html).not.toContain('<b>');
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });
});

describe('the invitation mail is the consumer of the invitation events', () => {
  const t = useTestDatabase();
  const mail = useSmtpSink();
  useMailDelivery(t);

  const tokenIn = (received: ReceivedMail) => new URL(mail.sink.linkIn(received, '/invitations/accept')).searchParams.get('token')!;

  it('mails the invitee a working link that is in no event; a resend mails a fresh one and the first stops working', async () => {
    const team = await seedTeam(t.db);
    const email = `invited-${Date.now()}@example.test`;
    const { invitation } = await executeAction(userActor(team.owner), inviteMember, { email, role: 'admin' });

    const first = await mail.sink.waitForMail((m) => m.to.includes(email));
    const [org] = await t.db.select({ name: organization.name }).from(organization).where(eq(organization.id, team.organizationId));
    expect(first.subject).toBe(`${team.owner.email} invited you to join ${org!.name}`);
    expect(mail.sink.linkIn(first, '/invitations/accept')).toMatch(/^http:\/\/localhost:3000\/invitations\/accept\?token=/);
    const firstToken = tokenIn(first);
    expect(await previewInvitation(t.db, firstToken)).toMatchObject({ state: 'open', email, role: 'admin' });

    await executeAction(userActor(team.owner), resendInvitation, { invitationId: invitation.id });
    const second = await mail.sink.waitForMail((m) => m.to.includes(email) && m !== first);
    const secondToken = tokenIn(second);
    expect(secondToken).not.toBe(firstToken);
    expect(await previewInvitation(t.db, secondToken)).toMatchObject({ state: 'open', email });
    expect(await previewInvitation(t.db, firstToken)).toEqual({ state: 'invalid' });

    const events = await eventsOf(t.db, team.organizationId);
    expect(events.map((e) => e.type)).toEqual(['team.member_invited', 'team.invitation_resent']);
    for (const token of [firstToken, secondToken]) expect(JSON.stringify(events)).not.toContain(token);
    const sent = async () => (await t.db.select().from(deliveries).where(inArray(deliveries.eventId, events.map((e) => e.id)))).map((d) => [d.channel, d.target, d.status]);
    await expect.poll(sent, { timeout: 10_000 }).toEqual([
      ['email', `email:${email}`, 'delivered'],
      ['email', `email:${email}`, 'delivered'],
    ]);
  });

  it('issues no link for an invitation that is no longer open (revoked or expired before its mail goes out)', async () => {
    const team = await seedTeam(t.db);
    const revoked = await executeAction(userActor(team.owner), inviteMember, { email: `revoked-${Date.now()}@example.test`, role: 'member' });
    await executeAction(userActor(team.owner), revokeInvitation, { invitationId: revoked.invitation.id });
    const expired = await executeAction(userActor(team.owner), inviteMember, { email: `expired-${Date.now()}@example.test`, role: 'member' });
    await t.db.update(invitation).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitation.id, expired.invitation.id));
    const [before] = await t.db.select({ tokenHash: invitation.tokenHash }).from(invitation).where(eq(invitation.id, expired.invitation.id));

    expect(await issueInvitationMail(t.db, revoked.invitation.id)).toBeNull();
    expect(await issueInvitationMail(t.db, expired.invitation.id)).toBeNull();
    expect(await t.db.select({ tokenHash: invitation.tokenHash }).from(invitation).where(eq(invitation.id, expired.invitation.id))).toEqual([before]);
  });

  it('a refused invitation mails nothing', async () => {
    const team = await seedTeam(t.db, ['viewer']);
    const email = `refused-${Date.now()}@example.test`;
    await expect(executeAction(userActor(team.members[0]!), inviteMember, { email, role: 'member' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(executeAction(userActor(team.owner), inviteMember, { email: team.owner.email, role: 'member' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await eventsOf(t.db, team.organizationId)).toEqual([]);
    expect(mail.sink.messages.filter((m) => m.to.includes(email) || m.to.includes(team.owner.email))).toEqual([]);
  });
});

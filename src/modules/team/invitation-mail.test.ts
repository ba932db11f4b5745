import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../../tests/support/smtp-sink';
import { seedTeam } from '../../../tests/support/team-fixtures';
import { useTestDatabase, userActor } from '../../../tests/support/test-db';
import { executeAction } from '@/platform/actions/execute';
import { resetConfigForTests } from '@/platform/config';
import { organization } from '@/platform/tenancy/schema';
import { inviteMember, resendInvitation } from './actions';
import { invitationMail } from './invitation-mail';

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

describe('inviting mails the link, as part of the action', () => {
  const t = useTestDatabase();
  let sink: SmtpSink;
  const saved = process.env.SMTP_URL;

  beforeAll(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    resetConfigForTests();
  });

  afterAll(async () => {
    await sink.close();
    if (saved === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = saved;
    resetConfigForTests();
  });

  it('sends the invitee a link whose token is the invitation’s, once it is committed; a resend sends a fresh one', async () => {
    const team = await seedTeam(t.db);
    const email = `invited-${Date.now()}@example.test`;
    const { invitation, token } = await executeAction(userActor(team.owner), inviteMember, { email, role: 'admin' });

    const mail = await sink.waitForMail((m) => m.to.includes(email));
    const [org] = await t.db.select({ name: organization.name }).from(organization).where(eq(organization.id, team.organizationId));
    expect(mail.subject).toBe(`${team.owner.email} invited you to join ${org!.name}`);
    expect(sink.linkIn(mail, '/invitations/accept')).toBe(`http://localhost:3000/invitations/accept?token=${encodeURIComponent(token)}`);

    const resent = await executeAction(userActor(team.owner), resendInvitation, { invitationId: invitation.id });
    const second = await sink.waitForMail((m) => m.to.includes(email) && m !== mail);
    expect(sink.linkIn(second, '/invitations/accept')).toContain(encodeURIComponent(resent.token));
  });

  it('a refused invitation mails nothing', async () => {
    const team = await seedTeam(t.db, ['viewer']);
    const email = `refused-${Date.now()}@example.test`;
    await expect(executeAction(userActor(team.members[0]!), inviteMember, { email, role: 'member' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(executeAction(userActor(team.owner), inviteMember, { email: team.owner.email, role: 'member' })).rejects.toMatchObject({ code: 'conflict' });
    expect(sink.messages.filter((m) => m.to.includes(email) || m.to.includes(team.owner.email))).toEqual([]);
  });
});

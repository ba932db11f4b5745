import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedInOwner } from '../../../tests/support/account-fixtures';
import { useMailDelivery, useSmtpSink } from '../../../tests/support/mail-fixtures';
import { eventsOf } from '../../../tests/support/team-fixtures';
import { seedUser, useTestDatabase } from '../../../tests/support/test-db';
import { executeAction } from '@/platform/actions/execute';
import { getAuth } from '@/platform/auth/auth';
import { user } from '@/platform/auth/schema';
import { changeEmail } from './actions';

const t = useTestDatabase();
const mail = useSmtpSink();
useMailDelivery(t);

const newAddress = () => `moved-${randomUUID().slice(0, 8)}@example.test`;

describe('the mail that confirms a new address is the consumer of account.email_change_requested', () => {
  it('mails the new address a link made at delivery (in no event) that Better Auth accepts, and the old one the notice', async () => {
    const { actor, headers } = await signedInOwner(t.db);
    const newEmail = newAddress();
    await executeAction(actor, changeEmail, { newEmail }, { headers });

    const confirm = await mail.sink.waitForMail((m) => m.to.includes(newEmail));
    expect(confirm.subject).toBe('Confirm your new email address');
    const notice = await mail.sink.waitForMail((m) => m.to.includes(actor.email) && m.subject === 'A change of your email address was requested');
    expect(notice.text).toContain(actor.email);
    const link = mail.sink.linkIn(confirm, '/api/auth/verify-email');
    const token = new URL(link).searchParams.get('token')!;
    expect(JSON.stringify(await eventsOf(t.db, actor.organizationId!))).not.toContain(token);
    // Better Auth itself mailed nothing when it was asked (the only mail to the new address is ours).
    expect(mail.sink.messages.filter((m) => m.to.includes(newEmail))).toHaveLength(1);

    // Followed as the browser does: Better Auth's own endpoint checks the link and changes the address.
    const followed = await (await getAuth()).handler(new Request(link, { headers }));
    expect(followed.status).toBeLessThan(400);
    expect(new URL(followed.headers.get('location')!, link).pathname + new URL(followed.headers.get('location')!, link).search).toBe('/account?notice=email-changed');
    const [row] = await t.db.select({ email: user.email }).from(user).where(eq(user.id, actor.userId));
    expect(row!.email).toBe(newEmail);
  });

  it('mails nothing to an address that is someone else\'s already, as Better Auth would not', async () => {
    const { actor, headers } = await signedInOwner(t.db);
    const someone = await seedUser(t.db);
    await executeAction(actor, changeEmail, { newEmail: someone.email }, { headers });
    await mail.sink.waitForMail((m) => m.to.includes(actor.email) && m.subject === 'A change of your email address was requested');
    expect(mail.sink.messages.filter((m) => m.to.includes(someone.email))).toEqual([]);
  });
});

import { eq, sql } from 'drizzle-orm';
import { changeEmailLink } from '@/platform/auth/change-email-link';
import { user } from '@/platform/auth/schema';
import type { Db } from '@/platform/db/types';
import { changeEmailMail, type MailTemplate } from '@/platform/mail/templates';

/**
 * The mail that confirms a new address, for the consumer of `account.email_change_requested`: its
 * link is made now, so no link is in the outbox (whose payloads go to the host's webhooks). Null, as
 * Better Auth itself would send nothing, when the address is someone's already, or when the person's
 * address is no longer the one they asked to change (changed since, or the person is gone).
 */
export async function changeEmailVerificationMail(db: Db, request: { userId: string; email: string; newEmail: string }): Promise<{ to: string; mail: MailTemplate } | null> {
  const [person] = await db.select({ email: user.email, name: user.name }).from(user).where(eq(user.id, request.userId));
  if (!person || person.email.toLowerCase() !== request.email.toLowerCase()) return null;
  const [taken] = await db.select({ id: user.id }).from(user).where(eq(sql`lower(${user.email})`, request.newEmail.toLowerCase()));
  if (taken) return null;
  const url = await changeEmailLink(person.email, request.newEmail);
  return { to: request.newEmail, mail: changeEmailMail({ name: person.name, newEmail: request.newEmail, url }) };
}

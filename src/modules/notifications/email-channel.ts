import { eq } from 'drizzle-orm';
import { eventCatalog, type Audience } from '@config/events';
import { billingEmailOf } from '@/modules/billing/service';
import { changeEmailVerificationMail } from '@/modules/account/service';
import { issueInvitationMail } from '@/modules/team/service';
import { user } from '@/platform/auth/schema';
import { getDb } from '@/platform/db/client';
import type { Db } from '@/platform/db/types';
import { registerChannel, type Channel, type DeliveryEvent, type DeliveryOutcome } from '@/platform/jobs/channels';
import { sendMail } from '@/platform/mail/send-mail';
import type { MailTemplate } from '@/platform/mail/templates';
import { organization } from '@/platform/tenancy/schema';
import { actorOf } from './email-actor';
import { hasEmailTemplate, notificationMail, type MailRecipient } from './email-templates';
import { peopleWanting } from './preferences';
import { peopleConcerned } from './recipients';

export const EMAIL_CHANNEL = 'email';
/** Seconds between attempts: an SMTP server down for an afternoon still gets every mail. */
export const EMAIL_RETRY_SCHEDULE = [30, 120, 600, 1800, 7200, 21600] as const;

type OwnMail = { to: string; mail: MailTemplate } | null;
/**
 * Mails that are an event's purpose, not a notification: to the address the event names (`address`),
 * whatever the catalog's channels or anyone's preferences. Each makes its link when it goes out, so
 * that no token is in the outbox; null: nothing to send any more (the invitation was revoked since…).
 */
const ownMails: Record<string, { address: string; compose(db: Db, payload: Record<string, unknown>): Promise<OwnMail> }> = {
  'team.member_invited': { address: 'email', compose: (db, payload) => issueInvitationMail(db, String(payload.invitationId)) },
  'team.invitation_resent': { address: 'email', compose: (db, payload) => issueInvitationMail(db, String(payload.invitationId)) },
  'account.email_change_requested': {
    address: 'newEmail',
    compose: (db, payload) => changeEmailVerificationMail(db, { userId: String(payload.userId), email: String(payload.email), newEmail: String(payload.newEmail) }),
  },
};

function ownMailOf(event: DeliveryEvent) {
  const own = Object.hasOwn(ownMails, event.type) ? ownMails[event.type] : undefined;
  const address = own ? text(event.payload, own.address) : null;
  return own && address ? { ...own, target: `${ADDRESS}${address}` } : null;
}

const PERSON = 'user:';
const ADDRESS = 'email:';

function text(payload: Record<string, unknown>, key: string): string | null {
  const value = payload[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The addresses of the event's audiences that are not people (the billing email), read in the relay's transaction. */
async function audienceAddresses(event: DeliveryEvent & { organizationId: string }, audiences: readonly Audience[], tx: Db): Promise<string[]> {
  const addresses: (string | null)[] = [];
  if (audiences.includes('billing_email')) addresses.push(await billingEmailOf(tx, event.organizationId));
  if (audiences.includes('old_and_new_billing_email')) {
    const change = (event.payload.billingEmail ?? {}) as { from?: string | null; to?: string | null };
    addresses.push(change.from ?? null, change.to ?? null);
  }
  return addresses.filter((address) => address !== null);
}

/**
 * One target per mail: `user:<id>` for each person concerned who wants this event by email, and
 * `email:<address>` for each audience address that is nobody concerned's own (such a person's choice
 * decides for their address), each address once.
 */
async function targetsOf(event: DeliveryEvent, tx: Db): Promise<string[]> {
  const own = ownMailOf(event);
  return [...(own ? [own.target] : []), ...(await notificationTargets(event, tx))];
}

async function notificationTargets(event: DeliveryEvent, tx: Db): Promise<string[]> {
  if (!event.organizationId || !hasEmailTemplate(event.type)) return [];
  const type = event.type;
  if (!(eventCatalog[type].channels as readonly string[]).includes('email')) return [];
  const people = await peopleConcerned(event, tx);
  const wanting = await peopleWanting(tx, event.organizationId, type, 'email', people.map((p) => p.userId));
  const taken = new Set(people.map((p) => p.email.toLowerCase()));
  const addresses = new Map<string, string>();
  for (const address of await audienceAddresses({ ...event, organizationId: event.organizationId }, eventCatalog[type].people, tx)) {
    const key = address.toLowerCase();
    if (!taken.has(key) && !addresses.has(key)) addresses.set(key, address);
  }
  return [...wanting.map((id) => `${PERSON}${id}`), ...[...addresses.values()].map((address) => `${ADDRESS}${address}`)];
}

async function organizationNameOf(db: Db, organizationId: string | null): Promise<string> {
  if (!organizationId) return 'your organization';
  const [row] = await db.select({ name: organization.name }).from(organization).where(eq(organization.id, organizationId));
  return row?.name ?? 'your organization';
}

/** Where a person's mail goes: their address now, except a notice about their address, which goes to the one they had. */
function addressOfPerson(event: DeliveryEvent, current: string): string {
  return event.type === 'account.email_change_requested' ? (text(event.payload, 'email') ?? current) : current;
}

async function deliverMail(event: DeliveryEvent, target: string): Promise<DeliveryOutcome> {
  const db = await getDb();
  const own = ownMailOf(event);
  if (own && own.target === target) {
    const composed = await own.compose(db, event.payload);
    if (!composed) return { response: 'not sent: no longer wanted' };
    await sendMail({ to: composed.to, ...composed.mail });
    return { response: 'sent' };
  }
  let to: string;
  let recipient: MailRecipient;
  if (target.startsWith(PERSON)) {
    const [person] = await db.select({ email: user.email, name: user.name }).from(user).where(eq(user.id, target.slice(PERSON.length)));
    if (!person) return { response: 'not sent: the person no longer exists' };
    to = addressOfPerson(event, person.email);
    recipient = { kind: 'person', name: person.name };
  } else if (target.startsWith(ADDRESS)) {
    to = target.slice(ADDRESS.length);
    recipient = { kind: 'address' };
  } else {
    throw new Error(`unknown email target ${target}`);
  }
  const mail = notificationMail({ event, recipient, organizationName: await organizationNameOf(db, event.organizationId), actor: await actorOf(db, event) });
  if (!mail) return { response: `not sent: no email template for ${event.type}` };
  await sendMail({ to, ...mail });
  return { response: 'sent' };
}

/** The email channel: notifications to the people concerned and the billing email, and the mails events exist for (invitation, new address). */
export function emailChannel(retrySchedule: readonly number[] = EMAIL_RETRY_SCHEDULE): Channel {
  return { targets: targetsOf, deliver: deliverMail, retrySchedule };
}

export function registerEmailChannel(): void {
  registerChannel(EMAIL_CHANNEL, emailChannel());
}


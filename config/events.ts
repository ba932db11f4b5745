// THE event catalog: every event the portal emits, with the `data` it carries, who cares, the
// channels it goes out on by default and whether a customer may switch it off. Actions emit through
// `ctx.emit`, which takes only these types and payloads; notifications, outbound webhooks, the
// preferences screen and the README's event table (`npm run events:doc`) read this file.
import { z } from 'zod';
import { apiKeyScopeNames } from './api-keys';
import { roles } from './permissions';
import { meterIds, type Meter } from './usage';

/**
 * The customer people an event concerns, resolved when it is delivered:
 * - `owner`: the organization's owner (after a transfer, the new one);
 * - `previous_owner`: the owner before an ownership transfer;
 * - `admins`: the members with the admin role;
 * - `billing_contacts`: the members with the billing role;
 * - `billing_email`: the billing email on file (a person or not);
 * - `old_and_new_billing_email`: both addresses when the billing email changed;
 * - `member_acted_on`: the member the event is about (role changed, removed);
 * - `actor`: whoever did it;
 * - `ticket_requester`: the member who opened the ticket (payload `userId`; none when the host filed it).
 */
export const audiences = ['owner', 'previous_owner', 'admins', 'billing_contacts', 'billing_email', 'old_and_new_billing_email', 'member_acted_on', 'actor', 'ticket_requester'] as const;
export type Audience = (typeof audiences)[number];

/** `email` and `in_app` reach the event's `people`; `slack` the support team; `webhook` the host's endpoints. */
export const channels = ['email', 'in_app', 'slack', 'webhook'] as const;
export type Channel = (typeof channels)[number];

export type EventDefinition = {
  label: string;
  data: z.ZodType<Record<string, unknown>>;
  /** The support team gets it by default (Slack, support email, the console's timeline). */
  supportTeam: boolean;
  people: readonly Audience[];
  channels: readonly Channel[];
  /** A security notice: the customer cannot switch it off. */
  locked: boolean;
};

const id = z.string().min(1);
const role = z.enum(roles);
const meter = z.enum(meterIds as [Meter, ...Meter[]]);
const organizationEvent = z.strictObject({ organizationId: id, source: z.enum(['handoff', 'host', 'sign_up']) });
const taxIdEvent = z.strictObject({
  organizationId: id,
  taxId: z.strictObject({ id, type: z.string(), value: z.string(), verification: z.string() }),
});
/** An invoice event mirrored from a Stripe webhook. */
const stripeInvoiceEvent = z.strictObject({
  organizationId: id,
  invoiceId: id.nullable(),
  stripeInvoiceId: id,
  number: z.string().nullable(),
  status: z.string(),
  total: z.number().int(),
  currency: z.string(),
  stripeEventId: z.string().nullable(),
});
const staffPaidEvent = z.strictObject({
  organizationId: id,
  invoiceId: id,
  number: z.string().nullable(),
  total: z.number().int(),
  currency: z.string(),
  source: z.literal('staff'),
  reference: z.string().optional(),
});

const correctionEvent = z.strictObject({ organizationId: id, correctionId: id, invoiceId: id, number: z.string().nullable() });

const ticketEvent = z.strictObject({ ticketId: id, number: z.number().int(), subject: z.string() });

const webhookOnly = { supportTeam: false, people: [], channels: ['webhook'], locked: false } as const;
const securityNotice = { supportTeam: false, channels: ['email', 'in_app', 'webhook'], locked: true } as const;

export const eventCatalog = {
  'organization.created': { label: 'Organization created', data: organizationEvent, ...webhookOnly },
  'organization.updated': { label: 'Organization updated by the host', data: organizationEvent.extend({ source: z.literal('host') }), ...webhookOnly },
  'user.profile_updated': { label: 'Profile updated', data: z.strictObject({ userId: id }), ...webhookOnly },
  // Security notices to the person themselves (for an email change, while the old address is still theirs).
  // `email`: the address at the time of the request, the one the notice goes to (the person may have
  // confirmed the new one since); `newEmail`: where the confirmation link goes (the event's consumer makes it).
  'account.email_change_requested': { label: 'Email change requested', data: z.strictObject({ userId: id, email: z.string(), newEmail: z.string() }), people: ['actor'], ...securityNotice },
  'account.password_changed': { label: 'Password changed', data: z.strictObject({ userId: id }), people: ['actor'], ...securityNotice },
  'account.two_factor_disabled': { label: 'Two-factor turned off', data: z.strictObject({ userId: id }), people: ['actor'], ...securityNotice },

  'team.member_invited': {
    label: 'Member invited',
    data: z.strictObject({ invitationId: id, email: z.string(), role }),
    supportTeam: false,
    people: ['owner', 'admins'],
    channels: ['in_app', 'webhook'],
    locked: false,
  },
  // The invitation mail is these events' own consumer (src/modules/notifications/email-channel.ts), not a notification.
  'team.invitation_resent': { label: 'Invitation resent', data: z.strictObject({ invitationId: id, email: z.string(), role }), ...webhookOnly },
  'team.invitation_revoked': { label: 'Invitation revoked', data: z.strictObject({ invitationId: id, email: z.string() }), ...webhookOnly },
  'team.member_joined': {
    label: 'Member joined',
    data: z.union([
      z.strictObject({ memberId: id, userId: id, role, invitationId: id }),
      z.strictObject({ organizationId: id, userId: id, source: z.literal('handoff') }),
    ]),
    supportTeam: false,
    people: ['owner', 'admins'],
    channels: ['in_app', 'webhook'],
    locked: false,
  },
  'team.member_role_changed': {
    label: 'Member role changed',
    data: z.strictObject({ memberId: id, userId: id, from: role, to: role }),
    supportTeam: false,
    people: ['member_acted_on'],
    channels: ['email', 'in_app', 'webhook'],
    locked: false,
  },
  'team.member_removed': {
    label: 'Member removed or left',
    data: z.strictObject({ memberId: id, userId: id, role, left: z.literal(true).optional() }),
    supportTeam: true,
    people: ['member_acted_on'],
    channels: ['email', 'slack', 'webhook'],
    locked: false,
  },
  'team.ownership_transferred': {
    label: 'Ownership transferred',
    data: z.strictObject({ from: id, to: id }),
    people: ['owner', 'previous_owner'],
    ...securityNotice,
  },

  'api_key.created': {
    label: 'API key created',
    data: z.strictObject({ keyId: id, prefix: z.string(), name: z.string(), scopes: z.array(z.enum(apiKeyScopeNames)) }),
    people: ['owner', 'admins'],
    ...securityNotice,
  },
  'api_key.rotated': {
    label: 'API key rotated',
    data: z.strictObject({ keyId: id, prefix: z.string(), previousKeyId: id, previousPrefix: z.string(), previousExpiresAt: z.iso.datetime() }),
    people: ['owner', 'admins'],
    ...securityNotice,
  },
  'api_key.revoked': {
    label: 'API key revoked',
    data: z.strictObject({ keyId: id, prefix: z.string() }),
    people: ['owner', 'admins'],
    ...securityNotice,
  },

  'billing.details_changed': {
    label: 'Billing details changed',
    // `billingEmail`: the address before and after (the same when it did not change), both mailed.
    data: z.strictObject({ organizationId: id, fields: z.array(z.string()), billingEmail: z.strictObject({ from: z.string().nullable(), to: z.string().nullable() }) }),
    supportTeam: false,
    people: ['owner', 'old_and_new_billing_email'],
    channels: ['email', 'in_app', 'webhook'],
    locked: false,
  },
  'billing.tax_id_added': { label: 'Tax ID added', data: taxIdEvent, supportTeam: false, people: ['owner'], channels: ['in_app', 'webhook'], locked: false },
  'billing.tax_id_removed': { label: 'Tax ID removed', data: taxIdEvent, supportTeam: false, people: ['owner'], channels: ['in_app', 'webhook'], locked: false },
  'subscription.changed': {
    label: 'Plan or subscription changed',
    data: z.strictObject({
      organizationId: id,
      subscriptionId: z.string().nullable(),
      status: z.string().nullable(),
      plan: z.string().nullable(),
      cancelAtPeriodEnd: z.boolean(),
      stripeEventId: z.string().nullable(),
    }),
    supportTeam: true,
    people: ['owner', 'billing_contacts'],
    channels: ['in_app', 'slack', 'webhook'],
    locked: false,
  },

  'invoice.issued': {
    label: 'Invoice issued',
    data: z.strictObject({ organizationId: id, invoiceId: id, number: z.string().nullable(), total: z.number().int(), currency: z.string() }),
    supportTeam: false,
    people: ['owner', 'billing_contacts'],
    channels: ['in_app', 'webhook'],
    locked: false,
  },
  'invoice.payment_reported': {
    label: 'Bank transfer reported',
    data: z.strictObject({
      organizationId: id,
      invoiceId: id,
      number: z.string().nullable(),
      reference: z.string(),
      paidAt: z.iso.date(),
      amount: z.number().int(),
      reportedAt: z.iso.datetime(),
      reportedBy: z.string(),
    }),
    supportTeam: true,
    people: [],
    channels: ['slack', 'webhook'],
    locked: false,
  },
  'invoice.paid': {
    label: 'Invoice paid',
    data: z.union([stripeInvoiceEvent, staffPaidEvent]),
    supportTeam: false,
    people: ['owner', 'billing_contacts'],
    channels: ['in_app', 'webhook'],
    locked: false,
  },
  'invoice.payment_failed': {
    label: 'Invoice payment failed',
    data: stripeInvoiceEvent,
    supportTeam: true,
    people: ['owner', 'billing_email'],
    channels: ['email', 'in_app', 'slack', 'webhook'],
    locked: false,
  },

  // A customer's request to reissue an invoice with the bill-to details on file now.
  'invoice_correction.requested': {
    label: 'Invoice correction awaiting approval',
    data: correctionEvent,
    supportTeam: true,
    people: ['actor'],
    channels: ['email', 'in_app', 'slack', 'webhook'],
    locked: false,
  },
  'invoice_correction.issued': {
    label: 'Corrected invoice issued',
    data: correctionEvent.extend({ revision: z.number().int().min(2) }),
    supportTeam: true,
    people: ['owner', 'billing_contacts'],
    channels: ['email', 'in_app', 'slack', 'webhook'],
    locked: false,
  },
  'invoice_correction.approved': {
    label: 'Invoice correction approved',
    data: correctionEvent.extend({ staffId: id }),
    supportTeam: true,
    people: [],
    channels: ['slack', 'webhook'],
    locked: false,
  },
  'invoice_correction.completed': {
    label: 'Invoice replaced with corrected details',
    data: correctionEvent.extend({ creditNoteId: id, replacementStripeInvoiceId: id }),
    supportTeam: true,
    people: ['owner', 'billing_contacts'],
    channels: ['email', 'in_app', 'slack', 'webhook'],
    locked: false,
  },

  // The message goes out too: the host's issue tracker (through a webhook) and the support team want it.
  'feedback.submitted': {
    label: 'Feedback sent',
    data: z.strictObject({
      organizationId: id,
      feedbackId: id,
      userId: id,
      kind: z.enum(['bug', 'idea', 'question']),
      page: z.string().startsWith('/account'),
      message: z.string().min(1).max(5000),
    }),
    supportTeam: true,
    people: [],
    channels: ['slack', 'webhook'],
    locked: false,
  },

  'usage.threshold_reached': {
    label: 'Usage threshold reached',
    data: z.strictObject({
      organizationId: id,
      meter,
      threshold: z.number().int(),
      used: z.number(),
      limit: z.number(),
      period: z.strictObject({ start: z.iso.date(), end: z.iso.date() }),
    }),
    supportTeam: true,
    people: ['owner', 'admins', 'billing_contacts'],
    channels: ['email', 'in_app', 'slack', 'webhook'],
    locked: false,
  },

  // Support tickets. Internal staff notes emit nothing.
  'ticket.created': {
    label: 'Support ticket opened',
    data: ticketEvent.extend({ category: z.string().nullable(), source: z.enum(['portal', 'host']), autoAnswered: z.boolean() }),
    supportTeam: true,
    people: [],
    channels: ['slack', 'webhook'],
    locked: false,
  },
  'ticket.customer_replied': { label: 'Customer replied to a ticket', data: ticketEvent.extend({ reopened: z.boolean() }), supportTeam: true, people: [], channels: ['slack', 'webhook'], locked: false },
  'ticket.staff_replied': {
    label: 'Support replied to your ticket',
    // `userId`: who opened it (null when the host filed it for someone without a sign-in); `body`: the reply, quoted in the mail.
    data: ticketEvent.extend({ userId: id.nullable(), staffName: z.string(), body: z.string() }),
    supportTeam: false,
    people: ['ticket_requester'],
    channels: ['email', 'in_app', 'webhook'],
    locked: false,
  },
  'ticket.solved': {
    label: 'Support ticket solved',
    // `deflected`: the customer solved it with the auto-answer's screen, never asking for a person.
    data: ticketEvent.extend({ by: z.enum(['customer', 'staff']), deflected: z.boolean() }),
    supportTeam: true,
    people: [],
    channels: ['slack', 'webhook'],
    locked: false,
  },
  'ticket.rated': { label: 'Support ticket rated', data: ticketEvent.extend({ rating: z.enum(['good', 'bad']) }), supportTeam: true, people: [], channels: ['slack', 'webhook'], locked: false },

  // The portal's own operation, for the support team (and the host's other endpoints, like every event).
  'webhook_endpoint.disabled': {
    label: 'Webhook endpoint disabled after 5 days of failures',
    data: z.strictObject({ endpointId: id, url: z.string(), failingSince: z.iso.datetime() }),
    supportTeam: true,
    people: [],
    channels: ['slack', 'webhook'],
    locked: false,
  },
} as const satisfies Record<string, EventDefinition>;

export type EventCatalog = typeof eventCatalog;
export type EventType = keyof EventCatalog;
/** What an emitter passes for `type`. */
export type EventData<T extends EventType> = z.input<EventCatalog[T]['data']>;

export const eventTypes = Object.keys(eventCatalog) as EventType[];

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(eventCatalog, value);
}

/** The payload checked against the catalog; throws on an unknown type or a payload its schema refuses. */
export function eventDataOf(type: string, payload: unknown): Record<string, unknown> {
  if (!isEventType(type)) throw new Error(`Unknown event type "${type}": add it to config/events.ts.`);
  const parsed = eventCatalog[type].data.safeParse(payload);
  if (!parsed.success) throw new Error(`The payload of "${type}" does not match config/events.ts: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

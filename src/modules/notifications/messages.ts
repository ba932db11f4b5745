import type { z } from 'zod';
import { eventCatalog, type EventCatalog, type EventType } from '@config/events';
import { meters } from '@config/usage';
import { formatDate } from '@/ui/date';
import { formatMoney } from '@/ui/money';

/** What the bell lists for one event: never a secret, a link to the screen concerned (a route-tree path). */
export type Message = { title: string; body: string; link: string };

/** The events that reach customer people: only these can become an in-app notification. */
export type PersonalEventType = { [T in EventType]: EventCatalog[T]['people'] extends readonly [] ? never : T }[EventType];

type Presenters = { [T in PersonalEventType]: (data: z.output<EventCatalog[T]['data']>) => Message };

const numbers = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

const fieldNames: Record<string, string> = { billingEmail: 'billing email', companyName: 'company name', address: 'address' };

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function invoiceLink(invoiceId: string | null): string {
  return invoiceId ? `/account/invoices/${encodeURIComponent(invoiceId)}` : '/account/invoices';
}

const invoiceRef = (number: string | null) => (number ? `invoice ${number}` : 'an invoice');

function invoiceName(number: string | null): string {
  return number ? `Invoice ${number}` : 'An invoice';
}

const security = (body: string): Message => ({ title: '', body: `${body} If this was not you, change your password and contact your administrator.`, link: '/account' });

const presenters: Presenters = {
  'account.email_change_requested': () => security('A change of your sign-in email was requested.'),
  'account.password_changed': () => security('Your password was changed and your other sessions were signed out.'),
  'account.two_factor_disabled': () => security('Two-factor authentication was turned off for your account.'),
  'team.member_invited': (d) => ({ title: '', body: `${d.email} was invited as ${d.role}.`, link: '/account/team' }),
  'team.member_joined': (d) => ({ title: '', body: 'role' in d ? `A new member joined as ${d.role}.` : 'A new member joined through your product.', link: '/account/team' }),
  'team.member_role_changed': (d) => ({ title: 'Your role changed', body: `Your role is now ${d.to} (it was ${d.from}).`, link: '/account' }),
  'team.member_removed': (d) => ({ title: '', body: d.left ? 'You left the organization.' : 'You were removed from the organization.', link: '/account' }),
  'team.ownership_transferred': () => ({ title: '', body: 'The ownership of the organization was transferred.', link: '/account/team' }),
  'api_key.created': (d) => ({ title: '', body: `The API key “${d.name}” (${d.prefix}…) was created with ${d.scopes.length ? `the ${list(d.scopes)} scope${d.scopes.length === 1 ? '' : 's'}` : 'no scopes'}.`, link: '/account/api-keys' }),
  'api_key.rotated': (d) => ({ title: '', body: `The API key ${d.previousPrefix}… was replaced by ${d.prefix}…; the old one works until ${formatDate(d.previousExpiresAt)}.`, link: '/account/api-keys' }),
  'api_key.revoked': (d) => ({ title: '', body: `The API key ${d.prefix}… was revoked and no longer works.`, link: '/account/api-keys' }),
  'billing.details_changed': (d) => {
    const changed = d.fields.map((f) => fieldNames[f] ?? f);
    return { title: '', body: changed.length ? `The ${list(changed)} on file ${changed.length === 1 ? 'was' : 'were'} updated.` : 'The billing details were updated.', link: '/account/billing' };
  },
  'billing.tax_id_added': (d) => ({ title: '', body: `The tax ID ${d.taxId.value} was added.`, link: '/account/billing' }),
  'billing.tax_id_removed': (d) => ({ title: '', body: `The tax ID ${d.taxId.value} was removed.`, link: '/account/billing' }),
  'subscription.changed': (d) => ({
    title: '',
    body: d.cancelAtPeriodEnd ? 'The subscription cancels at the end of the period.' : d.plan ? `The subscription is now on the ${d.plan} plan${d.status ? ` (${d.status})` : ''}.` : 'The subscription changed.',
    link: '/account/billing',
  }),
  'invoice.issued': (d) => ({ title: '', body: `${invoiceName(d.number)} for ${formatMoney(d.total, d.currency)} was issued.`, link: invoiceLink(d.invoiceId) }),
  'invoice.paid': (d) => ({ title: '', body: `${invoiceName(d.number)} for ${formatMoney(d.total, d.currency)} was paid. Thank you.`, link: invoiceLink(d.invoiceId) }),
  'invoice.payment_failed': (d) => ({
    title: '',
    body: `The payment for ${d.number ? `invoice ${d.number}` : 'an invoice'} of ${formatMoney(d.total, d.currency)} failed. Update the card on Billing to avoid an interruption.`,
    link: '/account/billing',
  }),
  'invoice_correction.requested': (d) => ({
    title: '',
    body: `Your request to correct the billing details on ${invoiceRef(d.number)} awaits approval by the support team.`,
    link: invoiceLink(d.invoiceId),
  }),
  'invoice_correction.issued': (d) => ({ title: '', body: `A corrected copy of ${invoiceRef(d.number)} (revision ${d.revision}) was issued with the billing details on file.`, link: invoiceLink(d.invoiceId) }),
  'invoice_correction.completed': (d) => ({
    title: '',
    body: `${invoiceName(d.number)} was credited in full and replaced by a new invoice with the billing details on file.`,
    link: '/account/invoices',
  }),
  'ticket.staff_replied': (d) => ({
    title: `Support replied to ticket #${d.number}`,
    body: `${d.staffName} answered “${d.subject}”.`,
    link: `/account/support/${encodeURIComponent(d.ticketId)}`,
  }),
  'usage.threshold_reached': (d) => {
    const meter = meters[d.meter];
    const reached = d.threshold >= 100;
    return {
      title: reached ? `${meter.label} limit reached` : `${meter.label} at ${d.threshold} % of the limit`,
      body: `${numbers.format(d.used)} of ${numbers.format(d.limit)} ${meter.unit} used this billing period (it renews on ${formatDate(d.period.end)}). ${reached ? 'Upgrade your plan to keep going.' : 'Upgrade your plan before you reach it.'}`,
      link: '/account/usage',
    };
  },
};

function isPersonal(type: string): type is PersonalEventType {
  return Object.hasOwn(presenters, type);
}

/**
 * The notification of an event, or null for an event that reaches no customer person. An empty title
 * is the catalog's label; a payload its schema no longer takes (an older event) gets the label alone.
 */
export function messageOf(type: string, payload: Record<string, unknown>): Message | null {
  if (!isPersonal(type)) return null;
  const label = eventCatalog[type].label;
  const parsed = eventCatalog[type].data.safeParse(payload);
  if (!parsed.success) return { title: label, body: '', link: '/account' };
  const message = (presenters[type] as (data: unknown) => Message)(parsed.data);
  return { ...message, title: message.title || label };
}

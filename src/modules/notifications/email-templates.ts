import { eventCatalog, type EventType } from '@config/events';
import { meters, type Meter } from '@config/usage';
import type { DeliveryEvent } from '@/platform/jobs/channels';
import { portalUrlFor } from '@/platform/http/portal-url';
import { renderMail, type MailContent } from '@/platform/mail/layout';
import type { MailTemplate } from '@/platform/mail/templates';
import { formatDateRange } from '@/ui/date';
import { formatMoney } from '@/ui/money';

/** Who a notification mail goes to: a person (by name), or an address that is no one's sign-in (the billing email). */
export type MailRecipient = { kind: 'person'; name: string } | { kind: 'address' };

export type MailFacts = { event: DeliveryEvent; recipient: MailRecipient; organizationName: string; actor: string | null };

/** What a notice says; the greeting, who did it, the link and the footer are the same for all. */
type Notice = { subject: string; lines: string[]; link: { label: string; path: string } };

const str = (payload: Record<string, unknown>, key: string): string => String(payload[key] ?? '');

function actorLine(actor: string | null, verb: string): string[] {
  return actor ? [`${verb} by ${actor}.`] : [];
}

const notices: Partial<Record<EventType, (facts: MailFacts) => Notice>> = {
  'account.email_change_requested': ({ event }) => ({
    subject: 'A change of your email address was requested',
    lines: [
      `Someone signed in to your account asked to change its email address from ${str(event.payload, 'email')}. The change takes effect only once the new address is confirmed.`,
      'If this was not you, change your password now and review your sessions.',
    ],
    link: { label: 'Review your account', path: '/account' },
  }),
  'account.password_changed': () => ({
    subject: 'Your password was changed',
    lines: ['The password of your account was just changed, and your other sessions were signed out.', 'If this was not you, reset your password now.'],
    link: { label: 'Review your account', path: '/account' },
  }),
  'account.two_factor_disabled': () => ({
    subject: 'Two-factor authentication was turned off',
    lines: ['Two-factor authentication was turned off for your account: signing in now needs your password only.', 'If this was not you, change your password and turn it on again.'],
    link: { label: 'Review your account', path: '/account' },
  }),
  'team.member_role_changed': ({ event, organizationName, actor }) => ({
    subject: `Your role in ${organizationName} is now ${str(event.payload, 'to')}`,
    lines: [`Your role in ${organizationName} changed from ${str(event.payload, 'from')} to ${str(event.payload, 'to')}.`, ...actorLine(actor, 'Changed')],
    link: { label: 'Open your team', path: '/account/team' },
  }),
  'team.member_removed': ({ event, organizationName, actor }) =>
    event.payload.left
      ? { subject: `You left ${organizationName}`, lines: [`You left ${organizationName}; you no longer have access to it.`], link: { label: 'Open the portal', path: '/account' } }
      : {
          subject: `You were removed from ${organizationName}`,
          lines: [`You no longer have access to ${organizationName}.`, ...actorLine(actor, 'Removed')],
          link: { label: 'Open the portal', path: '/account' },
        },
  'team.ownership_transferred': ({ organizationName, actor }) => ({
    subject: `The ownership of ${organizationName} was transferred`,
    lines: [`The ownership of ${organizationName} was transferred to another member; the previous owner is now an admin.`, ...actorLine(actor, 'Transferred')],
    link: { label: 'Open your team', path: '/account/team' },
  }),
  'api_key.created': ({ event, organizationName, actor }) => ({
    subject: `An API key was created for ${organizationName}`,
    lines: [`The API key "${str(event.payload, 'name')}" (${str(event.payload, 'prefix')}…) was created for ${organizationName}.`, ...actorLine(actor, 'Created')],
    link: { label: 'Open API keys', path: '/account/api-keys' },
  }),
  'api_key.rotated': ({ event, organizationName, actor }) => ({
    subject: `An API key of ${organizationName} was rotated`,
    lines: [`The API key ${str(event.payload, 'previousPrefix')}… was replaced by ${str(event.payload, 'prefix')}…; the old key keeps working until ${str(event.payload, 'previousExpiresAt')}.`, ...actorLine(actor, 'Rotated')],
    link: { label: 'Open API keys', path: '/account/api-keys' },
  }),
  'api_key.revoked': ({ event, organizationName, actor }) => ({
    subject: `An API key of ${organizationName} was revoked`,
    lines: [`The API key ${str(event.payload, 'prefix')}… of ${organizationName} was revoked and no longer works.`, ...actorLine(actor, 'Revoked')],
    link: { label: 'Open API keys', path: '/account/api-keys' },
  }),
  'billing.details_changed': ({ event, organizationName, actor }) => {
    const { from, to } = (event.payload.billingEmail ?? {}) as { from?: string | null; to?: string | null };
    const fields = (event.payload.fields as string[] | undefined) ?? [];
    const labels = fields.map((field) => ({ billingEmail: 'billing email', companyName: 'company name', address: 'address' })[field] ?? field);
    const emailLine = from !== to ? [`The billing email changed from ${from ?? 'none'} to ${to ?? 'none'}; invoices and payment notices now go to the new address.`] : [];
    return {
      subject: `The billing details of ${organizationName} changed`,
      lines: [`The billing details of ${organizationName} changed (${labels.join(', ')}).`, ...emailLine, ...actorLine(actor, 'Changed')],
      link: { label: 'Open Billing', path: '/account/billing' },
    };
  },
  'invoice.payment_failed': ({ event, organizationName }) => {
    const number = event.payload.number ? `invoice ${str(event.payload, 'number')}` : 'an invoice';
    return {
      subject: `Payment failed for ${organizationName}`,
      lines: [
        `We could not collect the payment of ${formatMoney(Number(event.payload.total ?? 0), str(event.payload, 'currency'))} for ${number} of ${organizationName}.`,
        'Update the card on file so that the payment can be retried and the service keeps running.',
      ],
      link: { label: 'Update card', path: '/account/billing' },
    };
  },
  'invoice_correction.requested': ({ event, organizationName }) => ({
    subject: `Your request to correct invoice ${str(event.payload, 'number')} was received`,
    lines: [
      `The support team reviews the request to reissue invoice ${str(event.payload, 'number')} of ${organizationName} with the billing details on file.`,
      'Once approved, the invoice is credited in full and a new invoice with the current details is issued; we let you know.',
    ],
    link: { label: 'Open the invoice', path: `/account/invoices/${encodeURIComponent(str(event.payload, 'invoiceId'))}` },
  }),
  'invoice_correction.issued': ({ event, organizationName }) => ({
    subject: `A corrected copy of invoice ${str(event.payload, 'number')} was issued`,
    lines: [
      `Invoice ${str(event.payload, 'number')} of ${organizationName} was reissued with the billing details on file (revision ${str(event.payload, 'revision')}). The amounts did not change.`,
      'The earlier version stays available on the invoice, marked superseded.',
    ],
    link: { label: 'Download the corrected copy', path: `/account/invoices/${encodeURIComponent(str(event.payload, 'invoiceId'))}` },
  }),
  'invoice_correction.completed': ({ event, organizationName }) => ({
    subject: `Invoice ${str(event.payload, 'number')} was reissued with your current details`,
    lines: [
      `Invoice ${str(event.payload, 'number')} of ${organizationName} was credited in full and replaced by a new invoice made out to the billing details on file. The amounts did not change.`,
    ],
    link: { label: 'Open Invoices', path: '/account/invoices' },
  }),
  'ticket.staff_replied': ({ event }) => ({
    subject: `Re: ${str(event.payload, 'subject')} [#${str(event.payload, 'number')}]`,
    lines: [`Support (${str(event.payload, 'staffName')}) replied to your ticket #${str(event.payload, 'number')}:`, str(event.payload, 'body'), 'Reply in the portal, or mark the ticket as solved there if this answers it.'],
    link: { label: 'Open the ticket', path: `/account/support/${encodeURIComponent(str(event.payload, 'ticketId'))}` },
  }),
  'usage.threshold_reached': ({ event, organizationName }) => {
    const meter = meters[event.payload.meter as Meter]?.label ?? str(event.payload, 'meter');
    const period = event.payload.period as { start: string; end: string };
    const threshold = Number(event.payload.threshold);
    return {
      subject: `${organizationName} used ${threshold} % of its ${meter}`,
      lines: [
        `${organizationName} used ${String(event.payload.used)} of the ${String(event.payload.limit)} ${meter} its plan includes for ${formatDateRange(period.start, period.end)} (${threshold} %).`,
        threshold >= 100 ? 'The limit is reached: upgrade the plan to keep going without interruption.' : 'Consider upgrading the plan before the limit is reached.',
      ],
      link: { label: 'Open Usage', path: '/account/usage' },
    };
  },
};

export function hasEmailTemplate(type: string): type is EventType {
  return Object.hasOwn(notices, type);
}

function footerOf(type: EventType, recipient: MailRecipient, organizationName: string): Pick<MailContent, 'footer' | 'footerLink'> {
  if (recipient.kind === 'address') return { footer: `You receive this email as the billing email address of ${organizationName}.` };
  if (eventCatalog[type].locked) return { footer: 'You receive this security notice for every such change to your account; it cannot be switched off.' };
  return { footer: 'You receive this email because of your notification settings.', footerLink: { label: 'Change them', url: portalUrlFor('/account/notifications') } };
}

/** The mail of an event for one recipient: subject, HTML and text, with a link to the screen concerned. */
export function notificationMail(facts: MailFacts): MailTemplate | null {
  const type = facts.event.type;
  if (!hasEmailTemplate(type)) return null;
  const notice = notices[type]!(facts);
  const greeting = facts.recipient.kind === 'person' && facts.recipient.name.trim() ? `Hi ${facts.recipient.name.trim()},` : 'Hello,';
  return {
    // Names are user input; keep the subject on one line whatever they contain.
    subject: notice.subject.replace(/\s+/g, ' '),
    ...renderMail({
      preheader: notice.lines[0],
      heading: notice.subject,
      paragraphs: [greeting, ...notice.lines],
      action: { label: notice.link.label, url: portalUrlFor(notice.link.path) },
      ...footerOf(type, facts.recipient, facts.organizationName),
    }),
  };
}

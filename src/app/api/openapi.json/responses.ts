import { z } from 'zod';
import { roles } from '@config/permissions';

// The data of each answer as API.md documents it. An answer may hold more fields than these; it
// never holds fewer.

const time = z.iso.datetime();
const nullableTime = time.nullable();
const role = z.enum(roles);
const money = { amount: z.int().describe('Minor unit of the currency.'), currency: z.string().describe('Lowercase ISO 4217 code.') };

export const portalSessionData = z.object({ url: z.url().describe('Single-use; valid for 5 minutes.'), expiresAt: time });

export const organizationData = z.object({
  organization: z.object({
    id: z.string(),
    externalId: z.string().nullable(),
    name: z.string(),
    plan: z.string(),
    billing: z.enum(['stripe', 'contract']).nullable(),
    stripeCustomerId: z.string().nullable(),
    contract: z.object({ terms: z.string(), renewalDate: z.iso.date(), ...money }).nullable(),
  }),
});

const invoiceSummary = z.object({
  id: z.string(),
  number: z.string().nullable(),
  status: z.string(),
  total: z.int(),
  currency: z.string(),
  createdAt: time,
  periodStart: nullableTime,
  periodEnd: nullableTime,
  paymentReported: z.boolean().describe('A bank transfer was reported and awaits confirmation.'),
});
export const invoiceData = z.object({ invoice: invoiceSummary });
export const invoicesData = z.object({ invoices: z.array(invoiceSummary) });

const billTo = z.object({
  companyName: z.string(),
  billingEmail: z.string().nullable(),
  addressLines: z.array(z.string()),
  taxIds: z.array(z.object({ type: z.string(), value: z.string() })),
});
export const correctionData = z.object({
  correction: z.object({
    id: z.string(),
    invoiceId: z.string(),
    status: z.enum(['issued', 'awaiting_approval', 'ticket', 'completed']).describe('`completed`: a Stripe invoice credited and replaced, after a lead approved.'),
    revision: z.int().optional().describe('The corrected copy issued (contract invoices).'),
    ticketId: z.string().optional().describe('The support ticket a request outside the rules became.'),
  }),
});
export const revisionsData = z.object({
  revisions: z.array(z.object({ revision: z.int(), createdAt: time, superseded: z.boolean(), billTo }).describe('Oldest first; revision 1 is the original.')),
});

export const verifyKeyData = z.union([
  z.object({ valid: z.literal(true), keyId: z.string(), organization: z.object({ id: z.string(), externalId: z.string().nullable() }), scopes: z.array(z.string()), expiresAt: nullableTime }),
  z.object({ valid: z.literal(false), reason: z.enum(['not_found', 'revoked', 'expired', 'insufficient_scope']) }),
]);

export const ingestData = z.object({
  accepted: z.int(),
  duplicates: z.int(),
  rejected: z.array(z.object({ index: z.int(), code: z.string(), message: z.string() })),
});

const user = z.object({ id: z.string(), email: z.email(), name: z.string() });
export const meData = z.object({
  user,
  organization: z.object({ id: z.string(), externalId: z.string().nullable(), name: z.string(), plan: z.string() }),
  role,
  identity: z.enum(['builtin', 'host']),
});
export const profileData = z.object({ user });

export const auditData = z.object({
  entries: z.array(
    z.object({
      id: z.string(),
      action: z.string(),
      actor: z.object({ type: z.string(), id: z.string().nullable(), email: z.string().nullable(), name: z.string().nullable().describe('A staff member’s name (shown as “Support (name)”); null for other actors.') }),
      entityType: z.string(),
      entityId: z.string(),
      before: z.unknown(),
      after: z.unknown(),
      createdAt: time,
    }),
  ),
  nextBefore: z.string().nullable().describe('Pass as `before` for the next page; null on the last.'),
});

const notification = z.object({
  id: z.string(),
  type: z.string().describe('The event type of config/events.ts.'),
  title: z.string(),
  body: z.string(),
  link: z.string().describe('The portal path of the screen concerned, e.g. `/account/billing`.'),
  readAt: nullableTime,
  createdAt: time,
});
export const notificationsData = z.object({
  notifications: z.array(notification),
  unreadCount: z.int(),
  nextBefore: z.string().nullable().describe('Pass as `before` for the next page; null on the last.'),
});
export const unreadCountData = z.object({ unreadCount: z.int() });
export const preferencesData = z.object({
  preferences: z.array(z.object({ event: z.string(), label: z.string(), email: z.boolean(), inApp: z.boolean(), locked: z.boolean().describe('A security notice: always sent.') })),
});

const member = z.object({ id: z.string(), userId: z.string(), email: z.email(), name: z.string(), role });
const invitation = z.object({ id: z.string(), email: z.email(), role, expiresAt: time, invitedBy: z.string().nullable() });
export const teamData = z.object({ members: z.array(member.extend({ lastActiveAt: nullableTime })), invitations: z.array(invitation) });
export const invitationData = z.object({ invitation });
export const memberData = z.object({ member });
export const membershipData = z.object({ membership: z.object({ id: z.string(), organizationId: z.string(), userId: z.string(), role }) });
export const ownershipData = z.object({ previousOwner: member.omit({ name: true }), newOwner: member });

const key = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdBy: z.string(),
  createdAt: time,
  lastUsedAt: nullableTime,
  expiresAt: nullableTime,
  revokedAt: nullableTime,
  status: z.enum(['active', 'expiring', 'expired', 'revoked']),
});
export const keysData = z.object({ keys: z.array(key), availableScopes: z.array(z.object({ scope: z.string(), description: z.string() })) });
export const createdKeyData = z.object({ key, secret: z.string().describe('The only time the secret is shown.') });
export const rotatedKeyData = createdKeyData.extend({ previous: z.object({ id: z.string(), expiresAt: time.describe('The old key works until then.') }) });
export const keyData = z.object({ key });

const period = z.object({ start: z.iso.date().describe('The first day of the billing period.'), end: z.iso.date().describe('The first day after it.') });
export const usageData = z.object({
  meters: z.array(z.object({ meter: z.string(), unit: z.string(), used: z.number(), limit: z.number().nullable(), percent: z.number().nullable(), period })),
});
export const seriesData = z.object({
  meter: z.string(),
  unit: z.string(),
  limit: z.number().nullable(),
  series: z.array(z.object({ date: z.iso.date(), value: z.number() })).describe('30 daily or 12 monthly points, zeros included.'),
  total: z.number(),
  forecastNextPeriod: z.number(),
});

const address = z.object({ line1: z.string(), line2: z.string().nullable(), city: z.string(), postalCode: z.string(), state: z.string().nullable(), country: z.string() });
const taxId = z.object({ id: z.string(), type: z.string(), value: z.string(), verification: z.string() });
const details = z.object({ billingEmail: z.email().nullable(), companyName: z.string().nullable(), address: address.nullable() });
export const billingData = z.object({
  provider: z.enum(['stripe', 'contract', 'none']),
  plan: z.string(),
  status: z.string().nullable(),
  nextBillingDate: z.string().nullable().describe('A contract’s renewal date (YYYY-MM-DD) or the end of the subscription’s period (ISO 8601).'),
  amount: z.int().nullable(),
  currency: z.string().nullable(),
  paymentMethod: z.object({ brand: z.string(), last4: z.string(), expMonth: z.int(), expYear: z.int() }).nullable().optional(),
  readOnly: z.boolean(),
  details: details.extend({ taxIds: z.array(taxId) }),
});
export const billingDetailsData = z.object({ details });
export const taxIdData = z.object({ taxId });
export const taxIdRemovedData = z.object({ removed: z.literal(true) });
export const urlData = z.object({ url: z.url() });

export const healthData = z.object({ status: z.literal('ok'), database: z.literal('ok') });
export const healthDownData = z.object({ status: z.literal('degraded'), database: z.literal('unreachable') });
export const stripeReceivedData = z.object({ received: z.literal(true), duplicate: z.boolean() });

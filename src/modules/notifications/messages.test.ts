import { describe, expect, it } from 'vitest';
import { messageOf } from './messages';
import { personalEvents } from './preferences';

describe('the notification of each event', () => {
  it('names the key by its prefix only, and words a failed payment with its amount and the way out', () => {
    const created = messageOf('api_key.created', { keyId: 'key_1', prefix: 'dfl_live_ab12', name: 'CI deploys', scopes: ['read', 'write'] });
    expect(created).toEqual({ title: 'API key created', body: 'The API key “CI deploys” (dfl_live_ab12…) was created with the read and write scopes.', link: '/account/api-keys' });

    const failed = messageOf('invoice.payment_failed', {
      organizationId: 'org_1',
      invoiceId: null,
      stripeInvoiceId: 'in_1',
      number: 'ACME-0042',
      status: 'open',
      total: 123_456,
      currency: 'usd',
      stripeEventId: 'evt_1',
    });
    expect(failed).toEqual({ title: 'Invoice payment failed', body: 'The payment for invoice ACME-0042 of $1,234.56 failed. Update the card on Billing to avoid an interruption.', link: '/account/billing' });

    expect(messageOf('usage.threshold_reached', { organizationId: 'o', meter: 'storage_gb', threshold: 100, used: 1.5, limit: 1, period: { start: '2026-12-01', end: '2027-01-01' } })).toEqual({
      title: 'Storage limit reached',
      body: '1.5 of 1 GB used this billing period (it renews on 1 Jan 2027). Upgrade your plan to keep going.',
      link: '/account/usage',
    });
  });

  it('exists for every event that reaches people, none for the others; an older payload gets the label alone', () => {
    for (const type of personalEvents) expect(messageOf(type, {}), type).toMatchObject({ title: expect.any(String), link: expect.stringMatching(/^\/account/) });
    expect(messageOf('organization.created', { organizationId: 'o', source: 'host' })).toBeNull();
    expect(messageOf('made.up', {})).toBeNull();
    expect(messageOf('billing.details_changed', { fields: 'not a list' })).toEqual({ title: 'Billing details changed', body: '', link: '/account' });
  });
});

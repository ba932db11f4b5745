import { customerEventsOlderThan } from '@/modules/stripe-sync/service';
import type { TimelineSource } from '../source';

/** The Stripe events received about the organization's customer, with their processing state. */
export const stripeEventsSource: TimelineSource = {
  name: 'stripe-events',
  kind: 'billing',
  async list(db, subject, bound, limit) {
    if (!subject.stripeCustomerId) return [];
    const events = await customerEventsOlderThan(db, subject.stripeCustomerId, bound, limit);
    return events.map((e) => ({
      id: `stripe-event:${e.id}`,
      at: e.at,
      key: e.key,
      actor: { type: 'stripe', id: null, label: 'Stripe' },
      summary: e.status === 'failed' && e.lastError ? `${e.type} · failed after ${e.attempts} attempts: ${e.lastError}` : e.type,
      ref: { type: 'stripe_event', id: e.id },
      status: e.status,
    }));
  },
};

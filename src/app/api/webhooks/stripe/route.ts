import { receiveWebhook } from '@/modules/stripe-sync/service';
import { getDb } from '@/platform/db/client';
import { readText } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';

const STRIPE_EVENT_LIMIT = 1024 * 1024;

/** Stripe's deliveries: 400 for a bad, stale or future-dated signature or a body that is no event, 500 (Stripe delivers again) when processing failed. */
export const POST = route(async (request) => {
  const raw = await readText(request, STRIPE_EVENT_LIMIT);
  const outcome = await receiveWebhook(await getDb(), raw, request.headers.get('stripe-signature'));
  if (outcome === 'invalid_signature') {
    return Response.json({ success: false, error: { code: 'invalid_signature', message: 'The Stripe-Signature header does not match this body, or its timestamp is more than 300 seconds from now.' } }, { status: 400 });
  }
  if (outcome === 'invalid_event') {
    return Response.json({ success: false, error: { code: 'invalid_event', message: 'The body is not a Stripe event: a JSON object with id, object "event", type, created and data.object.' } }, { status: 400 });
  }
  if (outcome === 'failed') return Response.json({ success: false, error: { code: 'internal', message: 'The event was stored and will be retried.' } }, { status: 500 });
  return ok({ received: true, duplicate: outcome === 'duplicate' });
});

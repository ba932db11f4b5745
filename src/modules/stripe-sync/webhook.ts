import Stripe from 'stripe';
import type { Db } from '@/platform/db/types';
import { AppError } from '@/platform/http/errors';
import { getStripe } from '@/platform/stripe/client';
import { stripeSettings } from '@/platform/stripe/settings';
import { failEvent, finishEvent, recordAndClaim } from './inbox';
import { processEvent } from './process';
import { logError } from '@/platform/logging/error-line';

const TOLERANCE_SECONDS = 300;

export type WebhookOutcome = 'invalid_signature' | 'duplicate' | 'processed' | 'ignored' | 'failed';

function verify(rawBody: string, signature: string | null): Stripe.Event | null {
  const secret = stripeSettings()?.webhookSecret;
  if (!secret || !signature) return null;
  try {
    return getStripe().webhooks.constructEvent(rawBody, signature, secret, TOLERANCE_SECONDS);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) return null;
    throw error;
  }
}

/** Why an event failed, in words safe to store: our own errors' messages, otherwise the error's kind. */
const failureOf = (error: unknown) => (error instanceof AppError ? `${error.code}: ${error.message}` : error instanceof Error ? error.name : 'unknown error');

/** Processes a claimed event and records the outcome; a failure is kept for the retry. */
export async function runEvent(db: Db, event: Stripe.Event): Promise<'processed' | 'ignored' | 'failed'> {
  try {
    const outcome = await processEvent(db, event);
    await finishEvent(db, event.id, outcome);
    return outcome;
  } catch (error) {
    logError(`[stripe] processing ${event.id} (${event.type}) failed`, error);
    await failEvent(db, event.id, failureOf(error));
    return 'failed';
  }
}

/**
 * One delivery: verify the raw body's signature, store the event before anything else, then process
 * it unless a delivery before this one already did (or is doing) so.
 */
export async function receiveWebhook(db: Db, rawBody: string, signature: string | null): Promise<WebhookOutcome> {
  const event = verify(rawBody, signature);
  if (!event) return 'invalid_signature';
  if (!(await recordAndClaim(db, event))) return 'duplicate';
  return runEvent(db, event);
}

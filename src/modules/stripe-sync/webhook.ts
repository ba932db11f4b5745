import Stripe from 'stripe';
import { z } from 'zod';
import type { Db } from '@/platform/db/types';
import { AppError } from '@/platform/http/errors';
import { parseInput } from '@/platform/http/validation';
import { stripeSettings } from '@/platform/stripe/settings';
import { failEvent, finishEvent, recordAndClaim } from './inbox';
import { processEvent } from './process';
import { logError } from '@/platform/logging/error-line';

const TOLERANCE_SECONDS = 300;
// Far beyond any real event, and what a Date can still hold once multiplied into milliseconds.
const LATEST_CREATED = 253_402_300_799;

export type WebhookOutcome = 'invalid_signature' | 'invalid_event' | 'duplicate' | 'processed' | 'ignored' | 'failed';

/** What the portal reads of an event; Stripe sends more, which is stored as it came. */
const eventShape = z.looseObject({
  id: z.string().min(1).max(255),
  object: z.literal('event'),
  type: z.string().min(1).max(255),
  created: z.number().int().min(0).max(LATEST_CREATED),
  data: z.looseObject({ object: z.looseObject({}), previous_attributes: z.looseObject({}).optional() }),
});

/** The `t=` of a Stripe-Signature header, read as the SDK reads it (the last one counts). */
function signedAt(signature: string): number {
  let timestamp = Number.NaN;
  for (const item of signature.split(',')) {
    const [key, value = ''] = item.split('=');
    if (key === 't') timestamp = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  }
  return timestamp;
}

/**
 * The SDK refuses a signature older than the tolerance; one dated further ahead is refused here too,
 * or a leaked signed body could be replayed until its far-future date.
 */
function isSignatureValid(rawBody: string, signature: string | null): boolean {
  const secret = stripeSettings()?.webhookSecret;
  if (!secret || !signature) return false;
  try {
    Stripe.webhooks.signature!.verifyHeader(rawBody, signature, secret, TOLERANCE_SECONDS);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) return false;
    throw error;
  }
  return signedAt(signature) - Date.now() / 1000 <= TOLERANCE_SECONDS;
}

/** A correctly signed body is still refused when it is not an event the portal can store and read. */
function eventOf(rawBody: string): Stripe.Event | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    return null;
  }
  try {
    return parseInput(eventShape, parsed) as unknown as Stripe.Event;
  } catch (error) {
    if (error instanceof AppError) return null;
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
  if (!isSignatureValid(rawBody, signature)) return 'invalid_signature';
  const event = eventOf(rawBody);
  if (!event) return 'invalid_event';
  if (!(await recordAndClaim(db, event))) return 'duplicate';
  return runEvent(db, event);
}

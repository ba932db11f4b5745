import Stripe from 'stripe';
import { AppError } from '../http/errors';

const unavailable = 'Stripe cannot be reached right now, so nothing was changed. Please try again in a minute.';

/** Stripe's 4xx codes we explain in our own words (its messages are written for developers). */
const refusals: Record<string, { message: string; field?: string }> = {
  tax_id_invalid: { message: 'Stripe did not accept this tax ID. Check the number and its type.', field: 'value' },
  email_invalid: { message: 'Stripe did not accept this email address.', field: 'billingEmail' },
  postal_code_invalid: { message: 'Stripe did not accept this postal code.', field: 'address.postalCode' },
  resource_missing: { message: 'Your billing account was not found at Stripe. Please contact support.' },
};

/**
 * Runs a Stripe call and turns its failures into errors fit for the client: a refusal (4xx) becomes a
 * clear 422 or 404, anything else (5xx, timeouts, connection, our own key rejected) a 503.
 */
export async function callStripe<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toAppError(error);
  }
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof Stripe.errors.StripeInvalidRequestError || error instanceof Stripe.errors.StripeCardError) {
    const known = error.code ? refusals[error.code] : undefined;
    if (error.code === 'resource_missing') return new AppError('not_found', known!.message);
    const message = known?.message ?? 'Stripe declined this change. Please check the details and try again.';
    return new AppError('validation_failed', message, known?.field ? { [known.field]: message } : undefined);
  }
  console.error('[stripe] call failed:', error instanceof Error ? `${error.name}: ${error.message}` : error);
  return new AppError('upstream_unavailable', unavailable);
}

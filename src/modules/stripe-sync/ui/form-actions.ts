'use server';

import { executeAction } from '@/platform/actions/execute';
import { staffFormAction } from '@/platform/actions/staff-form-action';
import { staffReplayStripeEvent, staffSyncFromStripe } from '../staff-actions';

export const replayEventAction = staffFormAction(
  (actor, input, options) => executeAction(actor, staffReplayStripeEvent, input, options),
  ({ event }) => `Stripe event ${event.type} was processed again.`,
);

export const stripeSyncAction = staffFormAction(
  (actor, input, options) => executeAction(actor, staffSyncFromStripe, input, options),
  () => 'The customer is in step with Stripe again.',
);

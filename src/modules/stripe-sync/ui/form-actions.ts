'use server';

import { formAction } from '@/platform/actions/form-action';
import { staffReplayStripeEvent, staffSyncFromStripe } from '../staff-actions';

export const replayEventAction = formAction(staffReplayStripeEvent, { asStaff: true, success: ({ event }) => `Stripe event ${event.type} was processed again.` });

export const stripeSyncAction = formAction(staffSyncFromStripe, { asStaff: true, success: () => 'The customer is in step with Stripe again.' });

import { resolveAttempt } from '@/modules/support/suggestions/actions';
import { attemptOutcomeRoute } from '@/modules/support/suggestions/attempt-route';

export const POST = attemptOutcomeRoute(resolveAttempt);

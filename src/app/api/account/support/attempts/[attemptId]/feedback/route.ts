import { answerAttemptFeedback } from '@/modules/support/suggestions/actions';
import { attemptOutcomeHandler, type AttemptContext } from '@/modules/support/suggestions/attempt-route';
import { route } from '@/platform/http/route';

export const POST = route<AttemptContext>(attemptOutcomeHandler(answerAttemptFeedback));

import { submitFeedback } from '@/modules/feedback/service';
import { executeAction } from '@/platform/actions/execute';
import { requireBrowserSession } from '@/platform/auth/require';
import { readJsonInput } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';

export const POST = route(async (request) => {
  const { actor, headers } = await requireBrowserSession(request);
  const { feedback } = await executeAction(actor, submitFeedback, await readJsonInput(request), { headers });
  return ok({ feedback }, 201);
});

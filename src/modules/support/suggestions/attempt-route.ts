import { executeAction } from '@/platform/actions/execute';
import { requireBrowserSession } from '@/platform/auth/require';
import { readJsonInput } from '@/platform/http/body';
import { param } from '@/platform/http/route';
import type { z } from 'zod';
import type { ActionDefinition } from '@/platform/actions/define';

export type AttemptContext = { params: Promise<{ attemptId: string }> };

/** `POST /api/account/support/attempts/{attemptId}/…`: an outcome of one's own attempt, 204. Wrap it in route(). */
export function attemptOutcomeHandler<S extends z.ZodType>(action: ActionDefinition<S, null>) {
  return async (request: Request, context: AttemptContext): Promise<Response> => {
    const { actor, headers } = await requireBrowserSession(request);
    await executeAction(actor, action, await readJsonInput(request, { attemptId: await param(context, 'attemptId') }), { headers });
    return new Response(null, { status: 204 });
  };
}

import { createHelpArticle } from '@/modules/help/actions';
import { allArticles } from '@/modules/help/articles';
import { adminListInput } from '@/modules/help/inputs';
import { executeAction } from '@/platform/actions/execute';
import { requireStaffRequest } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { readJsonValue } from '@/platform/http/body';
import { ok } from '@/platform/http/envelope';
import { parseInput } from '@/platform/http/validation';
import { route } from '@/platform/http/route';

export const GET = route(async (request) => {
  await requireStaffRequest(request, 'staff.help.read');
  const filter = parseInput(adminListInput, Object.fromEntries(new URL(request.url).searchParams));
  return ok({ articles: await allArticles(await getDb(), filter) });
});

export const POST = route(async (request) => {
  const { actor, headers } = await requireStaffRequest(request, 'staff.help.write');
  return ok(await executeAction(actor, createHelpArticle, await readJsonValue(request), { headers }), 201);
});

import { can } from '@config/permissions';
import { isMeter } from '@config/usage';
import { rangeInput, usageSeries, type MeterSeries } from '@/modules/usage/service';
import { requireBrowserSession } from '@/platform/auth/require';
import { getDb } from '@/platform/db/client';
import { forbidden, notFound } from '@/platform/http/errors';
import { param } from '@/platform/http/route';
import { parseInput } from '@/platform/http/validation';

export type MeterContext = { params: Promise<{ meter: string }> };

/** The signed-in member's series of one meter for `?range=30d|12m` (422 for any other range). */
export async function readSeries(request: Request, context: MeterContext): Promise<MeterSeries> {
  const { session } = await requireBrowserSession(request);
  if (!can(session.role, 'usage.read')) throw forbidden();
  const meter = await param(context, 'meter');
  if (!isMeter(meter)) throw notFound('Meter');
  const { range } = parseInput(rangeInput, { range: new URL(request.url).searchParams.get('range') ?? undefined });
  return usageSeries(await getDb(), session.organization, meter, range);
}

import { isMeter } from '@config/usage';
import { meterSeriesQuery } from '@/modules/usage/queries';
import type { MeterSeries } from '@/modules/usage/service';
import { executeQuery } from '@/platform/actions/execute-query';
import { requireBrowserSession } from '@/platform/auth/require';
import { notFound } from '@/platform/http/errors';
import { param } from '@/platform/http/route';

export type MeterContext = { params: Promise<{ meter: string }> };

/** The signed-in member's series of one meter for `?range=30d|12m` (an unknown meter is not found; any other range 422). */
export async function readSeries(request: Request, context: MeterContext): Promise<MeterSeries> {
  const { actor } = await requireBrowserSession(request);
  const meter = await param(context, 'meter');
  if (!isMeter(meter)) throw notFound('Meter');
  return executeQuery(actor, meterSeriesQuery, { meter, range: new URL(request.url).searchParams.get('range') ?? undefined });
}

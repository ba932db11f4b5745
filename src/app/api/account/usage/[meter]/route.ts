import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';
import { readSeries, type MeterContext } from './read-series';

export const GET = route<MeterContext>(async (request, context) => {
  const { meter, unit, limit, range, series, total, forecastNextPeriod, forecast } = await readSeries(request, context);
  return ok({ meter, unit, limit, range, series, total, forecastNextPeriod, forecastMethod: forecast.method });
});

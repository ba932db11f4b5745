import { seriesCsv } from '@/modules/usage/service';
import { attachmentHeaders } from '@/platform/http/attachment';
import { route } from '@/platform/http/route';
import { readSeries, type MeterContext } from '../read-series';

export const GET = route<MeterContext>(async (request, context) => {
  const { meter, range, series } = await readSeries(request, context);
  return new Response(seriesCsv(series), { headers: attachmentHeaders(`usage-${meter}-${range}-${series.at(-1)!.date}.csv`, 'text/csv; charset=utf-8') });
});

import { deflectionCsv } from '@/modules/deflection/service';
import { attachmentHeaders } from '@/platform/http/attachment';
import { route } from '@/platform/http/route';
import { readReport } from '../deflection/read-report';

export const GET = route(async (request) => {
  const report = await readReport(request);
  return new Response(deflectionCsv(report), { headers: attachmentHeaders(`deflection-${report.from}-${report.to}.csv`, 'text/csv; charset=utf-8') });
});

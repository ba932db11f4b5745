import { checkDatabase } from '@/platform/db/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const healthy = await checkDatabase();
  return Response.json(healthy ? { status: 'ok', database: 'ok' } : { status: 'degraded', database: 'unreachable' }, { status: healthy ? 200 : 503 });
}

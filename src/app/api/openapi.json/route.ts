import { basePath } from '@/platform/http/portal-path';
import { openApiDocument } from './document';

/** Public and the same for everyone until the next deploy: caches may keep it for an hour. */
export function GET(): Response {
  const document = openApiDocument();
  return Response.json(basePath ? { ...document, servers: [{ url: basePath }] } : document, { headers: { 'cache-control': 'public, max-age=3600' } });
}

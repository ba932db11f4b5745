import { openApiDocument } from './document';

/** Public and the same for everyone until the next deploy: caches may keep it for an hour. */
export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { 'cache-control': 'public, max-age=3600' } });
}

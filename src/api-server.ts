import type http from 'node:http';
import { verifyRoute } from './modules/api-keys/service';
import { ingestRoute } from './modules/usage/service';
import { createLeanServer } from './platform/http/lean-server';

/** The lean server of the hot server-to-server routes: key verification and usage ingest. */
export function createApiServer(): http.Server {
  return createLeanServer([verifyRoute, ingestRoute]);
}

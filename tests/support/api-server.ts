import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { createApiServer } from '@/api-server';

/** The lean API server (API_PORT) on a free port for this file's tests; returns its base URL once listening. */
export function useApiServer(): () => string {
  let server: Server;
  let baseUrl = '';
  beforeAll(async () => {
    server = createApiServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });
  return () => baseUrl;
}

// Plain HTTP handles for tests in another process (the Playwright journeys), no API key:
//   GET  /__control/events   every event so far, oldest first
//   POST /__control/down     {"status": 503} makes every /v1 request fail so; {"status": null} ends it
import { invalidRequest } from './errors';
import { ok, type FakeRoute } from './http';

function downStatus(raw: string): number | null {
  let status: unknown;
  try {
    ({ status } = JSON.parse(raw) as { status?: unknown });
  } catch {
    status = undefined;
  }
  if (status === null || (typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599)) return status;
  throw invalidRequest(`/__control/down wants {"status": 400…599 | null}, got ${raw || 'nothing'}.`, { param: 'status' });
}

export const controlRoutes: FakeRoute[] = [
  {
    method: 'GET',
    pattern: /^\/__control\/events$/,
    handle: (_request, { world }) => ok(world.state.events),
  },
  {
    method: 'POST',
    pattern: /^\/__control\/down$/,
    handle({ raw }, { setDown }) {
      const status = downStatus(raw);
      setDown(status);
      return ok({ status });
    },
  },
];

// A Stripe-compatible HTTP server for tests, driven by the real `stripe` SDK (host/port/protocol
// pointed here). A small router over an in-memory state: add endpoints by adding routes.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeMeterEvent = { meter: string; customer: string; timestamp: number; value: number };
export type FakeStripeState = { meterEvents: FakeMeterEvent[] };
export type FakeRequest = { method: string; path: string; params: Record<string, string>; query: URLSearchParams; body: URLSearchParams };
type Reply = { status: number; body: unknown };
type Route = { method: string; pattern: RegExp; handle(request: FakeRequest, state: FakeStripeState): Reply };

const DAY = 86_400;

function stripeError(status: number, message: string, param?: string): Reply {
  return { status, body: { error: { type: 'invalid_request_error', message, ...(param ? { param } : {}) } } };
}

/** Stripe's list envelope, newest first, with `limit` and `starting_after` as Stripe pages them. */
function list<T extends { id: string }>(url: string, items: T[], query: URLSearchParams): Reply {
  const limit = Math.min(100, Number(query.get('limit') ?? 10));
  const after = query.get('starting_after');
  const from = after ? items.findIndex((i) => i.id === after) + 1 : 0;
  const page = items.slice(from, from + limit);
  return { status: 200, body: { object: 'list', url, data: page, has_more: from + limit < items.length } };
}

const routes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/v1\/billing\/meters\/(?<id>[^/]+)\/event_summaries$/,
    handle({ params, query, path }, state) {
      const customer = query.get('customer');
      const start = Number(query.get('start_time'));
      const end = Number(query.get('end_time'));
      if (!customer) return stripeError(400, 'Missing required param: customer.', 'customer');
      if (!Number.isInteger(start) || !Number.isInteger(end) || end <= start) return stripeError(400, 'Invalid start_time or end_time.', 'start_time');
      if (query.get('value_grouping_window') !== 'day') return stripeError(400, 'This fake groups by day only.', 'value_grouping_window');
      if (start % DAY !== 0 || end % DAY !== 0) return stripeError(400, 'start_time and end_time must align with the day window.', 'start_time');
      const sums = new Map<number, number>();
      for (const e of state.meterEvents) {
        if (e.meter !== params.id || e.customer !== customer || e.timestamp < start || e.timestamp >= end) continue;
        const window = e.timestamp - (e.timestamp % DAY);
        sums.set(window, (sums.get(window) ?? 0) + e.value);
      }
      const summaries = [...sums]
        .sort(([a], [b]) => b - a)
        .map(([window, value]) => ({ id: `mtrusg_${params.id}_${window}`, object: 'billing.meter_event_summary', aggregated_value: value, start_time: window, end_time: window + DAY, livemode: false, meter: params.id }));
      return list(path, summaries, query);
    },
  },
];

export type FakeStripe = { url: string; state: FakeStripeState; requests: FakeRequest[]; failNext(status: number): void; close(): Promise<void> };

export async function startFakeStripe(): Promise<FakeStripe> {
  const state: FakeStripeState = { meterEvents: [] };
  const requests: FakeRequest[] = [];
  let failure: number | undefined;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake-stripe');
      const reply = (r: Reply) => {
        res.writeHead(r.status, { 'content-type': 'application/json', 'request-id': `req_${requests.length}` });
        res.end(JSON.stringify(r.body));
      };
      if (!/^Bearer sk_/.test(req.headers.authorization ?? '')) return reply({ status: 401, body: { error: { type: 'invalid_request_error', message: 'Invalid API Key provided.' } } });
      for (const route of routes) {
        const match = route.method === req.method ? route.pattern.exec(url.pathname) : null;
        if (!match) continue;
        const request: FakeRequest = { method: route.method, path: url.pathname, params: { ...match.groups }, query: url.searchParams, body: new URLSearchParams(raw) };
        requests.push(request);
        if (failure !== undefined) {
          const status = failure;
          failure = undefined;
          return reply({ status, body: { error: { type: 'api_error', message: 'Fake failure.' } } });
        }
        return reply(route.handle(request, state));
      }
      reply(stripeError(404, `Unrecognized request URL (${req.method}: ${url.pathname}).`));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    requests,
    failNext: (status) => (failure = status),
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

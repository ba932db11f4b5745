// A Stripe-compatible HTTP server for tests, driven by the real `stripe` SDK (host/port/protocol
// pointed here): the /v1 endpoints the portal uses, over an in-memory world that tests change the
// way Stripe's dashboard would (`world`), plus the public portal and invoice PDF pages.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { billingRoutes } from './api-billing';
import { correctionRoutes } from './api-corrections';
import { customerRoutes } from './api-customers';
import { controlRoutes } from './control';
import type { FakeStripeState } from './core';
import { failureOf, FakeStripeError, invalidRequest } from './errors';
import { errorReply, paramsOf, unknownParam, type FakeContext, type FakeRequest, type FakeRoute, type Reply } from './http';
import { invoicePdfRoutes } from './invoice-pdf';
import { portalRoutes } from './portal-pages';
import { createFakeStripeWorld, type FakeStripeWorld } from './world';

export type * from './objects';
export type { FakeStripeState } from './core';
export type { FakeAddressInput, FakeCard, FakeCustomerInput, FakeCustomerPatch } from './customers';
export type { FakeRequest } from './http';
export type { FakeInvoiceInput, FakeInvoiceLineInput } from './invoices';
export type { FakePortalSessionParams } from './portal';
export type { FakeSubscriptionInput, FakeSubscriptionPatch } from './subscriptions';
export type { FakeStripeWorld } from './world';

export type FakeStripe = {
  url: string;
  state: FakeStripeState;
  /** Every request but those refused for their API key, oldest first. */
  requests: FakeRequest[];
  world: FakeStripeWorld;
  /** The next /v1 request fails with this status. */
  failNext(status: number): void;
  /** While set, every /v1 request fails with this status: Stripe unreachable. */
  setDown(status: number | null): void;
  signed: typeof signed;
  /** From now on, portal pages deliver the events they cause to this endpoint, signed with `secret`. */
  deliverWebhooksTo(endpoint: { url: string; secret: string }): void;
  close(): Promise<void>;
};

const routes: FakeRoute[] = [...customerRoutes, ...billingRoutes, ...correctionRoutes, ...portalRoutes, ...invoicePdfRoutes, ...controlRoutes];

/** A webhook delivery of `event` as Stripe signs it: the body and its Stripe-Signature header. */
export function signed(event: unknown, secret: string, { timestamp }: { timestamp?: number } = {}): { body: string; signature: string } {
  const body = JSON.stringify(event);
  return { body, signature: Stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp }) };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, reply: Reply, requestId: string): void {
  if ('location' in reply) {
    res.writeHead(reply.status, { location: reply.location, 'request-id': requestId });
    res.end();
    return;
  }
  const [contentType, content] = 'json' in reply ? ['application/json', JSON.stringify(reply.json)] : [reply.contentType, reply.content];
  res.writeHead(reply.status, { 'content-type': contentType, 'request-id': requestId });
  res.end(content);
}

/** Stripe's delivery of one event; a refusal is reported, as in Stripe's dashboard, and not retried. */
async function deliver(event: unknown, endpoint: { url: string; secret: string }): Promise<void> {
  const { body, signature } = signed(event, endpoint.secret);
  const response = await fetch(endpoint.url, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body });
  if (!response.ok) console.error(`[stripe-simulator] webhook endpoint answered ${response.status}`);
}

export async function startFakeStripe({ port = 0 }: { port?: number } = {}): Promise<FakeStripe> {
  const requests: FakeRequest[] = [];
  // Stripe's idempotency: a POST repeated with the same Idempotency-Key is answered what the first got, and changes nothing.
  const idempotent = new Map<string, { request: string; reply: Reply }>();
  let failure: number | undefined;
  let down: number | null = null;
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const world = createFakeStripeWorld(url);
  let webhooks: { endpoint: { url: string; secret: string }; delivered: number } | undefined;
  const context: FakeContext = {
    world,
    setDown: (status) => (down = status),
    async deliverEvents() {
      if (!webhooks) return;
      while (webhooks.delivered < world.state.events.length) await deliver(world.state.events[webhooks.delivered++], webhooks.endpoint);
    },
  };

  async function respond(req: http.IncomingMessage, raw: string): Promise<Reply> {
    const { pathname, searchParams } = new URL(req.url ?? '/', url);
    const api = pathname.startsWith('/v1/');
    if (api && !/^Bearer sk_/.test(req.headers.authorization ?? '')) return errorReply(invalidRequest('Invalid API Key provided.', { status: 401 }));
    const route = routes.find((r) => r.method === req.method && r.pattern.test(pathname));
    const params = { ...route?.pattern.exec(pathname)?.groups };
    const request: FakeRequest = { method: req.method ?? 'GET', path: pathname, params, query: searchParams, body: new URLSearchParams(raw), raw };
    requests.push(request);
    if (api && down !== null) return errorReply(failureOf(down, 'Fake Stripe is down.'));
    if (api && failure !== undefined) {
      const status = failure;
      failure = undefined;
      return errorReply(failureOf(status, 'Fake failure.'));
    }
    if (!route) return errorReply(invalidRequest(`Unrecognized request URL (${req.method}: ${pathname}).`, { status: 404 }));
    const unknown = api ? unknownParam(paramsOf(request), route.accepts ?? []) : undefined;
    if (unknown) return errorReply(invalidRequest(`Received unknown parameter: ${unknown}`, { code: 'parameter_unknown', param: unknown }));
    const key = api && request.method === 'POST' ? req.headers['idempotency-key'] : undefined;
    const fingerprint = `${pathname}?${raw}`;
    const earlier = typeof key === 'string' ? idempotent.get(key) : undefined;
    if (earlier) {
      if (earlier.request !== fingerprint) return errorReply(invalidRequest(`Keys for idempotent requests can only be used with the same parameters they were first used with.`, { code: 'idempotency_key_in_use' }));
      return earlier.reply;
    }
    try {
      const reply = await route.handle(request, context);
      if (typeof key === 'string' && reply.status < 300) idempotent.set(key, { request: fingerprint, reply });
      return reply;
    } catch (error) {
      if (error instanceof FakeStripeError) return errorReply(error);
      throw error;
    }
  }

  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    readBody(req)
      .then((raw) => respond(req, raw))
      .catch((error: unknown) => errorReply(failureOf(500, `Fake Stripe failed: ${error instanceof Error ? error.message : String(error)}`)))
      .then((reply) => send(res, reply, `req_${requests.length}`));
  });

  return {
    url,
    state: world.state,
    requests,
    world,
    failNext: (status) => (failure = status),
    setDown: context.setDown,
    signed,
    deliverWebhooksTo: (endpoint) => (webhooks = { endpoint, delivered: world.state.events.length }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

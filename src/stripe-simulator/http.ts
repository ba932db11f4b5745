// The fake's HTTP vocabulary: routes, requests, replies, and how Stripe reads parameters and pages lists.
import type { FakeStripeError } from './errors';
import type { FakeStripeWorld } from './world';

export type FakeRequest = { method: string; path: string; params: Record<string, string>; query: URLSearchParams; body: URLSearchParams; raw: string };

export type Reply = { status: number; json: unknown } | { status: number; contentType: string; content: string | Buffer } | { status: 303; location: string };

/** What a route can reach besides its request. */
export type FakeContext = {
  world: FakeStripeWorld;
  setDown(status: number | null): void;
  /** Sends the events not yet delivered to the webhook endpoint, when one is set (deliverWebhooksTo). */
  deliverEvents(): Promise<void>;
};

export type FakeRoute = {
  method: 'GET' | 'POST' | 'DELETE';
  pattern: RegExp;
  /** The parameters a /v1 route takes (`expand` also covers `expand[0]`…); Stripe refuses any other. */
  accepts?: readonly string[];
  handle(request: FakeRequest, context: FakeContext): Reply | Promise<Reply>;
};

export const ok = (json: unknown): Reply => ({ status: 200, json });

export const errorReply = (error: FakeStripeError): Reply => ({ status: error.status, json: { error: error.body } });

/** The SDK sends the parameters of a GET or DELETE in the query, those of a POST as a form. */
export const paramsOf = (request: FakeRequest): URLSearchParams => (request.method === 'POST' ? request.body : request.query);

const arrayRoot = (key: string) => key.replace(/\[\d*\]$/, '');

/** The values of an array parameter, encoded `name[0]=…&name[1]=…` (or `name[]=…`), in order. */
export function arrayParam(params: URLSearchParams, name: string): string[] {
  return [...params].filter(([key]) => key !== name && arrayRoot(key) === name).map(([, value]) => value);
}

export function unknownParam(params: URLSearchParams, accepts: readonly string[]): string | undefined {
  return [...params.keys()].find((key) => !accepts.includes(key) && !accepts.includes(arrayRoot(key)));
}

/** Stripe's list envelope, with `limit` and `starting_after` as Stripe pages it. */
export function list<T extends { id: string }>(url: string, items: T[], query: URLSearchParams): Reply {
  const limit = Math.min(100, Number(query.get('limit') ?? 10));
  const after = query.get('starting_after');
  const from = after ? items.findIndex((i) => i.id === after) + 1 : 0;
  const page = items.slice(from, from + limit);
  return ok({ object: 'list', url, data: page, has_more: from + limit < items.length });
}

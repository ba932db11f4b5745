// What every part of the fake world shares: the in-memory objects, the clock, Stripe-style ids, and
// the event log that every change appends to, as Stripe's would.
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type Stripe from 'stripe';
import { noSuch } from './errors';
import type {
  FakeCreditNote,
  FakeCustomer,
  FakeEvent,
  FakeEventObject,
  FakeInvoice,
  FakeInvoiceLine,
  FakeMeterEvent,
  FakePaymentMethod,
  FakePortalSession,
  FakeSubscription,
  FakeTaxId,
} from './objects';

const API_VERSION = '2026-10-28.endive';

export type FakeStripeState = {
  meterEvents: FakeMeterEvent[];
  /** The customers not deleted; GET answers a deleted one's id with Stripe's stub. */
  customers: Map<string, FakeCustomer>;
  deletedCustomerIds: Set<string>;
  taxIds: Map<string, FakeTaxId>;
  paymentMethods: Map<string, FakePaymentMethod>;
  subscriptions: Map<string, FakeSubscription>;
  invoices: Map<string, FakeInvoice>;
  /** Every line of each invoice; the invoice itself embeds the first ten. */
  invoiceLines: Map<string, FakeInvoiceLine[]>;
  portalSessions: Map<string, FakePortalSession>;
  creditNotes: Map<string, FakeCreditNote>;
  events: FakeEvent[];
};

export type FakeStripeCore = {
  state: FakeStripeState;
  /** Where the fake listens: the base of the URLs it hands out (invoice PDFs, portal pages). */
  baseUrl: string;
  /** Unix seconds: the clock set with setClock, else the real time. */
  now(): number;
  setClock(seconds: number | null): void;
  emit(type: Stripe.Event.Type, object: FakeEventObject, previousAttributes?: Record<string, unknown>): void;
  /** Applies `mutate` to the object and, when something changed, emits `type` with the previous values of what changed. */
  change<T extends FakeEventObject>(type: Stripe.Event.Type, object: T, mutate: (object: T) => void): T;
};

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function fakeId(prefix: string): string {
  return `${prefix}_${Array.from(randomBytes(14), (byte) => ALPHABET[byte % ALPHABET.length]).join('')}`;
}

export function createCore(baseUrl: string): FakeStripeCore {
  const state: FakeStripeState = {
    meterEvents: [],
    customers: new Map(),
    deletedCustomerIds: new Set(),
    taxIds: new Map(),
    paymentMethods: new Map(),
    subscriptions: new Map(),
    invoices: new Map(),
    invoiceLines: new Map(),
    portalSessions: new Map(),
    creditNotes: new Map(),
    events: [],
  };
  let clock: number | null = null;
  const now = () => clock ?? Math.floor(Date.now() / 1000);
  const emit: FakeStripeCore['emit'] = (type, object, previousAttributes) => {
    state.events.push({
      id: fakeId('evt'),
      object: 'event',
      type,
      created: now(),
      api_version: API_VERSION,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object: structuredClone(object), ...(previousAttributes ? { previous_attributes: previousAttributes } : {}) },
    });
  };
  return {
    state,
    baseUrl,
    now,
    setClock: (seconds) => (clock = seconds),
    emit,
    change(type, object, mutate) {
      const before = structuredClone(object);
      mutate(object);
      const previous = previousAttributes(before, object);
      if (previous) emit(type, object, previous);
      return object;
    },
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Stripe's `previous_attributes`: the old value of each changed field, descending into nested hashes. */
function previousAttributes(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> | undefined {
  const previous: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const [old, current] = [before[key], after[key]];
    if (isRecord(old) && isRecord(current)) {
      const nested = previousAttributes(old, current);
      if (nested) previous[key] = nested;
    } else if (!isDeepStrictEqual(old, current)) {
      previous[key] = old ?? null;
    }
  }
  return Object.keys(previous).length > 0 ? previous : undefined;
}

/** The object with this id, or Stripe's 404 for it. */
export function found<T>(objects: Map<string, T>, id: string, noun: string): T {
  const object = objects.get(id);
  if (!object) throw noSuch(noun, id);
  return object;
}

/** A customer that exists and is not deleted, or Stripe's 404 (400 when named by a parameter). */
export function liveCustomer(state: FakeStripeState, id: string, param?: string): FakeCustomer {
  const customer = state.customers.get(id);
  if (!customer) throw noSuch('customer', id, param ? { param, status: 400 } : {});
  return customer;
}

/** Stripe lists newest first; among objects created in the same second, the later one first. */
export function newestFirst<T extends { created: number }>(objects: Iterable<T>): T[] {
  return [...objects].reverse().sort((a, b) => b.created - a.created);
}

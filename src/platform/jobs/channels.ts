import type { Db } from '../db/types';

/** An outbox event as a channel sees it. */
export type DeliveryEvent = { id: number; organizationId: string | null; type: string; payload: Record<string, unknown>; createdAt: Date };

/** What a delivery attempt answered, kept on the delivery row (never a secret); `status`: the HTTP status, if any. */
export type DeliveryOutcome = { response: string; status?: number };

/**
 * A failed attempt, thrown by `deliver`: the row keeps the receiver's HTTP status, if it answered.
 * `final`: no later attempt can succeed (the target is gone), so the delivery is `failed` at once.
 */
export class DeliveryFailure extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly final = false,
  ) {
    super(message);
    this.name = 'DeliveryFailure';
  }
}

export type Channel = {
  /**
   * Who should get this event on this channel: one delivery per target, none when empty. Runs in the
   * relay's transaction: read through `tx` (on PGlite any other query would wait for it to end).
   */
  targets(event: DeliveryEvent, tx: Db): string[] | Promise<string[]>;
  /** Delivers once; throws to have it retried per `retrySchedule`. */
  deliver(event: DeliveryEvent, target: string): Promise<DeliveryOutcome>;
  /**
   * Seconds to wait after each failed attempt before the next: its length is the number of retries, and
   * a failure past its end marks the delivery `failed` (a person may still retry it).
   */
  retrySchedule: readonly number[];
};

// On globalThis like the database handle: registered from any of Next's bundles, seen by the relay's.
// Register channels before the relay starts: an event relayed while no channel wants it gets no delivery.
const slot = Symbol.for('deflect.channels');
const holder = globalThis as unknown as Record<symbol, Map<string, Channel> | undefined>;
const registry = (holder[slot] ??= new Map());

export function registerChannel(name: string, channel: Channel): void {
  registry.set(name, channel);
}

export function unregisterChannel(name: string): void {
  registry.delete(name);
}

export function channelNamed(name: string): Channel | undefined {
  return registry.get(name);
}

export function registeredChannels(): [string, Channel][] {
  return [...registry.entries()];
}

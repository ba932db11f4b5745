/** An outbox event as a channel sees it. */
export type DeliveryEvent = { id: number; organizationId: string | null; type: string; payload: Record<string, unknown>; createdAt: Date };

/** What a delivery attempt answered, kept on the delivery row (never a secret). */
export type DeliveryOutcome = { response: string };

export type Channel = {
  /** Who should get this event on this channel: one delivery per target, none when empty. */
  targets(event: DeliveryEvent): string[] | Promise<string[]>;
  /** Delivers once; throws to have it retried with back-off. */
  deliver(event: DeliveryEvent, target: string): Promise<DeliveryOutcome>;
};

const registry = new Map<string, Channel>();

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

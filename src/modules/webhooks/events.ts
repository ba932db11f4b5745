import { eventCatalog, isEventType, type EventType } from '@config/events';

/** The event types an endpoint may subscribe to: those whose channels in config/events.ts include `webhook`. */
export const webhookEventTypes = (Object.keys(eventCatalog) as EventType[]).filter((type) => (eventCatalog[type].channels as readonly string[]).includes('webhook'));

export function goesToWebhooks(type: string): boolean {
  return isEventType(type) && webhookEventTypes.includes(type);
}

/** Whether an endpoint subscribed to `events` wants an event of `type`. */
export function subscribes(events: readonly string[], type: string): boolean {
  return goesToWebhooks(type) && (events.includes('*') || events.includes(type));
}

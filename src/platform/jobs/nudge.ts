/** In-process wake-up for the relay: an action that wrote outbox rows calls `outboxWritten()` after commit. */
const listeners = new Set<() => void>();

export function onOutboxWritten(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function outboxWritten(): void {
  for (const listener of listeners) listener();
}

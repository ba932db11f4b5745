/** In-process wake-up for the relay: an action that wrote outbox rows calls `outboxWritten()` after commit. */

// Next.js bundles route handlers apart from instrumentation (where the relay runs): the listeners
// must live on globalThis, or an action's nudge would reach a copy of this module nobody listens to.
const slot = Symbol.for('deflect.outbox-listeners');
const holder = globalThis as unknown as Record<symbol, Set<() => void> | undefined>;
const listeners = (holder[slot] ??= new Set());

export function onOutboxWritten(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function outboxWritten(): void {
  for (const listener of listeners) listener();
}

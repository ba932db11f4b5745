import { LRUCache } from 'lru-cache';
import { getBus } from '@/platform/pubsub/bus';

/** What verify needs to know about a key, or that no key has this hash. */
export type KnownKey =
  | { found: true; id: string; organizationId: string; externalId: string | null; scopes: string[]; expiresAt: Date | null; revoked: boolean }
  | { found: false };

// Keys are cached by secret hash in each process. A revocation or rotation publishes the hash on the
// bus and every instance drops it (see bus.ts); the TTL only bounds the damage of a lost message.
export const KEY_CHANNEL = 'deflect_api_keys';

type State = { cache: LRUCache<string, KnownKey>; generation: number; subscribed: Promise<void> };
const slot = Symbol.for('deflect.apiKeys.cache');
const holder = globalThis as unknown as Record<symbol, State | undefined>;

function state(): State {
  let s = holder[slot];
  if (!s) {
    const created: State = { cache: new LRUCache({ max: 50_000, ttl: 5 * 60_000 }), generation: 0, subscribed: Promise.resolve() };
    created.subscribed = getBus().then((bus) =>
      bus.subscribe(KEY_CHANNEL, { onMessage: (hash) => forget(created, hash), onReset: () => forget(created) }),
    );
    created.subscribed.catch(() => (holder[slot] = undefined)); // the next call tries again
    s = holder[slot] = created;
  }
  return s;
}

function forget(s: State, hash?: string): void {
  s.generation++; // a lookup that started before this must not cache what it read
  if (hash === undefined) s.cache.clear();
  else s.cache.delete(hash);
}

/** The cached entry, or `load()`'s answer (cached unless an invalidation arrived meanwhile). */
export async function lookupKey(hash: string, load: () => Promise<KnownKey>): Promise<KnownKey> {
  const s = state();
  await s.subscribed; // never serve from a cache that would not hear about revocations
  const cached = s.cache.get(hash);
  if (cached) return cached;
  const generation = s.generation;
  const loaded = await load();
  if (s.generation === generation) s.cache.set(hash, loaded);
  return loaded;
}

/** After a revocation or rotation commits: drop the key here at once, and everywhere else via the bus. */
export async function announceKeyChange(hashes: string[]): Promise<void> {
  const s = state();
  hashes.forEach((hash) => forget(s, hash));
  const bus = await getBus();
  await Promise.all(hashes.map((hash) => bus.publish(KEY_CHANNEL, hash)));
}

import { sql } from 'drizzle-orm';
import type { Db } from '@/platform/db/types';
import { logError } from '@/platform/logging/error-line';

// Verify must not write on the hot path. Uses are noted in memory and written in one batched
// UPDATE every few seconds, at most once a minute per key. This is bookkeeping, not a change anyone
// makes, so it does not go through the action pipeline (an audit row per use would drown the log):
// one of the writes listed in src/platform/actions/outside-pipeline.ts.

const FLUSH_EVERY_MS = 5_000;
const ONCE_PER_MS = 60_000;

type State = { pending: Map<string, Date>; lastNoted: Map<string, number>; timer?: NodeJS.Timeout; db?: () => Promise<Db> };
const slot = Symbol.for('deflect.apiKeys.lastUsed');
const holder = globalThis as unknown as Record<symbol, State | undefined>;
const state = (): State => (holder[slot] ??= { pending: new Map(), lastNoted: new Map() });

export function noteKeyUse(keyId: string, at: Date, db: () => Promise<Db>): void {
  const s = state();
  const last = s.lastNoted.get(keyId);
  if (last !== undefined && at.getTime() - last < ONCE_PER_MS) return;
  s.lastNoted.set(keyId, at.getTime());
  s.pending.set(keyId, at);
  s.db = db;
  s.timer ??= setInterval(() => void flushKeyUses().catch((error: unknown) => logError('[api-keys] last used', error)), FLUSH_EVERY_MS).unref();
}

/** Writes the uses noted so far (also called on shutdown and by tests). */
export async function flushKeyUses(): Promise<number> {
  const s = state();
  if (s.pending.size === 0 || !s.db) return 0;
  const batch = [...s.pending];
  s.pending.clear();
  const rows = sql.join(
    batch.map(([id, at]) => sql`(${id}, ${at.toISOString()}::timestamptz)`),
    sql`, `,
  );
  await (await s.db()).execute(sql`
    update api_key set last_used_at = greatest(coalesce(api_key.last_used_at, v.t), v.t)
    from (values ${rows}) as v(id, t) where api_key.id = v.id`);
  return batch.length;
}

import { getDb } from '@/platform/db/client';
import { getBus } from '@/platform/pubsub/bus';
import type { RolloutRule } from './modes';
import { allRollouts, ruleOf } from './store';

// Every request of a customer asks the rollout, so each process keeps all the rules (a handful of
// rows) until a switch. A switch drops them here at once and, through the bus, on every other instance.
export const ROLLOUT_CHANNEL = 'deflect_rollout';

type State = { rules: Promise<Map<string, RolloutRule>> | undefined; subscribed: Promise<void> };
// On globalThis: Next's bundles each load this file, and must share one cache and one subscription.
const slot = Symbol.for('deflect.rollout.cache');
const holder = globalThis as unknown as Record<symbol, State | undefined>;

// A load under way when a switch arrives is dropped with the rest: the next request loads again.
function forget(s: State): void {
  s.rules = undefined;
}

function state(): State {
  let s = holder[slot];
  if (!s) {
    const created: State = { rules: undefined, subscribed: Promise.resolve() };
    const drop = () => forget(created);
    created.subscribed = getBus().then((bus) => bus.subscribe(ROLLOUT_CHANNEL, { onMessage: drop, onReset: drop }));
    created.subscribed.catch(() => (holder[slot] = undefined)); // the next call tries again
    s = holder[slot] = created;
  }
  return s;
}

async function load(): Promise<Map<string, RolloutRule>> {
  const rows = await allRollouts(await getDb());
  return new Map(rows.map((row) => [row.section, ruleOf(row)]));
}

/** Each section's rule (a section without one is on), read from the database once per switch. */
export async function rolloutRules(): Promise<Map<string, RolloutRule>> {
  const s = state();
  await s.subscribed; // never serve from a cache that would not hear about a switch
  if (!s.rules) {
    const loading = (s.rules = load());
    loading.catch(() => {
      if (s.rules === loading) s.rules = undefined;
    });
  }
  return s.rules;
}

/** After a switch commits: drop the rules here at once, and everywhere else via the bus. */
export async function announceRolloutChange(): Promise<void> {
  forget(state());
  await (await getBus()).publish(ROLLOUT_CHANNEL, 'switched');
}

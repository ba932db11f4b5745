/**
 * V8 flags for the processes that serve requests: `npm start` and the benches (package.json's
 * `api-server` script repeats them: npm scripts cannot import).
 * A young generation of up to 64 MB instead of 16: each usage batch allocates its parsed body, the
 * validated copy and the column arrays, and with several batches in flight every scavenge copied the
 * live ones. The portal spent 12–19 % less CPU per ingested event (bench/README.md, "Figures
 * (usage)"). V8 grows the young generation only as far as allocation needs.
 */
export const serverNodeOptions = ['--max-semi-space-size=64'];

/** `env` with `serverNodeOptions` added to NODE_OPTIONS, for a child that starts Node itself. */
export function withServerNodeOptions(env) {
  return { ...env, NODE_OPTIONS: [env.NODE_OPTIONS, ...serverNodeOptions].filter(Boolean).join(' ') };
}

import type { Db } from '@/platform/db/types';
import { switchableSections } from './sections';
import { allRollouts, organizationsNamed } from './store';
import { rolloutView, type RolloutView } from './view';

export { switchSection } from './actions';
export { installRolloutGate, isSectionOnFor, sectionsOpenTo } from './gate';
export { requireSectionOpen } from './page-gate';
export { switchSectionInput, MAX_ALLOWLIST } from './inputs';
export { mayHide, ROLLOUT_MODES, showsToAnyone, type RolloutMode, type RolloutRule } from './modes';
export { cohortOf } from './rule';
export { switchableSection, switchableSections } from './sections';
export type { RolloutView } from './view';

/** Every switchable section's rollout, in the navigation's order (a section without a rule is on). */
export async function listSectionRollouts(db: Db): Promise<RolloutView[]> {
  const rows = new Map((await allRollouts(db)).map((row) => [row.section, row]));
  return switchableSections.map((s) => rolloutView(s, rows.get(s.id)));
}

/** When each section was first shown to customers (null: never, or before rollouts were recorded). */
export async function launchDates(db: Db): Promise<Record<string, Date | null>> {
  return Object.fromEntries((await listSectionRollouts(db)).map((r) => [r.section, r.launchedAt]));
}

/** The names of the organizations on the allowlists, for the console. */
export async function allowlistNames(db: Db, rollouts: RolloutView[]): Promise<Record<string, string>> {
  const ids = [...new Set(rollouts.flatMap((r) => r.organizations))];
  return Object.fromEntries((await organizationsNamed(db, ids)).map((o) => [o.id, o.name]));
}

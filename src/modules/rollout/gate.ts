import { sections } from '@config/sections';
import { installSectionRollout, isSectionEnabled } from '@/platform/config/sections';
import { rolloutRules } from './cache';
import { ALWAYS_ON } from './modes';
import { showsTo } from './rule';

/**
 * The sections this organization sees: switched on by the operator and rolled out to it. One cached
 * read of the rules, no query once warm: every customer request asks.
 */
export async function sectionsOpenTo(organizationId: string): Promise<Set<string>> {
  const rules = await rolloutRules();
  const open = sections.filter((s) => s.id === 'account' || (isSectionEnabled(s.id) && showsTo(rules.get(s.id) ?? ALWAYS_ON, s.id, organizationId)));
  return new Set(open.map((s) => s.id));
}

export async function isSectionOnFor(section: string, organizationId: string): Promise<boolean> {
  return (await sectionsOpenTo(organizationId)).has(section);
}

/** Has the customer gates of src/platform (JSON routes, forms) ask the rollout. Called once at start. */
export function installRolloutGate(): void {
  installSectionRollout(isSectionOnFor);
}

import { consoleSections, sections, type ConsoleSection, type Section } from '@config/sections';
import type { Actor } from '../actions/actor';
import { permits } from '../actions/authorize';
import { getConfig } from './index';

/** `DISABLED_SECTIONS=usage,support` switches sections off: gone from the navigation, 404 when visited. */
export function isSectionEnabled(id: string): boolean {
  if (id === 'account') return true;
  const config = getConfig();
  const section = sections.find((s) => s.id === id);
  if (!section || (!section.ready && !config.SUPPORT_EMAIL)) return false;
  return !config.DISABLED_SECTIONS.split(',').map((s) => s.trim()).includes(id);
}

export function enabledSections(): Section[] {
  return sections.filter((s) => isSectionEnabled(s.id));
}

/** The switched-on sections this actor may open: the navigation. */
export function sectionsFor(actor: Actor): Section[] {
  return enabledSections().filter((s) => !s.permission || permits(actor, s.permission));
}

/** The console pages this staff member's role may open: the console's navigation. */
export function consoleSectionsFor(actor: Actor): ConsoleSection[] {
  return consoleSections.filter((s) => permits(actor, s.permission));
}

function under(path: string, prefix: string | undefined): boolean {
  return prefix !== undefined && (path === prefix || path.startsWith(`${prefix}/`));
}

/** The section a page or JSON route belongs to, if any (the Account section itself is never off). */
export function sectionOfPath(path: string): Section | undefined {
  return sections.find((s) => s.id !== 'account' && (under(path, s.href) || under(path, s.api)));
}

/** Whether a page or JSON route belongs to a switched-off section (it answers 404). */
export function isSwitchedOff(path: string): boolean {
  const section = sectionOfPath(path);
  return section !== undefined && !isSectionEnabled(section.id);
}

/** Whether a section is shown to an organization, below DISABLED_SECTIONS: the rollout's rule. */
export type SectionRollout = (sectionId: string, organizationId: string) => Promise<boolean>;

// On globalThis: installed once at start (src/boot.ts), asked from any of Next's bundles.
const rolloutSlot = Symbol.for('deflect.sectionRollout');
const rolloutHolder = globalThis as unknown as Record<symbol, SectionRollout | undefined>;

/** The rollout module's rule, asked by the customer gates below; until installed every section is on. */
export function installSectionRollout(rollout: SectionRollout | undefined): void {
  rolloutHolder[rolloutSlot] = rollout;
}

/**
 * Whether the organization may open a page or JSON route: outside every section, or in one that is
 * switched on and rolled out to it. Asked once the customer's session is known.
 */
export async function isPathOpenFor(path: string, organizationId: string): Promise<boolean> {
  const section = sectionOfPath(path);
  if (!section) return true;
  const rollout = rolloutHolder[rolloutSlot];
  return isSectionEnabled(section.id) && (!rollout || (await rollout(section.id, organizationId)));
}

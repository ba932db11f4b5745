import { sections, type Section } from '@config/sections';

/** The sections a rollout switches: every one but Account, which is never off. */
export const switchableSections: readonly Section[] = sections.filter((s) => s.id !== 'account');

export function switchableSection(id: string): Section | undefined {
  return switchableSections.find((s) => s.id === id);
}

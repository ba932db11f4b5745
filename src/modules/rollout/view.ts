import type { Section } from '@config/sections';
import { isSectionEnabled } from '@/platform/config/sections';
import { ALWAYS_ON, type RolloutMode } from './modes';
import { ruleOf, type RolloutRow } from './store';

/** A section's rollout as the console and `/api/admin/sections` show it. */
export type RolloutView = {
  section: string;
  label: string;
  mode: RolloutMode;
  percentage: number;
  organizations: string[];
  launchedAt: Date | null;
  updatedAt: Date | null;
  /** DISABLED_SECTIONS switches it off for everyone, whatever the rollout says. */
  forcedOff: boolean;
};

export function rolloutView(section: Section, row: RolloutRow | undefined): RolloutView {
  const rule = row ? ruleOf(row) : ALWAYS_ON;
  return {
    section: section.id,
    label: section.label,
    mode: rule.mode,
    percentage: rule.percentage,
    organizations: rule.organizations,
    launchedAt: row?.launchedAt ?? null,
    updatedAt: row?.updatedAt ?? null,
    forcedOff: !isSectionEnabled(section.id),
  };
}

import { createHash } from 'node:crypto';
import type { RolloutRule } from './modes';

/**
 * The organization's place, 0..99, in the section's cohort: sha256("<section>:<organization id>"),
 * its leading 32 bits modulo 100. Stable across restarts and instances; the section is in the hash so
 * that the early cohort of one section is not the early cohort of every section.
 */
export function cohortOf(section: string, organizationId: string): number {
  return createHash('sha256').update(`${section}:${organizationId}`).digest().readUInt32BE(0) % 100;
}

/** Whether the rule shows the section to this organization. */
export function showsTo(rule: RolloutRule, section: string, organizationId: string): boolean {
  switch (rule.mode) {
    case 'off':
      return false;
    case 'on':
      return true;
    case 'percentage':
      return cohortOf(section, organizationId) < rule.percentage;
    case 'allowlist':
      return rule.organizations.includes(organizationId);
  }
}


// No Node-only import here: the console's editor runs this in the browser.

export const ROLLOUT_MODES = ['off', 'on', 'percentage', 'allowlist'] as const;
export type RolloutMode = (typeof ROLLOUT_MODES)[number];

/** Who sees a section, as stored: a section without a rule is `on`. */
export type RolloutRule = { mode: RolloutMode; percentage: number; organizations: string[] };

export const ALWAYS_ON: RolloutRule = { mode: 'on', percentage: 0, organizations: [] };

/** Whether the rule shows the section to any customer at all: what records its launch. */
export function showsToAnyone(rule: RolloutRule): boolean {
  return rule.mode === 'on' || (rule.mode === 'percentage' && rule.percentage > 0) || (rule.mode === 'allowlist' && rule.organizations.length > 0);
}

/**
 * Whether switching from `before` to `after` may hide the section from a customer who sees it now
 * (the console asks for confirmation then). A percentage's cohort and an allowlist are not compared
 * organization by organization: moving between them counts as hiding.
 */
export function mayHide(before: RolloutRule, after: RolloutRule): boolean {
  if (!showsToAnyone(before)) return false;
  switch (after.mode) {
    case 'on':
      return false;
    case 'off':
      return true;
    case 'percentage':
      return after.percentage < 100 && (before.mode !== 'percentage' || after.percentage < before.percentage);
    case 'allowlist':
      return before.mode !== 'allowlist' || before.organizations.some((id) => !after.organizations.includes(id));
  }
}

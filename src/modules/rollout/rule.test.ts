import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mayHide, showsToAnyone, type RolloutRule } from './modes';
import { cohortOf, showsTo } from './rule';

// The rule on its own: who a section's rule shows it to, and when the console asks to confirm.

const ids = Array.from({ length: 2000 }, () => randomUUID());
const rule = (mode: RolloutRule['mode'], extra: Partial<RolloutRule> = {}): RolloutRule => ({ mode, percentage: 0, organizations: [], ...extra });
const shareShown = (r: RolloutRule, section = 'team') => ids.filter((id) => showsTo(r, section, id)).length / ids.length;

describe('the percentage cohort', () => {
  it('places an organization at the same 0..99 for a section, every time', () => {
    for (const id of ids.slice(0, 50)) {
      const place = cohortOf('team', id);
      expect(place).toBeGreaterThanOrEqual(0);
      expect(place).toBeLessThan(100);
      expect(Number.isInteger(place)).toBe(true);
      expect(cohortOf('team', id)).toBe(place);
    }
  });

  it('shows the section to about the percentage of organizations, and 0 and 100 to none and all', () => {
    expect(shareShown(rule('percentage', { percentage: 0 }))).toBe(0);
    expect(shareShown(rule('percentage', { percentage: 100 }))).toBe(1);
    for (const percentage of [10, 25, 50]) {
      expect(shareShown(rule('percentage', { percentage }))).toBeGreaterThan(percentage / 100 - 0.05);
      expect(shareShown(rule('percentage', { percentage }))).toBeLessThan(percentage / 100 + 0.05);
    }
  });

  it('only grows as the percentage grows: nobody shown at 10 % loses it at 20 %', () => {
    const atTen = ids.filter((id) => showsTo(rule('percentage', { percentage: 10 }), 'billing', id));
    expect(atTen.length).toBeGreaterThan(0);
    expect(atTen.every((id) => showsTo(rule('percentage', { percentage: 20 }), 'billing', id))).toBe(true);
  });

  it('draws a different cohort for each section', () => {
    const tenPercent = rule('percentage', { percentage: 10 });
    const inTeam = ids.filter((id) => showsTo(tenPercent, 'team', id));
    const inBoth = inTeam.filter((id) => showsTo(tenPercent, 'usage', id));
    expect(inBoth.length).toBeLessThan(inTeam.length / 2);
  });
});

describe('off, on and the allowlist', () => {
  it('off shows nobody, on everybody, an allowlist exactly its organizations', () => {
    const [listed, other] = ids;
    expect(showsTo(rule('off', { percentage: 100, organizations: [listed!] }), 'team', listed!)).toBe(false);
    expect(showsTo(rule('on'), 'team', other!)).toBe(true);
    const allowlist = rule('allowlist', { organizations: [listed!], percentage: 100 });
    expect(showsTo(allowlist, 'team', listed!)).toBe(true);
    expect(showsTo(allowlist, 'team', other!)).toBe(false);
  });

  it('counts as shown to customers: on, a percentage above 0, a non-empty allowlist', () => {
    expect([rule('on'), rule('percentage', { percentage: 1 }), rule('allowlist', { organizations: ['o'] })].map(showsToAnyone)).toEqual([true, true, true]);
    expect([rule('off', { percentage: 50 }), rule('percentage'), rule('allowlist')].map(showsToAnyone)).toEqual([false, false, false]);
  });
});

describe('mayHide: when the console asks for confirmation', () => {
  it('asks when customers who see the section now may lose it', () => {
    expect(mayHide(rule('on'), rule('off'))).toBe(true);
    expect(mayHide(rule('on'), rule('percentage', { percentage: 50 }))).toBe(true);
    expect(mayHide(rule('percentage', { percentage: 50 }), rule('percentage', { percentage: 20 }))).toBe(true);
    expect(mayHide(rule('on'), rule('allowlist', { organizations: ['a'] }))).toBe(true);
    expect(mayHide(rule('allowlist', { organizations: ['a', 'b'] }), rule('allowlist', { organizations: ['a'] }))).toBe(true);
    expect(mayHide(rule('percentage', { percentage: 50 }), rule('allowlist', { organizations: ['a'] }))).toBe(true);
  });

  it('does not ask when nobody loses it', () => {
    expect(mayHide(rule('off'), rule('allowlist', { organizations: ['a'] }))).toBe(false);
    expect(mayHide(rule('allowlist', { organizations: ['a'] }), rule('on'))).toBe(false);
    expect(mayHide(rule('percentage', { percentage: 20 }), rule('percentage', { percentage: 50 }))).toBe(false);
    expect(mayHide(rule('on'), rule('percentage', { percentage: 100 }))).toBe(false);
    expect(mayHide(rule('allowlist', { organizations: ['a'] }), rule('allowlist', { organizations: ['a', 'b'] }))).toBe(false);
    expect(mayHide(rule('allowlist'), rule('off'))).toBe(false);
  });
});

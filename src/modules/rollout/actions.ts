import { sql } from 'drizzle-orm';
import { defineAction } from '@/platform/actions/define';
import { AppError, notFound } from '@/platform/http/errors';
import { announceRolloutChange } from './cache';
import { switchSectionInput } from './inputs';
import { showsToAnyone, type RolloutRule } from './modes';
import { sectionRollouts } from './schema';
import { switchableSection } from './sections';
import { organizationsNamed, rolloutOf, ruleOf } from './store';
import { rolloutView } from './view';

/** Organization ids that name no organization are field errors, one per position in the list. */
async function assertOrganizationsExist(tx: Parameters<typeof organizationsNamed>[0], ids: string[]): Promise<void> {
  const known = new Set((await organizationsNamed(tx, ids)).map((o) => o.id));
  const unknown = ids.map((id, index) => [id, index] as const).filter(([id]) => !known.has(id));
  if (unknown.length === 0) return;
  throw new AppError('validation_failed', 'Some fields are not valid.', Object.fromEntries(unknown.map(([id, index]) => [`organizations.${index}`, `No organization has the id ${id}.`])));
}

/**
 * A lead switches who sees a portal section. A percentage or an allowlist not given is kept from the
 * section's last rule, so switching off and on again keeps the list. The first rule that shows the
 * section to any customer records its launch; a later switch never moves it.
 */
export const switchSection = defineAction({
  name: 'staff.rollout.update',
  input: switchSectionInput,
  async run({ actor, tx, afterCommit }, input) {
    const section = switchableSection(input.section);
    if (!section) throw notFound('Section');
    if (input.organizations) await assertOrganizationsExist(tx, input.organizations);
    const before = await rolloutOf(tx, section.id);
    const rule: RolloutRule = {
      mode: input.mode,
      percentage: input.percentage ?? before?.percentage ?? 0,
      organizations: input.organizations ?? before?.organizations ?? [],
    };
    const now = new Date();
    const values = {
      section: section.id,
      ...rule,
      launchedAt: before?.launchedAt ?? (showsToAnyone(rule) ? now : null),
      updatedByStaffId: actor.type === 'staff' ? actor.staffId : null,
      updatedAt: now,
    };
    const [row] = await tx
      .insert(sectionRollouts)
      .values(values)
      .onConflictDoUpdate({
        target: sectionRollouts.section,
        // A concurrent first switch may have launched it meanwhile: the earliest launch stays.
        set: { ...values, launchedAt: sql`coalesce(${sectionRollouts.launchedAt}, excluded.launched_at)` },
      })
      .returning();
    afterCommit(announceRolloutChange);
    return {
      result: { rollout: rolloutView(section, row!) },
      audit: { entityType: 'section', entityId: section.id, before: before ? ruleOf(before) : null, after: { ...rule, launchedAt: row!.launchedAt } },
    };
  },
});

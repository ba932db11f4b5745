import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejectionOf } from '../../../tests/support/errors';
import { seedStaff } from '../../../tests/support/staff-fixtures';
import { seedOrg, useTestDatabase, type SeededOrg } from '../../../tests/support/test-db';
import { executeAction } from '@/platform/actions/execute';
import type { Actor } from '@/platform/actions/actor';
import { resetConfigForTests } from '@/platform/config';
import { installSectionRollout, isPathOpenFor } from '@/platform/config/sections';
import { auditLog } from '@/platform/actions/schema';
import type { AppError } from '@/platform/http/errors';
import { getBus } from '@/platform/pubsub/bus';
import { announceRolloutChange, ROLLOUT_CHANNEL } from './cache';
import { sectionRollouts } from './schema';
import { installRolloutGate, isSectionOnFor, launchDates, listSectionRollouts, switchSection } from './service';

// The rollout over the real database: a lead's switch, what it records, and every customer gate
// that asks it (JSON routes and forms through src/platform). The help drawer and the contact form are
// tested with their modules.

const t = useTestDatabase();
let lead: Actor;
let first: SeededOrg;
let second: SeededOrg;

const sw = (input: Record<string, unknown>, actor: Actor = lead) => executeAction(actor, switchSection, input, { db: t.db });
const codeOf = async (p: Promise<unknown>) => ((await rejectionOf(p)) as AppError).code;
const fieldsOf = async (p: Promise<unknown>) => ((await rejectionOf(p)) as AppError).fields;

function disable(value: string | undefined) {
  if (value === undefined) delete process.env.DISABLED_SECTIONS;
  else process.env.DISABLED_SECTIONS = value;
  resetConfigForTests();
}

beforeEach(async () => {
  lead ??= await seedStaff(t.db, 'lead');
  first ??= await seedOrg(t.db, { name: 'First Rollout Co' });
  second ??= await seedOrg(t.db, { name: 'Second Rollout Co' });
  await t.db.delete(sectionRollouts);
  await announceRolloutChange();
});
afterEach(() => {
  disable(undefined);
  installSectionRollout(undefined);
});

describe('switching a section', () => {
  it('records launchedAt at the first switch that shows it to customers, and keeps it after', async () => {
    const off = await sw({ section: 'team', mode: 'off' });
    expect(off.rollout).toMatchObject({ section: 'team', mode: 'off', launchedAt: null });
    const emptyList = await sw({ section: 'team', mode: 'allowlist', organizations: [] });
    expect(emptyList.rollout.launchedAt).toBeNull();

    const launched = await sw({ section: 'team', mode: 'allowlist', organizations: [first.organizationId] });
    expect(launched.rollout.launchedAt).toBeInstanceOf(Date);
    for (const later of [{ mode: 'off' }, { mode: 'on' }, { mode: 'percentage', percentage: 30 }]) {
      const { rollout } = await sw({ section: 'team', ...later });
      expect(rollout.launchedAt).toEqual(launched.rollout.launchedAt);
    }
    expect((await launchDates(t.db)).team).toEqual(launched.rollout.launchedAt);
    expect((await launchDates(t.db)).billing).toBeNull();
  });

  it('keeps the allowlist and percentage through a switch to another mode', async () => {
    await sw({ section: 'usage', mode: 'allowlist', organizations: [first.organizationId, first.organizationId] });
    await sw({ section: 'usage', mode: 'percentage', percentage: 40 });
    const { rollout } = await sw({ section: 'usage', mode: 'off' });
    expect(rollout).toMatchObject({ mode: 'off', organizations: [first.organizationId], percentage: 40 });
  });

  it('is audited with the staff member as actor, before and after', async () => {
    await sw({ section: 'billing', mode: 'percentage', percentage: 25 });
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.action, 'staff.rollout.update'));
    const last = rows.at(-1)!;
    expect(last).toMatchObject({ actorType: 'staff', entityType: 'section', entityId: 'billing', before: null });
    expect(last.after).toMatchObject({ mode: 'percentage', percentage: 25, organizations: [] });
  });

  it('refuses unknown organizations (422 naming each), unknown sections and Account (404), and agents (403)', async () => {
    expect(await fieldsOf(sw({ section: 'team', mode: 'allowlist', organizations: [first.organizationId, 'no-such-org'] }))).toEqual({ 'organizations.1': 'No organization has the id no-such-org.' });
    expect(await fieldsOf(sw({ section: 'team', mode: 'percentage' }))).toMatchObject({ percentage: expect.any(String) });
    expect(await fieldsOf(sw({ section: 'team', mode: 'percentage', percentage: 101 }))).toMatchObject({ percentage: expect.any(String) });
    expect(await fieldsOf(sw({ section: 'team', mode: 'allowlist' }))).toMatchObject({ organizations: expect.any(String) });
    expect(await fieldsOf(sw({ section: 'team', mode: 'sometimes' }))).toMatchObject({ mode: expect.any(String) });
    expect(await codeOf(sw({ section: 'nowhere', mode: 'on' }))).toBe('not_found');
    expect(await codeOf(sw({ section: 'account', mode: 'off' }))).toBe('not_found');
    expect(await codeOf(sw({ section: 'team', mode: 'off' }, await seedStaff(t.db, 'agent')))).toBe('forbidden');
    expect(await t.db.select().from(sectionRollouts)).toEqual([]);
  });
});

describe('who sees a section', () => {
  it('a section never switched is on; a switch reaches this process at once', async () => {
    expect(await isSectionOnFor('team', first.organizationId)).toBe(true);
    await sw({ section: 'team', mode: 'allowlist', organizations: [first.organizationId] });
    expect(await isSectionOnFor('team', first.organizationId)).toBe(true);
    expect(await isSectionOnFor('team', second.organizationId)).toBe(false);
    await sw({ section: 'team', mode: 'off' });
    expect(await isSectionOnFor('team', first.organizationId)).toBe(false);
  });

  it('a switch from another instance arrives over the bus', async () => {
    expect(await isSectionOnFor('invoices', second.organizationId)).toBe(true);
    await t.db.insert(sectionRollouts).values({ section: 'invoices', mode: 'off' });
    await (await getBus()).publish(ROLLOUT_CHANNEL, 'switched');
    await expect.poll(() => isSectionOnFor('invoices', second.organizationId)).toBe(false);
  });

  it('DISABLED_SECTIONS wins over the rollout; Account is always on', async () => {
    await sw({ section: 'support', mode: 'on' });
    disable('support,account');
    expect(await isSectionOnFor('support', first.organizationId)).toBe(false);
    expect(await isSectionOnFor('account', first.organizationId)).toBe(true);
    expect((await listSectionRollouts(t.db)).find((r) => r.section === 'support')).toMatchObject({ mode: 'on', forcedOff: true });
  });

  it('the gate of the JSON routes and forms: a route of an off section is closed to that organization only', async () => {
    installRolloutGate();
    await sw({ section: 'team', mode: 'allowlist', organizations: [first.organizationId] });
    expect(await isPathOpenFor('/api/account/team/members/m1', first.organizationId)).toBe(true);
    expect(await isPathOpenFor('/api/account/team/members/m1', second.organizationId)).toBe(false);
    expect(await isPathOpenFor('/account/team', second.organizationId)).toBe(false);
    expect(await isPathOpenFor('/api/account/me', second.organizationId)).toBe(true);
    expect(await isPathOpenFor('/api/account/teamwork', second.organizationId)).toBe(true);
  });

  it('answers from memory once warm: a rule written behind its back is not read until a switch is announced', async () => {
    expect(await isSectionOnFor('activity', first.organizationId)).toBe(true);
    await t.db.insert(sectionRollouts).values({ section: 'activity', mode: 'off' });
    expect(await isSectionOnFor('activity', first.organizationId)).toBe(true);
    await announceRolloutChange();
    expect(await isSectionOnFor('activity', first.organizationId)).toBe(false);
  });
});

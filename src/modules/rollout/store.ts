import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@/platform/db/types';
import { organization } from '@/platform/tenancy/schema';
import type { RolloutRule } from './modes';
import { sectionRollouts } from './schema';

export type RolloutRow = typeof sectionRollouts.$inferSelect;

export const ruleOf = (row: Pick<RolloutRow, 'mode' | 'percentage' | 'organizations'>): RolloutRule => ({
  mode: row.mode as RolloutRule['mode'],
  percentage: row.percentage,
  organizations: row.organizations,
});

export async function allRollouts(db: Db): Promise<RolloutRow[]> {
  return db.select().from(sectionRollouts);
}

export async function rolloutOf(db: Db, section: string): Promise<RolloutRow | undefined> {
  const [row] = await db.select().from(sectionRollouts).where(eq(sectionRollouts.section, section)).for('update');
  return row;
}

/** The organizations of `ids` that exist, with their names. */
export async function organizationsNamed(db: Db, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db.select({ id: organization.id, name: organization.name }).from(organization).where(inArray(organization.id, ids));
}

import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { meterIds } from '@config/usage';
import { defineQuery } from '@/platform/actions/define-query';
import type { Db } from '@/platform/db/types';
import { notFound } from '@/platform/http/errors';
import { organization } from '@/platform/tenancy/schema';
import { rangeInput } from './inputs';
import { usageOverview, usageSeries, type UsageOrganization } from './read';

const noInput = z.object({}).optional();

async function usageOrganization(db: Db, organizationId: string): Promise<UsageOrganization> {
  const [org] = await db.select({ id: organization.id, plan: organization.plan }).from(organization).where(eq(organization.id, organizationId));
  if (!org) throw notFound('Organization');
  return org;
}

/** This period's usage of each meter against the plan's limit (`GET /api/account/usage`). */
export const usageQuery = defineQuery({
  name: 'usage.read',
  input: noInput,
  async run({ db, organizationId }) {
    const { meters } = await usageOverview(db, await usageOrganization(db, organizationId));
    return { meters: meters.map(({ meter, unit, used, limit, percent, period }) => ({ meter, unit, used, limit, percent, period })) };
  },
});

/** One meter's series over `range` (`GET /api/account/usage/{meter}`, and its CSV). */
export const meterSeriesQuery = defineQuery({
  name: 'usage.read',
  input: rangeInput.extend({ meter: z.enum(meterIds) }),
  run: async ({ db, organizationId }, { meter, range }) => usageSeries(db, await usageOrganization(db, organizationId), meter, range),
});

/** The Usage screen: the period's usage and, per meter, 30 days and 12 months. */
export const usageScreenQuery = defineQuery({
  name: 'usage.read',
  input: noInput,
  async run({ db, organizationId }) {
    const org = await usageOrganization(db, organizationId);
    const now = new Date();
    const [overview, series] = await Promise.all([
      usageOverview(db, org, now),
      Promise.all(meterIds.map(async (meter) => ({ meter, daily: await usageSeries(db, org, meter, '30d', now), monthly: await usageSeries(db, org, meter, '12m', now) }))),
    ]);
    return { overview, series, plan: org.plan, empty: series.every((s) => s.monthly.total === 0 && s.daily.total === 0) };
  },
});


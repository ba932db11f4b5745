import type { organization } from '@/platform/tenancy/schema';

export type OrganizationView = {
  id: string;
  externalId: string | null;
  name: string;
  plan: string;
  billing: string | null;
  stripeCustomerId: string | null;
  contract: unknown;
  createdAt: string;
  updatedAt: string;
};

export function organizationView(row: typeof organization.$inferSelect): OrganizationView {
  return {
    id: row.id,
    externalId: row.externalId,
    name: row.name,
    plan: row.plan,
    billing: row.billing,
    stripeCustomerId: row.stripeCustomerId,
    contract: row.contract ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

import { z } from 'zod';
import { seedDemoBillingDetails } from '@/modules/billing/service';
import { seedDemoContractInvoices } from '@/modules/invoices/service';
import { seedDemoUsage } from '@/modules/usage/service';
import { defineAction } from '@/platform/actions/define';
import { account, user } from '@/platform/auth/schema';
import { membership, organization } from '@/platform/tenancy/schema';
import type { Db } from '@/platform/db/types';
import type { ContractTerms } from '@/platform/tenancy/schema';
import { demoEmail, demoOrganizations, type DemoOrganization } from './data';
import { isDemoOrganization, isDemoPerson } from './filters';

async function seedContractBilling(tx: Db, organizationId: string, contract: ContractTerms, details: NonNullable<DemoOrganization['contractBilling']>): Promise<void> {
  await seedDemoBillingDetails(tx, organizationId, details);
  await seedDemoContractInvoices(tx, organizationId, { prefix: details.invoicePrefix, quarters: details.quarters, yearlyAmount: contract.amount, currency: contract.currency });
}

export const seedDemoOrganization = defineAction({
  name: 'system.seed_demo_organization',
  input: z.object({ index: z.number().int().min(0), passwordHash: z.string().min(1) }),
  async run(ctx, { index, passwordHash }) {
    const { tx } = ctx;
    const demo = demoOrganizations[index]!;
    const organizationId = crypto.randomUUID();
    await tx.insert(organization).values({
      id: organizationId,
      externalId: demo.externalId,
      name: demo.name,
      plan: demo.plan,
      billing: demo.billing ?? null,
      stripeCustomerId: demo.stripeCustomerId ?? null,
      contract: demo.contract ?? null,
    });
    for (const [i, person] of demo.people.entries()) {
      const userId = crypto.randomUUID();
      await tx.insert(user).values({ id: userId, name: person.name, email: demoEmail(person.role, demo.domain, i), emailVerified: true });
      await tx.insert(account).values({ id: crypto.randomUUID(), accountId: userId, providerId: 'credential', userId, password: passwordHash });
      await tx.insert(membership).values({ id: crypto.randomUUID(), organizationId, userId, role: person.role });
    }
    await seedDemoUsage(ctx, organizationId, demo.plan, demo.usageShare);
    if (demo.contractBilling && demo.contract) await seedContractBilling(tx, organizationId, demo.contract, demo.contractBilling);
    return {
      result: { organizationId },
      audit: { organizationId, entityType: 'organization', entityId: organizationId, after: { name: demo.name, plan: demo.plan, members: demo.people.length, source: 'demo_seed' } },
    };
  },
});

/** Removes the demo tenants and their people (nothing else), so `npm run seed` can lay them anew. */
export const removeDemoData = defineAction({
  name: 'system.remove_demo_data',
  input: z.object({}),
  async run({ tx }) {
    const orgs = await tx.delete(organization).where(isDemoOrganization).returning({ id: organization.id });
    const people = await tx.delete(user).where(isDemoPerson).returning({ id: user.id });
    return {
      result: { organizations: orgs.length, users: people.length },
      audit: { entityType: 'demo_data', entityId: 'demo', before: { organizations: orgs.length, users: people.length }, after: null },
    };
  },
});

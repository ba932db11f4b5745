import { eq } from 'drizzle-orm';
import { createContractInvoice } from '@/modules/invoices/service';
import { executeAction } from '@/platform/actions/execute';
import type { Db } from '@/platform/db/types';
import { organization } from '@/platform/tenancy/schema';
import { hostActor } from './test-db';

let seq = 0;

/** An open contract invoice of the organization, pushed by the host as its backend would. */
export async function issueOpenInvoice(db: Db, organizationId: string, unitAmount = 10_000) {
  const [org] = await db.select({ externalId: organization.externalId }).from(organization).where(eq(organization.id, organizationId));
  const input = {
    externalId: org!.externalId,
    number: `OPEN-${process.pid}-${++seq}`,
    issuedAt: '2026-07-01',
    dueAt: '2026-07-31',
    periodStart: '2026-07-01',
    periodEnd: '2026-07-31',
    currency: 'eur',
    lines: [{ description: 'Enterprise plan', quantity: 1, unitAmount }],
  };
  return (await executeAction(hostActor, createContractInvoice, input)).invoice;
}

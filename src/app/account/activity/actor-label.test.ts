import { expect, it } from 'vitest';
import { z } from 'zod';
import { seedStaff } from '../../../../tests/support/staff-fixtures';
import { seedOrg, useTestDatabase } from '../../../../tests/support/test-db';
import { auditQuery, listAuditEntries } from '@/modules/audit/service';
import { defineAction } from '@/platform/actions/define';
import { executeAction } from '@/platform/actions/execute';
import { actorLabel } from './actor-label';

const t = useTestDatabase();

/** A console action on a customer, as the staff console's own actions are written. */
const confirmPayment = defineAction({
  name: 'staff.invoices.mark_paid',
  input: z.object({ invoiceId: z.string() }),
  async run(_ctx, input) {
    return { result: { confirmed: input.invoiceId }, audit: { entityType: 'invoice', entityId: input.invoiceId, after: { status: 'paid' } } };
  },
});

it('the customer’s Activity shows a staff member’s action as "Support (name)"', async () => {
  const owner = await seedOrg(t.db, { role: 'owner' });
  const agent = await seedStaff(t.db, 'agent', { name: 'Sam Support', organizationId: owner.organizationId });
  await executeAction(agent, confirmPayment, { invoiceId: 'inv-42' });

  const { entries } = await listAuditEntries(t.db, owner.organizationId, auditQuery.parse({}));
  expect(entries).toHaveLength(1);
  expect(entries[0]!.actor).toEqual({ type: 'staff', id: agent.staffId, email: agent.email, name: 'Sam Support' });
  expect(actorLabel(entries[0]!)).toBe('Support (Sam Support)');
});

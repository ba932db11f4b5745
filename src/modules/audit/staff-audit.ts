import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog } from '@/platform/actions/schema';
import type { Db } from '@/platform/db/types';
import { organization } from '@/platform/tenancy/schema';
import { entryOf, pageOf, type AuditEntry, type AuditPage } from './entries';

/** Who acted, as staff filter: a customer is a member or one of the organization's API keys. */
export const actorFilters = ['customer', 'staff', 'host', 'system'] as const;
export type ActorFilter = (typeof actorFilters)[number];
const storedActorTypes: Record<ActorFilter, string[]> = { customer: ['user', 'api_key'], staff: ['staff'], host: ['host'], system: ['system'] };

const printable = (what: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(100)
    .refine((v) => !/\p{Cc}/u.test(v), `${what} must not contain control characters.`);

export const staffAuditQuery = z.object({
  actorType: z.enum(actorFilters, { error: `Choose one of: ${actorFilters.join(', ')}.` }).optional(),
  organizationId: printable('The organization id').optional(),
  action: printable('The action').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  before: z.coerce.number().int().positive().optional(),
});
export type StaffAuditQuery = z.infer<typeof staffAuditQuery>;

export type StaffAuditEntry = AuditEntry & { organization: { id: string; name: string | null } | null };

/** Every organization's trail for the staff console, newest first, paged by id like the customer's own. */
export async function listStaffAuditEntries(db: Db, query: StaffAuditQuery): Promise<AuditPage<StaffAuditEntry>> {
  const rows = await db
    .select({ row: auditLog, organizationName: organization.name })
    .from(auditLog)
    .leftJoin(organization, eq(organization.id, auditLog.organizationId))
    .where(
      and(
        query.actorType ? inArray(auditLog.actorType, storedActorTypes[query.actorType]) : undefined,
        query.organizationId ? eq(auditLog.organizationId, query.organizationId) : undefined,
        query.action ? eq(auditLog.action, query.action) : undefined,
        query.before ? lt(auditLog.id, query.before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  return pageOf(
    rows.map((r) => ({ ...r, id: r.row.id })),
    query.limit,
    ({ row, organizationName }) => ({
      ...entryOf(row),
      organization: row.organizationId ? { id: row.organizationId, name: organizationName } : null,
    }),
  );
}

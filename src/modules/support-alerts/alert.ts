import { eq } from 'drizzle-orm';
import { eventCatalog, isEventType } from '@config/events';
import type { Db } from '@/platform/db/types';
import type { DeliveryEvent } from '@/platform/jobs/channels';
import { portalUrlFor } from '@/platform/http/portal-url';
import { organization } from '@/platform/tenancy/schema';

/** What the support team is told of an event, on every channel: what happened, to whom, and where to look. */
export type SupportAlert = { label: string; organization: string | null; consoleUrl: string };

export async function supportAlertOf(db: Db, event: DeliveryEvent): Promise<SupportAlert> {
  const label = isEventType(event.type) ? eventCatalog[event.type].label : event.type;
  if (!event.organizationId) return { label, organization: null, consoleUrl: portalUrlFor('/admin') };
  const [row] = await db.select({ name: organization.name }).from(organization).where(eq(organization.id, event.organizationId));
  return { label, organization: row?.name ?? event.organizationId, consoleUrl: portalUrlFor(`/admin/customers/${encodeURIComponent(event.organizationId)}`) };
}

import { and, eq, inArray, or } from 'drizzle-orm';
import { eventCatalog, type Audience, type EventType } from '@config/events';
import type { Role } from '@config/permissions';
import { user } from '@/platform/auth/schema';
import type { Db } from '@/platform/db/types';
import type { DeliveryEvent } from '@/platform/jobs/channels';
import { membership } from '@/platform/tenancy/schema';

/** A customer person an event concerns. */
export type Person = { userId: string; email: string; name: string };

const byRole: Partial<Record<Audience, Role>> = { owner: 'owner', admins: 'admin', billing_contacts: 'billing' };

function text(payload: Record<string, unknown>, key: string): string | undefined {
  const value = payload[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The people among the event's audiences who have a sign-in (members, the member acted on, the actor),
 * each once, read in the relay's transaction. Addresses that are not people (the billing email) are
 * the email channel's to add.
 */
export async function peopleConcerned(event: DeliveryEvent, tx: Db): Promise<Person[]> {
  if (!event.organizationId || !(event.type in eventCatalog)) return [];
  const audiences = eventCatalog[event.type as EventType].people as readonly Audience[];
  const roles = audiences.flatMap((audience) => byRole[audience] ?? []);
  const userIds = audiences.flatMap((audience) => (audience === 'member_acted_on' || audience === 'actor' || audience === 'ticket_requester' ? (text(event.payload, 'userId') ?? []) : []));
  const membershipIds = audiences.includes('previous_owner') ? [text(event.payload, 'from')].filter((id) => id !== undefined) : [];

  const ofOrganization = [
    roles.length > 0 ? and(eq(membership.organizationId, event.organizationId), inArray(membership.role, roles)) : undefined,
    membershipIds.length > 0 ? and(eq(membership.organizationId, event.organizationId), inArray(membership.id, membershipIds)) : undefined,
  ].filter((condition) => condition !== undefined);
  const members =
    ofOrganization.length === 0
      ? []
      : await tx
          .select({ userId: user.id, email: user.email, name: user.name })
          .from(membership)
          .innerJoin(user, eq(user.id, membership.userId))
          .where(or(...ofOrganization));
  // The member acted on may have left the organization already (removed): found by their user alone.
  const named = userIds.length === 0 ? [] : await tx.select({ userId: user.id, email: user.email, name: user.name }).from(user).where(inArray(user.id, userIds));
  const unique = new Map([...members, ...named].map((person) => [person.userId, person]));
  return [...unique.values()];
}

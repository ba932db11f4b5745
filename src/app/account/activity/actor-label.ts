import type { AuditEntry } from '@/modules/audit/service';

/** Who did it, as the customer reads it: their own people by address, the vendor's by role and name. */
export function actorLabel(entry: AuditEntry): string {
  if (entry.actor.type === 'user') return entry.actor.email ?? 'A member';
  if (entry.actor.type === 'api_key') return 'An API key';
  if (entry.actor.type === 'staff') return `Support (${entry.actor.name ?? 'staff'})`;
  return entry.actor.type === 'host' ? 'Your product (integration)' : 'Deflect';
}

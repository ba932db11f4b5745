import { permissions, staffPermissions } from '@config/permissions';
import type { AuditEntry } from './entries';

/** Who acted, as the support team reads it: the member's email, "Support (…)" for staff, or the system. */
export function actorLabel(actor: AuditEntry['actor']): string {
  switch (actor.type) {
    case 'user':
      return actor.email ?? 'A member';
    case 'staff':
      return `Support (${actor.name ?? actor.email ?? 'staff'})`;
    case 'api_key':
      return 'An API key';
    case 'host':
      return 'The product (integration)';
    default:
      return 'Deflect';
  }
}

/** The actions worth suggesting in the audit view's filter: every write of the permission matrices. */
export const knownAuditActions: readonly string[] = [...Object.keys(permissions), ...Object.keys(staffPermissions)].filter((name) => !name.endsWith('.read'));

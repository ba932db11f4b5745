import type { Actor } from './actor';
import type { AuditEntry } from './define';
import { redactSecrets } from './redact';
import type { auditLog } from './schema';

/** The audit row of `action` done by `actor`: every column always given, so the insert's text never varies. */
export function auditRowOf(actor: Actor, action: string, audit: AuditEntry): typeof auditLog.$inferInsert {
  return {
    organizationId: audit.organizationId ?? actor.organizationId,
    actorType: actor.type === 'person' ? 'user' : actor.type,
    actorId: 'userId' in actor ? actor.userId : 'staffId' in actor ? actor.staffId : 'keyId' in actor ? actor.keyId : null,
    actorEmail: 'email' in actor ? actor.email : null,
    actorName: actor.type === 'staff' ? actor.name : null,
    action,
    entityType: audit.entityType,
    entityId: audit.entityId,
    before: redactSecrets(audit.before ?? null),
    after: redactSecrets(audit.after ?? null),
    ip: actor.ip ?? null,
    userAgent: actor.userAgent ?? null,
  };
}

import { actorLabel, auditTrailOlderThan, type TrailEntry } from '@/modules/audit/service';
import type { TimelineSource } from '../source';

/** "team.change_role · membership 1a2b3c4d": the action, then what it touched. */
function summaryOf(entry: TrailEntry): string {
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const named = [after.email, after.name, after.number].find((v): v is string => typeof v === 'string');
  return `${entry.action} · ${named ?? `${entry.entityType} ${entry.entityId.slice(0, 8)}`}`;
}

/** Every audited change in the organization, by customers, staff, the host product or Deflect. */
export const auditSource: TimelineSource = {
  name: 'audit',
  kind: 'audit',
  async list(db, subject, bound, limit) {
    const entries = await auditTrailOlderThan(db, subject.id, bound, limit);
    return entries.map((e) => ({ id: `audit:${e.id}`, at: e.at, key: e.key, actor: { type: e.actor.type, id: e.actor.id, label: actorLabel(e.actor) }, summary: summaryOf(e), ref: { type: 'audit_entry', id: e.id }, status: null }));
  },
};

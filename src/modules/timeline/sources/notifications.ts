import { WEBHOOK_CHANNEL } from '@/modules/webhooks/service';
import { deliveriesOlderThan, deliveryOutcome } from '@/platform/jobs/history';
import type { TimelineSource } from '../source';

const channelLabels: Record<string, string> = { email: 'Email', in_app: 'In-app notification', slack: 'Slack' };

/** An email address is shown; any other target (a person's id, a Slack rule) stays out of the summary. */
const shownTarget = (target: string) => (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(target) ? ` → ${target}` : '');

/** The organization's notifications on every channel but webhooks (email, in-app, Slack), with how each went. */
export const notificationsSource: TimelineSource = {
  name: 'notifications',
  kind: 'notification',
  async list(db, subject, bound, limit) {
    const records = await deliveriesOlderThan(db, subject.id, { except: WEBHOOK_CHANNEL }, bound, limit);
    return records.map((r) => ({
      id: `notification:${r.id}`,
      at: r.at,
      key: r.key,
      actor: null,
      summary: `${channelLabels[r.channel] ?? r.channel} ${r.type}${shownTarget(r.target)}: ${deliveryOutcome(r)}`,
      ref: { type: 'delivery', id: String(r.id) },
      status: r.status,
    }));
  },
};

import { isMeter, meters } from '@config/usage';
import { usageAlertsOlderThan } from '@/modules/usage/service';
import { formatDate } from '@/ui/date';
import type { TimelineSource } from '../source';

const number = new Intl.NumberFormat('en-US');

/** The usage thresholds the organization crossed (80 %, 100 % of a limit), once per period each. */
export const usageAlertsSource: TimelineSource = {
  name: 'usage-alerts',
  kind: 'usage',
  async list(db, subject, bound, limit) {
    const alerts = await usageAlertsOlderThan(db, subject.id, bound, limit);
    return alerts.map((a) => {
      const meter = isMeter(a.meter) ? meters[a.meter] : { label: a.meter, unit: 'units' };
      return {
        id: `usage-alert:${a.key}`,
        at: a.at,
        key: a.key,
        actor: null,
        summary: `${meter.label} reached ${a.threshold} % of the limit (${number.format(a.limit)} ${meter.unit}) in the period starting ${formatDate(a.periodStart)}`,
        ref: { type: 'usage_alert', id: a.key },
        status: null,
      };
    });
  },
};

import type { TimelineSource } from '../source';
import { auditSource } from './audit';
import { stripeEventsSource } from './stripe-events';
import { ticketsSource } from './tickets';
import { notificationsSource } from './notifications';
import { usageAlertsSource } from './usage-alerts';
import { webhookDeliveriesSource } from './webhook-deliveries';

/** Every source of the customer timeline: a new one is a file beside these and a line here. */
export const timelineSources: readonly TimelineSource[] = [auditSource, stripeEventsSource, usageAlertsSource, notificationsSource, webhookDeliveriesSource, ticketsSource];

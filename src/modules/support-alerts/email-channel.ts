import { getDb } from '@/platform/db/client';
import type { Channel } from '@/platform/jobs/channels';
import { renderMail } from '@/platform/mail/layout';
import { sendMail } from '@/platform/mail/send-mail';
import type { MailTemplate } from '@/platform/mail/templates';
import { supportAlertOf, type SupportAlert } from './alert';
import { SUPPORT_RETRY_SCHEDULE } from './retry';
import { savedRuleOf } from './rules';

export function supportAlertMail(alert: SupportAlert): MailTemplate {
  const about = alert.organization === null ? '' : ` for ${alert.organization}`;
  return {
    subject: alert.organization === null ? alert.label : `${alert.label}: ${alert.organization}`,
    ...renderMail({
      preheader: `${alert.label}${about}.`,
      heading: alert.label,
      paragraphs: [`${alert.label}${about}.`],
      action: { label: alert.organization === null ? 'Open the staff console' : `Open ${alert.organization} in the staff console`, url: alert.consoleUrl },
      footer: 'You get this as a support address of the portal. A lead changes which events reach you under Settings › Notifications in the staff console.',
    }),
  };
}

/** The support team's addresses: one delivery per address, per the event's rule. */
export const supportEmailChannel: Channel = {
  async targets(event, tx) {
    return (await savedRuleOf(tx, event.type))?.emails ?? [];
  },
  async deliver(event, target) {
    await sendMail({ to: target, ...supportAlertMail(await supportAlertOf(await getDb(), event)) });
    return { response: 'sent' };
  },
  retrySchedule: SUPPORT_RETRY_SCHEDULE,
};

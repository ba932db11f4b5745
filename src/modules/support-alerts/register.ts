import { registerChannel } from '@/platform/jobs/channels';
import { supportEmailChannel } from './email-channel';
import { slackChannel } from './slack-channel';

export const SUPPORT_CHANNELS = { slack: 'slack', email: 'support_email' } as const;

/** The support team's channels: Slack incoming webhooks and support addresses, per the notification rules. */
export function registerSupportChannels(): void {
  registerChannel(SUPPORT_CHANNELS.slack, slackChannel);
  registerChannel(SUPPORT_CHANNELS.email, supportEmailChannel);
}

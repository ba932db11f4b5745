import { registerStripePushChannel } from './modules/billing/service';
import { registerEmailChannel } from './modules/notifications/email-channel';
import { registerInAppChannel } from './modules/notifications/service';
import { registerSupportChannels } from './modules/support-alerts/service';
import { WEBHOOK_CHANNEL, webhookChannel } from './modules/webhooks/service';
import { registerChannel } from './platform/jobs/channels';

// Every delivery channel of the portal, registered before the relay starts: an event relayed while a
// channel is missing gets no delivery on it. Each module that delivers adds its registration here.
export function registerChannels(): void {
  registerStripePushChannel();
  registerEmailChannel();
  registerInAppChannel();
  registerSupportChannels();
  registerChannel(WEBHOOK_CHANNEL, webhookChannel());
}

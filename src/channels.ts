// Every delivery channel of the portal, registered before the relay starts: an event relayed while a
// channel is missing gets no delivery on it. Each module that delivers adds its registration here.
import { WEBHOOK_CHANNEL, webhookChannel } from './modules/webhooks/service';
import { registerChannel } from './platform/jobs/channels';

const registrations: (() => void)[] = [() => registerChannel(WEBHOOK_CHANNEL, webhookChannel())];

export function registerChannels(): void {
  for (const register of registrations) register();
}

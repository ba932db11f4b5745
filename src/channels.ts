import { registerStripePushChannel } from './modules/billing/service';

// Every delivery channel of the portal, registered before the relay starts: an event relayed while a
// channel is missing gets no delivery on it. Each module that delivers adds its registration here.
import { registerEmailChannel } from './modules/notifications/email-channel';

const registrations: (() => void)[] = [() => registerStripePushChannel(), registerEmailChannel];

export function registerChannels(): void {
  for (const register of registrations) register();
}

import { registerInAppChannel } from './modules/notifications/service';

// Every delivery channel of the portal, registered before the relay starts: an event relayed while a
// channel is missing gets no delivery on it. Each module that delivers adds its registration here.
const registrations: (() => void)[] = [registerInAppChannel];

export function registerChannels(): void {
  for (const register of registrations) register();
}

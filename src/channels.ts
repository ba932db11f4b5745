import { registerSupportChannels } from './modules/support-alerts/service';

// Every delivery channel of the portal, registered before the relay starts: an event relayed while a
// channel is missing gets no delivery on it. Each module that delivers adds its registration here.
const registrations: (() => void)[] = [registerSupportChannels];

export function registerChannels(): void {
  for (const register of registrations) register();
}

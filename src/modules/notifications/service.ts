// What other parts of the portal use of notifications.
export { registerInAppChannel } from './in-app';

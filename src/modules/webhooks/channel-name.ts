/** The channel's name, as registered and as written on each of its `deliveries` rows. */
export const WEBHOOK_CHANNEL = 'webhook';

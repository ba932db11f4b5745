export { createWebhookEndpoint, deleteWebhookEndpoint, retryWebhookDelivery, updateWebhookEndpoint } from './actions';
export { webhookChannel, type WebhookChannelOptions } from './channel';
export { WEBHOOK_CHANNEL } from './channel-name';
export { createEndpointInput, deliveriesQuery, updateEndpointInput } from './inputs';
export { endpointDeliveries, listWebhookEndpoints } from './read';
export { displayUrl } from './display-url';
export { AUTO_DISABLE_AFTER_MS, WEBHOOK_RETRY_SCHEDULE } from './schedule';
export { webhookEventTypes } from './events';
export type { EndpointView } from './view';

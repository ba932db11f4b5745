export { updateNotificationRules } from './actions';
export { notificationRulesInput, type NotificationRulesInput } from './inputs';
export { defaultRule, listNotificationRules, type NotificationRule } from './rules';
export { registerSupportChannels, SUPPORT_CHANNELS } from './register';
export { notificationSettings, saveNotificationSettings, type NotificationSettings } from './settings-form';
export { sendTestNotification } from './test-message';

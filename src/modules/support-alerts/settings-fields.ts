/** The field names of the settings screen's form, shared by the form (client) and its reader (server). */
export const settingsFields = { slackUrl: 'slackUrl', keepSlack: 'keepSlack', removeSlack: 'removeSlack', emails: 'emails' } as const;

export type ToggleChannel = 'slack' | 'email' | 'console';
export const toggleName = (channel: ToggleChannel, event: string) => `${channel}:${event}`;

import { defineAction } from '@/platform/actions/define';
import { markRead, unreadCount } from './inbox';
import { markReadInput, preferencesInput } from './inputs';
import { choosePreferences, preferencesOf } from './preferences';
import { readerOf } from './queries';

/** Marks some of one's own notifications read, or all of them; others' ids are left alone. */
export const markNotificationsRead = defineAction({
  name: 'notifications.mark_read',
  input: markReadInput,
  async run({ actor, tx }, input) {
    const reader = readerOf(actor);
    const marked = await markRead(tx, reader, input);
    return {
      result: { unreadCount: await unreadCount(tx, reader), marked: marked.length },
      audit: { entityType: 'notifications', entityId: reader.userId, after: 'all' in input ? { all: true, marked: marked.length } : { ids: marked } },
    };
  },
});

/** One's own choice of channels per event; a locked security notice cannot be switched off (422). */
export const updateNotificationPreferences = defineAction({
  name: 'notifications.update_preferences',
  input: preferencesInput,
  async run({ actor, tx }, input) {
    const reader = readerOf(actor);
    const { before, after } = await choosePreferences(tx, reader.userId, reader.organizationId, input.preferences);
    return {
      result: { preferences: await preferencesOf(tx, reader.userId, reader.organizationId) },
      audit: { entityType: 'notification_preferences', entityId: reader.userId, before, after },
    };
  },
});

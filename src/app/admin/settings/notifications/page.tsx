import { notificationSettings } from '@/modules/support-alerts/service';
import { NotificationSettingsForm, TestMessageForm } from '@/modules/support-alerts/ui/notification-settings';
import { requireStaffPage } from '@/platform/auth/staff-session';
import { saveNotificationSettingsAction, sendTestNotificationAction } from './actions';

export const metadata = { title: 'Notifications' };

export default async function NotificationSettingsPage() {
  await requireStaffPage('staff.notification_rules.update');
  const settings = await notificationSettings();
  // Keyed by what is saved: after a save the form starts again from the saved (masked) values.
  const saved = JSON.stringify([settings.slack, settings.emails]);
  return (
    <div className="stack stack-lg">
      <div className="page-header">
        <div>
          <h1>Notifications</h1>
          <p className="muted">
            Where the support team hears of what customers do. Add a Slack incoming-webhook URL and a support address: the recommended events go to both; switch any event on or off per channel. Each message links to the customer’s page in the console.
          </p>
        </div>
      </div>
      <NotificationSettingsForm key={saved} settings={settings} action={saveNotificationSettingsAction} />
      {settings.slack.length > 0 || settings.emails.length > 0 ? <TestMessageForm action={sendTestNotificationAction} /> : null}
    </div>
  );
}

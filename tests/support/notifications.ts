// The notification bell of the portal's header, the list it opens and the preferences screen, as a
// page object: the journeys that look for a notification change this file when the screens change.
import { expect, type Locator, type Page } from '@playwright/test';
import { urlOf } from './e2e-journeys';

export class Notifications {
  readonly bell: Locator;
  readonly list: Locator;

  constructor(readonly page: Page) {
    this.bell = page.getByRole('link', { name: /^Notifications, / });
    this.list = page.getByRole('list', { name: 'Notifications' });
  }

  /** The unread count the bell announces ("Notifications, 3 unread"; "none unread" is 0). */
  async unreadCount(): Promise<number> {
    const label = (await this.bell.getAttribute('aria-label')) ?? '';
    const match = /^Notifications, (\d+|none) unread$/.exec(label);
    expect(match, `the bell's name: ${label}`).not.toBeNull();
    return match![1] === 'none' ? 0 : Number(match![1]);
  }

  /** Reloads until the bell counts at least `count` unread (deliveries arrive through the queue). */
  async waitForUnread(atLeast: number): Promise<void> {
    await expect
      .poll(async () => {
        await this.page.reload();
        return this.unreadCount();
      }, { timeout: 20_000, intervals: [250, 500, 1000] })
      .toBeGreaterThanOrEqual(atLeast);
  }

  /**
   * Opens the list, again until an entry titled `title` (an unread one, if asked) is there: it is
   * delivered through the queue. Returns the newest such entry.
   */
  async waitForItem(title: string, { unread = false }: { unread?: boolean } = {}): Promise<Locator> {
    const matching = unread ? this.items(title).filter({ has: this.page.getByText('Unread', { exact: true }) }) : this.items(title);
    await expect
      .poll(async () => {
        await this.page.goto('/account/notifications');
        return matching.count();
      }, { timeout: 20_000, intervals: [250, 500, 1000] })
      .toBeGreaterThan(0);
    return matching.first();
  }

  /** Follows the bell to the list. */
  async open(): Promise<void> {
    await this.bell.click();
    await expect(this.page).toHaveURL(urlOf('/account/notifications'));
    await expect(this.page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  }

  /** The list's entries titled `title`, newest first. */
  items(title: string): Locator {
    return this.list.getByRole('listitem').filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  async markAllRead(): Promise<void> {
    const button = this.page.getByRole('button', { name: 'Mark all as read' });
    if (await button.isVisible()) await button.click();
    await expect(this.page.getByText('You are all caught up.')).toBeVisible();
    await expect(this.bell).toHaveAccessibleName('Notifications, none unread');
  }

  async openPreferences(): Promise<Locator> {
    await this.page.goto('/account/notifications/preferences');
    await expect(this.page.getByRole('heading', { name: 'Notification preferences', level: 1 })).toBeVisible();
    return this.page.getByRole('form', { name: 'Notification preferences' });
  }

  /** The box of one event on one channel (`Email` or `In-app`). */
  choice(form: Locator, channel: 'Email' | 'In-app', label: string): Locator {
    return form.getByRole('checkbox', { name: `${channel}: ${label}`, exact: true });
  }

  async savePreferences(form: Locator): Promise<void> {
    await form.getByRole('button', { name: 'Save preferences' }).click();
    await expect(this.page.getByText('Your notification preferences were saved.')).toBeVisible();
  }
}

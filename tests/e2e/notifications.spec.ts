import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, E2E_BASE_URL } from '../support/e2e-env';
import { signIn, uniqueId, urlOf } from '../support/e2e-journeys';
import { latestMail, mailsTo } from '../support/e2e-mail';
import { Notifications } from '../support/notifications';

// A change made by one teammate reaches the others in the portal: the bell counts it, the list links
// to the screen concerned, and each person chooses per event how they hear of it.

const OWNER = 'owner@acme.example';
const ADMIN = 'admin@acme.example';
const BILLING_MAIL = 'The billing details of';

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page).toHaveURL(urlOf('/account'));
  return page;
}

/** On Billing, as a billing manager does: the billing email changed and saved. */
async function changeBillingEmail(page: Page, email: string): Promise<void> {
  await page.goto('/account/billing');
  const details = page.getByRole('form', { name: 'Billing details' });
  await details.getByLabel('Billing email').fill(email);
  await details.getByRole('button', { name: 'Save billing details' }).click();
  await expect(page.getByText('Billing details saved. Your next invoice will show them.')).toBeVisible();
}

test('an admin changes the billing email: the owner’s bell counts it, it links to Billing, and the owner mutes its email', async ({ browser }) => {
  const owner = await signedIn(browser, OWNER);
  const notifications = new Notifications(owner);
  await notifications.open();
  await notifications.markAllRead();

  const admin = await signedIn(browser, ADMIN);
  const firstAddress = `billing-${uniqueId()}@acme.example`;
  await changeBillingEmail(admin, firstAddress);

  // Delivered through the queue, after the admin's change committed: the bell counts it, and the owner
  // and the new billing address are mailed.
  await notifications.waitForUnread(1);
  await latestMail(firstAddress, BILLING_MAIL);
  await latestMail(OWNER, BILLING_MAIL);
  const mailsToOwner = (await mailsTo(OWNER, BILLING_MAIL)).length;
  await notifications.open();
  const item = await notifications.waitForItem('Billing details changed', { unread: true });
  await expect(item).toContainText('The billing email');
  await expect(item.getByRole('link', { name: 'Billing details changed' })).toHaveAttribute('href', '/account/billing');

  // Marked read by its button: the bell counts one fewer.
  const before = await notifications.unreadCount();
  await item.getByRole('button', { name: 'Mark as read: Billing details changed' }).click();
  await expect(notifications.bell).toHaveAccessibleName(before - 1 === 0 ? 'Notifications, none unread' : `Notifications, ${before - 1} unread`);
  await expect(notifications.items('Billing details changed').first()).not.toContainText('Unread');

  await notifications.items('Billing details changed').first().getByRole('link', { name: 'Billing details changed' }).click();
  await expect(owner).toHaveURL(urlOf('/account/billing'));
  await expect(owner.getByRole('heading', { name: 'Billing', level: 1 })).toBeVisible();

  // Preferences: the owner switches that email off; a security notice cannot be.
  let form = await notifications.openPreferences();
  const billingEmail = notifications.choice(form, 'Email', 'Billing details changed');
  await expect(billingEmail).toBeChecked();
  await expect(notifications.choice(form, 'Email', 'API key created')).toBeDisabled();
  await expect(notifications.choice(form, 'Email', 'API key created')).toBeChecked();
  await expect(form.getByRole('row', { name: /API key created/ })).toContainText('Security notice — always sent');
  await billingEmail.uncheck();
  await notifications.savePreferences(form);
  await owner.reload();
  form = owner.getByRole('form', { name: 'Notification preferences' });
  await expect(notifications.choice(form, 'Email', 'Billing details changed')).not.toBeChecked();
  await expect(notifications.choice(form, 'In-app', 'Billing details changed')).toBeChecked();
  const { data } = (await (await owner.request.get('/api/account/notification-preferences')).json()) as { data: { preferences: { event: string; email: boolean }[] } };
  expect(data.preferences.find((p) => p.event === 'billing.details_changed')).toMatchObject({ email: false });

  // The next change: the owner still sees it in the portal, and the new address is mailed, but the
  // owner is not (their deliveries are chosen with the new address's, in one relay transaction).
  const secondAddress = `billing-${uniqueId()}@acme.example`;
  await changeBillingEmail(admin, secondAddress);
  await notifications.waitForUnread(1);
  await latestMail(secondAddress, BILLING_MAIL);
  expect(await mailsTo(OWNER, BILLING_MAIL)).toHaveLength(mailsToOwner);

  await changeBillingEmail(admin, 'billing@acme.example');
});

test('the notification API: the signed-in person’s own only, 422 for a locked or unknown event, 401 without a session', async ({ browser, request }) => {
  const owner = await signedIn(browser, OWNER);
  const admin = await signedIn(browser, ADMIN);
  await changeBillingEmail(admin, `billing-${uniqueId()}@acme.example`);
  await new Notifications(owner).waitForUnread(1);

  const headers = { Origin: E2E_BASE_URL };
  const list = async (page: Page) => ((await (await page.request.get('/api/account/notifications?limit=5')).json()) as { data: { notifications: { id: string; readAt: string | null }[]; unreadCount: number; nextBefore: string | null } }).data;
  const ownersPage = await list(owner);
  const unreadOfOwner = ownersPage.notifications.find((n) => n.readAt === null)!;
  expect(ownersPage.unreadCount).toBeGreaterThan(0);

  // The admin cannot touch the owner's notification: nothing is marked.
  const foreign = await admin.request.post('/api/account/notifications/read', { headers, data: { ids: [unreadOfOwner.id] } });
  expect(foreign.status()).toBe(200);
  expect((await list(owner)).unreadCount).toBe(ownersPage.unreadCount);

  const marked = await owner.request.post('/api/account/notifications/read', { headers, data: { ids: [unreadOfOwner.id] } });
  expect(await marked.json()).toEqual({ success: true, data: { unreadCount: ownersPage.unreadCount - 1 } });

  const locked = await owner.request.put('/api/account/notification-preferences', { headers, data: { preferences: [{ event: 'api_key.created', email: false, inApp: true }] } });
  expect(locked.status()).toBe(422);
  expect(await locked.json()).toMatchObject({ success: false, error: { code: 'validation_failed', fields: { 'preferences.0.email': 'This security notice is always sent; it cannot be switched off.' } } });
  const unknown = await owner.request.put('/api/account/notification-preferences', { headers, data: { preferences: [{ event: 'made.up', email: true, inApp: true }] } });
  expect(unknown.status()).toBe(422);

  for (const [method, path] of [['GET', '/api/account/notifications'], ['GET', '/api/account/notification-preferences']] as const) {
    expect((await request.fetch(path, { method })).status(), path).toBe(401);
  }
  expect((await request.post('/api/account/notifications/read', { headers, data: { all: true } })).status()).toBe(401);

  await changeBillingEmail(admin, 'billing@acme.example');
});

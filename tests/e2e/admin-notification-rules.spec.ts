import { expect, test, type Browser, type Page } from '@playwright/test';
import { sidewaysScrollers } from '../support/account-shell';
import { E2E_BASE_URL } from '../support/e2e-env';
import { createHandoff, newHostCustomer, uniqueEmail } from '../support/e2e-journeys';
import { latestMail, linkIn } from '../support/e2e-mail';
import { staffHandoffSignIn } from '../support/e2e-staff';
import { startSlackReceiver, type SlackReceiver } from '../support/slack-receiver';

// A lead tells the portal where the support team hears of events: a Slack incoming webhook (a local
// receiver standing in for Slack) and a support address. The URL is shown masked from then on, and a
// customer removing a member reaches both, linked to the customer's page in the console.

const SETTINGS = '/admin/settings/notifications';
const signedOut = { storageState: { cookies: [], origins: [] } };

let slack: SlackReceiver;
test.beforeAll(async () => {
  slack = await startSlackReceiver();
});
test.afterAll(async () => {
  await slack.close();
});

/** A customer whose owner removes a member: the `team.member_removed` event. */
async function ownerRemovesAMember(browser: Browser): Promise<{ organization: string; organizationId: string }> {
  const customer = newHostCustomer('support-alert');
  const context = await browser.newContext(signedOut);
  try {
    const owner = await context.newPage();
    await owner.goto((await createHandoff(owner.request, customer)).url);
    const member = { ...customer, user: { externalId: `${customer.user.externalId}_m`, email: uniqueEmail('support-alert-member') }, role: 'member' as const };
    await createHandoff(owner.request, member);
    const team = (await (await owner.request.get('/api/account/team')).json()) as { data: { members: { id: string; email: string }[] } };
    const me = (await (await owner.request.get('/api/account/me')).json()) as { data: { organization: { id: string } } };
    const memberId = team.data.members.find((m) => m.email === member.user.email)!.id;
    const removed = await owner.request.delete(`/api/account/team/members/${memberId}`, { headers: { Origin: E2E_BASE_URL } });
    expect(removed.status(), await removed.text()).toBe(200);
    return { organization: customer.organization.name, organizationId: me.data.organization.id };
  } finally {
    await context.close();
  }
}

const checkbox = (page: Page, name: string) => page.getByRole('checkbox', { name, exact: true });

test('a lead sets a Slack URL and a support address; the URL is masked after reload and both get the recommended events', async ({ page, browser }) => {
  const token = new URL(slack.url).pathname.split('/').at(-1)!;
  const address = uniqueEmail('support-desk');
  await staffHandoffSignIn(page, 'lead', SETTINGS);
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Notifications' })).toHaveAttribute('aria-current', 'page');

  // Before any URL is saved, the support team's events start switched on; the others off.
  await expect(checkbox(page, 'Slack: Member removed or left')).toBeChecked();
  await expect(checkbox(page, 'Email: Invoice payment failed')).toBeChecked();
  await expect(checkbox(page, 'Slack: Invoice issued')).not.toBeChecked();

  // A URL that is not https is refused beside its field.
  const urlField = page.getByLabel('Slack incoming-webhook URL');
  await urlField.fill('http://hooks.slack.example/services/T0/B0/plain');
  await page.getByRole('button', { name: 'Save notification rules' }).click();
  await expect(page.getByText('Must be an https:// URL', { exact: false })).toBeVisible();
  await expect(urlField).toHaveAttribute('aria-invalid', 'true');

  await urlField.fill(slack.url);
  await page.getByLabel('Support addresses').fill(address);
  await page.getByRole('button', { name: 'Save notification rules' }).click();
  await expect(page.getByRole('status').getByText('Notification rules saved.')).toBeVisible();

  await page.reload();
  const saved = page.getByRole('list', { name: 'Saved Slack URLs' });
  await expect(saved).toContainText(`${new URL(slack.url).origin}/services/T0…/…${token.slice(-4)}`);
  expect(await page.content()).not.toContain(token);
  await expect(page.getByLabel('Support addresses')).toHaveValue(address);
  await expect(checkbox(page, 'Slack: Member removed or left')).toBeChecked();
  await expect(checkbox(page, 'Slack: Invoice issued')).not.toBeChecked();

  // A test message checks both destinations at once.
  await page.getByRole('button', { name: 'Send test message' }).click();
  await expect(page.getByRole('status').getByText('Test message sent to 1 Slack URL and 1 address.')).toBeVisible();
  expect(slack.posts.map((p) => String(p.body.text))).toContainEqual(expect.stringContaining('*Test message from Deflect*'));
  expect((await latestMail(address, 'Test message from Deflect')).subject).toBe('Test message from Deflect');

  // A customer's change reaches Slack and the address, linked to that customer's console page.
  const customer = await ownerRemovesAMember(browser);
  const consolePage = `${E2E_BASE_URL}/admin/customers/${customer.organizationId}`;
  await expect.poll(() => slack.posts.map((p) => String(p.body.text)).find((text) => text.includes(consolePage)) ?? '', { timeout: 20_000 }).toContain('*Member removed or left*');
  const mail = await latestMail(address, 'Member removed or left');
  expect(mail.subject).toBe(`Member removed or left: ${customer.organization}`);
  expect(linkIn(mail, '/admin/customers/')).toBe(consolePage);

  // Saving again without touching the URL keeps it; then the lead stops posting to Slack.
  await page.getByRole('button', { name: 'Save notification rules' }).click();
  await expect(page.getByRole('status').getByText('Notification rules saved.')).toBeVisible();
  await page.reload();
  await expect(saved).toContainText(`…${token.slice(-4)}`);
  await page.getByLabel('Stop posting to Slack (forget this URL)').check();
  await page.getByLabel('Support addresses').fill('');
  await page.getByRole('button', { name: 'Save notification rules' }).click();
  await expect(page.getByLabel('Slack incoming-webhook URL')).toBeVisible();
  await expect(saved).toHaveCount(0);
});

test('the settings fit a phone’s width, and are keyboard operable', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await staffHandoffSignIn(page, 'lead', SETTINGS);
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  expect(await sidewaysScrollers(page)).toEqual([]);
  const toggle = checkbox(page, 'Slack: Invoice issued');
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(toggle).toBeChecked();
});

test('an agent cannot open the settings, nor sees them in the navigation', async ({ page }) => {
  await staffHandoffSignIn(page, 'agent', '/admin');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Customers' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Notifications' })).toHaveCount(0);
  const visit = await page.goto(SETTINGS);
  expect(visit?.status()).toBe(404);
  const put = await page.request.put('/api/admin/notification-rules', { headers: { Origin: E2E_BASE_URL }, data: { rules: [] } });
  expect(put.status()).toBe(403);
});

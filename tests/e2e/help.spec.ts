import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../support/e2e-env';
import { signIn, uniqueId, urlOf } from '../support/e2e-journeys';
import { signInAsStaff } from '../support/e2e-staff';

// Journey (c): a lead writes and publishes a help article for Billing in the console; the demo owner
// finds it in Billing's help drawer (no restart, no deploy) and says it helped.

test('a lead publishes a Billing article and a customer reads it in the drawer and votes', async ({ browser }) => {
  const id = uniqueId();
  const title = `Pay by SEPA direct debit ${id}`;

  const staff = await browser.newContext();
  const console = await staff.newPage();
  await signInAsStaff(console, 'lead');
  await console.getByRole('navigation').getByRole('link', { name: 'Help articles' }).click();
  await expect(console.getByRole('heading', { level: 1, name: 'Help articles' })).toBeVisible();
  await console.getByRole('link', { name: 'New article' }).click();
  const form = console.getByRole('form', { name: 'Help article' });
  await form.getByLabel('Section').selectOption('billing');
  await form.getByLabel('Slug').fill(`sepa-${id}`);
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Body (Markdown)').fill(`Open [Billing](/account/billing) and choose **Update card**.\n\n<script>window.pwned = true</script>`);
  await form.getByRole('button', { name: 'Save article' }).click();
  await expect(console.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(console.getByText('Draft', { exact: true })).toBeVisible();
  const preview = console.getByRole('region', { name: 'Preview (as saved)' });
  await expect(preview.getByRole('link', { name: 'Billing' })).toHaveAttribute('href', '/account/billing');
  await console.getByRole('button', { name: 'Publish' }).click();
  await console.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
  await expect(console.getByText('Published', { exact: true })).toBeVisible();

  const customer = await browser.newContext();
  const portal = await customer.newPage();
  await signIn(portal, 'owner@acme.example', DEMO_PASSWORD);
  await portal.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Billing' }).click();
  await expect(portal).toHaveURL(urlOf('/account/billing'));
  const helpButton = portal.getByRole('button', { name: 'Help', exact: true });
  await helpButton.click();
  const drawer = portal.getByRole('dialog', { name: 'Help: Billing' });
  await expect(drawer).toBeVisible();
  // The seeded Billing articles are there too; the search box narrows to the new one.
  await expect(drawer.getByText('Update the card you pay with')).toBeVisible();
  await drawer.getByRole('searchbox', { name: 'Search help' }).fill('sepa');
  await expect(drawer.getByText('Update the card you pay with')).toHaveCount(0);
  await drawer.getByText(title).click();
  await expect(drawer.getByRole('link', { name: 'Billing' })).toBeVisible();
  expect(await portal.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();

  const voted = portal.waitForResponse((r) => r.url().includes('/api/account/help/articles/') && r.request().method() === 'POST');
  await drawer.getByRole('group', { name: `Was “${title}” helpful?` }).getByRole('button', { name: 'Yes' }).click();
  expect((await voted).status()).toBe(204);
  await expect(drawer.getByText('Thanks for telling us.')).toBeVisible();

  // Escape closes the drawer and gives focus back to the Help button.
  await portal.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(helpButton).toBeFocused();

  await staff.close();
  await customer.close();
});

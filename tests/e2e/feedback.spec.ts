import { expect, test } from '@playwright/test';
import { AccountShell, expectWithinWidth, sidewaysScrollers } from '../support/account-shell';
import { DEMO_PASSWORD, E2E_BASE_URL } from '../support/e2e-env';
import { signIn, uniqueId, urlOf } from '../support/e2e-journeys';
import { staffHandoffSignIn } from '../support/e2e-staff';

// The Feedback button of every portal page: a customer on Billing sends an idea, which reaches the
// staff console with the page it came from.

test('a customer on Billing sends an idea; a staff member sees it with the page /account/billing', async ({ browser }) => {
  const customer = await (await browser.newContext()).newPage();
  await signIn(customer, 'owner@acme.example', DEMO_PASSWORD);
  await expect(customer).toHaveURL(urlOf('/account'));
  await customer.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Billing' }).click();
  await expect(customer.getByRole('heading', { name: 'Billing', level: 1 })).toBeVisible();

  // Reached from the header after a client-side navigation: the page is the one being shown.
  await customer.getByRole('link', { name: 'Feedback', exact: true }).click();
  await expect(customer).toHaveURL(urlOf('/account/feedback?from=%2Faccount%2Fbilling'));
  const form = customer.getByRole('form', { name: 'Feedback' });
  const message = `Show the VAT per invoice line, please (${uniqueId()})`;

  // Without a kind: the error is named and what was typed stays.
  await form.getByLabel('Message').fill(message);
  await form.getByRole('button', { name: 'Send feedback' }).click();
  await expect(form.getByText('Choose bug, idea or question.')).toBeVisible();
  await expect(form.getByLabel('Message')).toHaveValue(message);

  await form.getByRole('radio', { name: /^Idea/ }).check();
  await form.getByRole('button', { name: 'Send feedback' }).click();
  await expect(customer.getByRole('status').filter({ hasText: 'Thanks — we read every message.' })).toBeVisible();
  await expect(customer.getByRole('link', { name: 'Back to the page' })).toHaveAttribute('href', '/account/billing');

  // The JSON route: 201 with the feedback, 422 for a page outside the portal.
  const api = await customer.request.post('/api/account/feedback', { headers: { Origin: E2E_BASE_URL }, data: { kind: 'bug', message: 'From the API', page: '/account/usage' } });
  expect(api.status()).toBe(201);
  expect((await api.json()).data.feedback).toMatchObject({ kind: 'bug', message: 'From the API', page: '/account/usage' });
  const outside = await customer.request.post('/api/account/feedback', { headers: { Origin: E2E_BASE_URL }, data: { kind: 'bug', message: 'x', page: 'https://evil.example/account' } });
  expect(outside.status()).toBe(422);
  expect((await outside.json()).error.fields).toHaveProperty('page');

  const staff = await (await browser.newContext()).newPage();
  await staffHandoffSignIn(staff, 'agent', '/admin/feedback');
  await expect(staff).toHaveURL(urlOf('/admin/feedback'));
  await expect(staff.getByRole('navigation').getByRole('link', { name: 'Feedback' }).first()).toBeVisible();
  const row = staff.getByRole('row').filter({ hasText: message });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Idea');
  await expect(row).toContainText('/account/billing');
  await expect(row).toContainText('owner@acme.example');

  await staff.getByRole('link', { name: 'Bugs' }).click();
  await expect(staff).toHaveURL(urlOf('/admin/feedback?kind=bug'));
  await expect(staff.getByRole('row').filter({ hasText: message })).toHaveCount(0);
  await expect(staff.getByRole('row').filter({ hasText: 'From the API' }).first()).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the button sits in the header bar, and the form is sent from the keyboard alone', async ({ page }) => {
    await signIn(page, 'billing@acme.example', DEMO_PASSWORD, { next: '/account/usage' });
    await expect(page).toHaveURL(urlOf('/account/usage'));
    const shell = new AccountShell(page);
    const button = page.getByRole('link', { name: 'Feedback', exact: true });
    expect(await sidewaysScrollers(page)).toEqual([]);
    for (const control of [button, shell.menuButton]) await expectWithinWidth(page, control);

    await button.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(urlOf('/account/feedback?from=%2Faccount%2Fusage'));
    const form = page.getByRole('form', { name: 'Feedback' });
    await form.getByRole('radio', { name: /^Bug/ }).focus();
    await page.keyboard.press('ArrowDown'); // a radio group: the arrow moves the choice
    await expect(form.getByRole('radio', { name: /^Idea/ })).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(form.getByLabel('Message')).toBeFocused();
    await page.keyboard.type('The usage chart could show last year too.');
    await page.keyboard.press('Tab');
    await expect(form.getByRole('button', { name: 'Send feedback' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Thanks — we read every message.' })).toBeVisible();
    await expect(page).toHaveURL(urlOf('/account/feedback?sent=1&from=%2Faccount%2Fusage'));
    expect(await sidewaysScrollers(page)).toEqual([]);
  });
});

import { expect, test } from '@playwright/test';
import { latestMail, linkIn } from '../support/e2e-mail';
import { fillSignIn, signUpAndVerify, urlOf } from '../support/e2e-journeys';

test('a forgotten password is reset from the mailed link, once, and the old one stops working', async ({ page, browser }) => {
  const account = await signUpAndVerify(page, 'reset');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=signed-out$/);

  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  // The client navigation must have finished, or the sign-in page's Email field gets the address.
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await page.getByLabel('Email').fill(account.email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByText('If an account exists for that address, a reset link is on its way.')).toBeVisible();

  const link = linkIn(await latestMail(account.email, 'Reset your password'), '/api/auth/reset-password/');
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  const newPassword = `${account.password}-new`;
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Repeat the new password').fill('something else entirely');
  await page.getByRole('button', { name: 'Save password' }).click();
  await expect(page.getByText('The passwords do not match.')).toBeVisible();
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Repeat the new password').fill(newPassword);
  await page.getByRole('button', { name: 'Save password' }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=password-reset$/);

  await fillSignIn(page, account.email, account.password);
  await expect(page.getByText('That email and password do not match.')).toBeVisible();
  await fillSignIn(page, account.email, newPassword);
  await expect(page).toHaveURL(urlOf('/account'));

  // The link worked once.
  const other = await browser.newContext();
  const again = await other.newPage();
  await again.goto(link);
  await expect(again.getByRole('heading', { name: 'This link has expired' })).toBeVisible();
  await other.close();
});

test('asking for a reset of an unknown address answers the same, and sends nothing', async ({ page }) => {
  await page.goto('/forgot-password');
  await page.getByLabel('Email').fill('nobody-here@example.test');
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByText('If an account exists for that address, a reset link is on its way.')).toBeVisible();
});

import { expect, test, type Page } from '@playwright/test';
import { latestMail, linkIn } from '../support/e2e-mail';
import { fillSignIn, signIn, signUpAndVerify, uniqueEmail, urlOf } from '../support/e2e-journeys';

// The account screen: profile, email and password, as the signed-in customer.

function region(page: Page, name: string) {
  return page.getByRole('region', { name });
}

async function openActivity(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Activity' }).click();
  await expect(page).toHaveURL(urlOf('/account/activity'));
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
}

function profileRows(page: Page) {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /account\.update_profile/ }) });
}

test('a new name is saved and shows up in Activity as before → after', async ({ page }) => {
  const account = await signUpAndVerify(page, 'profile');
  const newName = `${account.name} Renamed`;

  const profile = region(page, 'Profile');
  await profile.getByLabel('Name', { exact: true }).fill(newName);
  await profile.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('status').getByText('Your name was saved.')).toBeVisible();

  await page.reload();
  await expect(region(page, 'Profile').getByLabel('Name', { exact: true })).toHaveValue(newName);

  await openActivity(page);
  const rows = profileRows(page);
  await expect(rows).toHaveCount(1);
  const row = rows.first();
  await expect(row.getByRole('cell', { name: account.email })).toBeVisible();
  await expect(row.locator('del')).toHaveText(account.name);
  await expect(row.locator('ins')).toHaveText(newName);
  await expect(row).toContainText(`${account.name} → ${newName}`);
});

test('an empty name is refused beside the field and changes nothing', async ({ page }) => {
  const account = await signUpAndVerify(page, 'profile-empty');

  const profile = region(page, 'Profile');
  const name = profile.getByLabel('Name', { exact: true });
  await name.fill('   ');
  await profile.getByRole('button', { name: 'Save name' }).click();
  await expect(profile.getByRole('alert')).toHaveText('Enter your name.');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('status').getByText('Your name was saved.')).toHaveCount(0);

  await page.reload();
  await expect(region(page, 'Profile').getByLabel('Name', { exact: true })).toHaveValue(account.name);
  await openActivity(page);
  await expect(profileRows(page)).toHaveCount(0);
});

test('changing the password with a wrong current password is refused', async ({ page }) => {
  const account = await signUpAndVerify(page, 'password');

  const card = region(page, 'Password');
  await card.getByLabel('Current password').fill(`${account.password}-wrong`);
  await card.getByLabel('New password', { exact: true }).fill('a-brand-new-password-1');
  await card.getByLabel('Repeat the new password').fill('a-brand-new-password-1');
  await card.getByRole('button', { name: 'Change password' }).click();
  await expect(card.getByText('That password is not correct.')).toBeVisible();
  await expect(card.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('status').getByText(/password was changed/)).toHaveCount(0);

  // Still signed in, and the old password is still the password.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
});

test('a new password signs out the other sessions and is the one that works from then on', async ({ page, browser }) => {
  const account = await signUpAndVerify(page, 'password-change');
  const newPassword = `${account.password}-changed`;
  const other = await browser.newContext();
  try {
    const laptop = await other.newPage();
    await signIn(laptop, account.email, account.password);
    await expect(laptop).toHaveURL(urlOf('/account'));

    const card = region(page, 'Password');
    await card.getByLabel('Current password').fill(account.password);
    await card.getByLabel('New password', { exact: true }).fill(newPassword);
    await card.getByLabel('Repeat the new password').fill(`${newPassword}-typo`);
    await card.getByRole('button', { name: 'Change password' }).click();
    await expect(card.getByText('The passwords do not match.')).toBeVisible();

    // The form is cleared after each submission (React resets form-action forms), so all again.
    await card.getByLabel('Current password').fill(account.password);
    await card.getByLabel('New password', { exact: true }).fill(newPassword);
    await card.getByLabel('Repeat the new password').fill(newPassword);
    await card.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByRole('status').getByText('Your password was changed and your other sessions were signed out.')).toBeVisible();
    // This device stays signed in; the other one is out.
    await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
    await expect(region(page, 'Sessions').getByRole('button', { name: /^Revoke session/ })).toHaveCount(0);
    await laptop.goto('/account');
    await expect(laptop).toHaveURL(urlOf('/sign-in?next=%2Faccount'));

    await fillSignIn(laptop, account.email, account.password);
    await expect(laptop.getByText('That email and password do not match.')).toBeVisible();
    await fillSignIn(laptop, account.email, newPassword);
    await expect(laptop).toHaveURL(urlOf('/account'));
  } finally {
    await other.close();
  }
});

test('a new email takes effect after following the link sent to the new address', async ({ page }) => {
  const account = await signUpAndVerify(page, 'email');
  const newEmail = uniqueEmail('email-new');

  const card = region(page, 'Email');
  await expect(card.getByText(account.email)).toBeVisible();
  await card.getByLabel('New email').fill(newEmail);
  await card.getByRole('button', { name: 'Change email' }).click();
  await expect(page.getByRole('status').getByText(`We sent a confirmation link to ${newEmail}.`, { exact: false })).toBeVisible();

  // Nothing changes until the new inbox confirms.
  await page.reload();
  await expect(region(page, 'Email').getByText(account.email)).toBeVisible();

  const mail = await latestMail(newEmail, 'Confirm your new email address');
  expect(mail.to).toEqual([newEmail]);
  await page.goto(linkIn(mail, '/api/auth/verify-email'));
  await expect(page).toHaveURL(urlOf('/account?notice=email-changed'));
  await expect(page.getByRole('status').getByText('Your email address was changed.')).toBeVisible();
  await expect(region(page, 'Email').getByText(newEmail)).toBeVisible();
  await expect(page.getByText(`${newEmail} · owner`)).toBeVisible();
});

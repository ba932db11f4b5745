import { expect, test, type Page } from '@playwright/test';
import { authenticatorFrom, freshCode } from '../support/e2e-totp';
import { fillSignIn, signIn, signUpAndVerify, urlOf } from '../support/e2e-journeys';

// A new customer creates an account, turns on two-factor, and signs in again with it.

async function expectTwoFactorChallenge(page: Page): Promise<void> {
  await expect(page).toHaveURL(urlOf('/two-factor?next=%2Faccount'));
  await expect(page.getByRole('heading', { name: 'Two-factor authentication' })).toBeVisible();
}

test('sign up, verify the email, turn on two-factor, sign in with a code and with a backup code', async ({ page, browser }) => {
  // Sign up; the verification mail's link signs in and lands on the account screen.
  const account = await signUpAndVerify(page, 'signup');
  await expect(page.getByRole('link', { name: account.organization })).toBeVisible();
  await expect(page.getByText(`${account.email} · owner`)).toBeVisible();

  // Enrol: password first, then the setup key and backup codes appear.
  const card = page.getByRole('region', { name: 'Two-factor authentication' });
  await expect(card.getByText('Off', { exact: true })).toBeVisible();
  await card.getByLabel('Password', { exact: true }).fill(account.password);
  await card.getByRole('button', { name: 'Set up two-factor' }).click();

  const setupKey = (await card.getByTestId('totp-secret').textContent())?.trim() ?? '';
  expect(setupKey).toMatch(/^[A-Z2-7]{16,}$/);
  const totpUri = await card.getByRole('link', { name: 'this link' }).getAttribute('href');
  expect(totpUri).toMatch(/^otpauth:\/\/totp\//);
  const authenticator = authenticatorFrom(totpUri!);
  // The key a person types into their app is the one in the URI.
  expect(authenticator.secret.base32).toBe(setupKey);

  const backupCodes = (await card.getByRole('list', { name: 'Backup codes' }).getByRole('listitem').allTextContents()).map((c) => c.trim());
  expect(backupCodes.length).toBeGreaterThanOrEqual(5);

  await card.getByLabel('Authentication code').fill(await freshCode(authenticator));
  await card.getByRole('button', { name: 'Turn on two-factor' }).click();
  await expect(page.getByRole('status').getByText('Two-factor authentication is on.')).toBeVisible();
  await expect(page).toHaveURL(/\/account(\?|$)/);
  await expect(card.getByText('On', { exact: true })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Turn off two-factor' })).toBeVisible();

  // Sign out, then back in: the password alone is not enough any more.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(urlOf('/sign-in?notice=signed-out'));
  await expect(page.getByText('You are signed out.')).toBeVisible();
  await page.goto('/account');
  await expect(page).toHaveURL(urlOf('/sign-in?next=%2Faccount'));

  await fillSignIn(page, account.email, account.password);
  await expectTwoFactorChallenge(page);
  await page.getByLabel('Authentication code').fill(await freshCode(authenticator));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(urlOf('/account'));
  await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
  await expect(page.getByText(`${account.email} · owner`)).toBeVisible();

  // On another device, a backup code stands in for the authenticator.
  const other = await browser.newContext();
  try {
    const phone = await other.newPage();
    await signIn(phone, account.email, account.password);
    await expectTwoFactorChallenge(phone);
    await phone.getByRole('link', { name: 'Use a backup code instead' }).click();
    await expect(phone).toHaveURL(/\/two-factor\?.*method=backup/);
    await phone.getByLabel('Backup code').fill(backupCodes[0]!);
    await phone.getByRole('button', { name: 'Verify' }).click();
    await expect(phone).toHaveURL(urlOf('/account'));
    await expect(phone.getByText(`${account.email} · owner`)).toBeVisible();
  } finally {
    await other.close();
  }
});

test('a wrong two-factor code is refused; two-factor can be turned off again with the password', async ({ page }) => {
  const account = await signUpAndVerify(page, 'signup-2fa-off');
  const card = page.getByRole('region', { name: 'Two-factor authentication' });
  await card.getByLabel('Password', { exact: true }).fill(account.password);
  await card.getByRole('button', { name: 'Set up two-factor' }).click();
  const authenticator = authenticatorFrom((await card.getByRole('link', { name: 'this link' }).getAttribute('href'))!);
  const right = await freshCode(authenticator);
  const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');

  await card.getByLabel('Authentication code').fill(wrong);
  await card.getByRole('button', { name: 'Turn on two-factor' }).click();
  await expect(card.getByText('That code is not correct.')).toBeVisible();
  await expect(card.getByText('Off', { exact: true })).toBeVisible();

  await card.getByLabel('Authentication code').fill(await freshCode(authenticator));
  await card.getByRole('button', { name: 'Turn on two-factor' }).click();
  await expect(card.getByText('On', { exact: true })).toBeVisible();

  // Turning it off asks for the password, then sign-in needs the password only.
  await card.getByLabel('Password', { exact: true }).fill(`${account.password}-wrong`);
  await card.getByRole('button', { name: 'Turn off two-factor' }).click();
  await expect(card.getByText('That password is not correct.')).toBeVisible();
  await expect(card.getByText('On', { exact: true })).toBeVisible();
  await card.getByLabel('Password', { exact: true }).fill(account.password);
  await card.getByRole('button', { name: 'Turn off two-factor' }).click();
  await expect(page.getByRole('status').getByText('Two-factor authentication is off.')).toBeVisible();
  await expect(card.getByText('Off', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(urlOf('/sign-in?notice=signed-out'));
  await fillSignIn(page, account.email, account.password);
  await expect(page).toHaveURL(urlOf('/account'));
});

import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { signIn, signUpAndVerify, urlOf } from '../support/e2e-journeys';

// The sessions table: the same person signed in on several devices, signing the others out.

async function signedInElsewhere(browser: Browser, email: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  await expect(page).toHaveURL(urlOf('/account'));
  return { context, page };
}

async function expectSignedOut(page: Page): Promise<void> {
  await page.goto('/account');
  await expect(page).toHaveURL(urlOf('/sign-in?next=%2Faccount'));
}

function sessionsTable(page: Page) {
  return page.getByRole('region', { name: 'Sessions' }).getByRole('table');
}

test('revoking another session signs that device out', async ({ page, browser }) => {
  const account = await signUpAndVerify(page, 'sessions-revoke');
  const b = await signedInElsewhere(browser, account.email, account.password);
  try {
    await page.reload();
    const rows = sessionsTable(page).getByRole('row');
    await expect(rows).toHaveCount(3); // header, this device, device B
    await expect(sessionsTable(page).getByText('This device')).toHaveCount(1);

    await sessionsTable(page).getByRole('button', { name: /^Revoke session/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke this session?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Revoke', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(rows).toHaveCount(2);
    await expect(sessionsTable(page).getByRole('button', { name: /^Revoke session/ })).toHaveCount(0);

    await expectSignedOut(b.page);
    // This device is untouched.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
  } finally {
    await b.context.close();
  }
});

test('cancelling the confirmation keeps the other session', async ({ page, browser }) => {
  const account = await signUpAndVerify(page, 'sessions-cancel');
  const b = await signedInElsewhere(browser, account.email, account.password);
  try {
    await page.reload();
    await sessionsTable(page).getByRole('button', { name: /^Revoke session/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke this session?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();

    await b.page.reload();
    await expect(b.page).toHaveURL(urlOf('/account'));
    await expect(b.page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
  } finally {
    await b.context.close();
  }
});

test('"Sign out everywhere else" signs out every other device', async ({ page, browser }) => {
  const account = await signUpAndVerify(page, 'sessions-others');
  const b = await signedInElsewhere(browser, account.email, account.password);
  const c = await signedInElsewhere(browser, account.email, account.password);
  try {
    await page.reload();
    const rows = sessionsTable(page).getByRole('row');
    await expect(rows).toHaveCount(4);

    await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign out everywhere else?' });
    await expect(dialog).toContainText('This signs out 2 other sessions.');
    await dialog.getByRole('button', { name: 'Sign out others' }).click();
    await expect(dialog).toBeHidden();
    await expect(rows).toHaveCount(2);
    await expect(page.getByRole('button', { name: 'Sign out everywhere else' })).toHaveCount(0);

    await expectSignedOut(b.page);
    await expectSignedOut(c.page);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
  } finally {
    await b.context.close();
    await c.context.close();
  }
});

import { expect, test, type Locator, type Page } from '@playwright/test';
import { AccountShell } from '../support/account-shell';
import { DEMO_PASSWORD } from '../support/e2e-env';
import { signIn, urlOf } from '../support/e2e-journeys';

/** After "Skip to content", a section's main action is at most this many Tabs away. */
const MAX_TABS_FROM_MAIN = 4;

/** Presses Tab until `target` has focus; returns how many presses that took, or Infinity past `limit`. */
async function tabsUntilFocused(page: Page, target: Locator, limit: number): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return presses;
  }
  return Infinity;
}

const sections: { path: string; action: (page: Page) => Locator }[] = [
  { path: '/account', action: (page) => page.getByRole('button', { name: 'Save name' }) },
  { path: '/account/team', action: (page) => page.getByRole('button', { name: 'Send invitation' }) },
  { path: '/account/billing', action: (page) => page.getByRole('button', { name: 'Update card' }) },
  { path: '/account/usage', action: (page) => page.getByRole('link', { name: /^Download CSV of / }).first() },
  { path: '/account/invoices', action: (page) => page.getByRole('link', { name: 'Download ZIP' }) },
  { path: '/account/api-keys', action: (page) => page.getByRole('button', { name: 'Create key' }) },
];

/** From a fresh load: the first Tab shows the skip link, Enter focuses main, the action follows within the bound. */
async function expectReachedFromSkipLink(page: Page, action: Locator): Promise<void> {
  const shell = new AccountShell(page);
  const path = new URL(page.url()).pathname;
  await expect(action).toBeVisible();
  // Hidden until focused; the first Tab of the page shows it in the window.
  await expect(shell.skipLink).not.toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(shell.skipLink, path).toBeFocused();
  await expect(shell.skipLink).toBeInViewport({ ratio: 1 });

  await page.keyboard.press('Enter');
  await expect(shell.main, path).toBeFocused();
  expect(await tabsUntilFocused(page, action, MAX_TABS_FROM_MAIN), `Tabs from main to the main action of ${path}`).toBeLessThanOrEqual(MAX_TABS_FROM_MAIN);
}

test(`the skip link comes first and leads to main, each section's main action ${MAX_TABS_FROM_MAIN} Tabs or fewer from there`, async ({ page }) => {
  await signIn(page, 'owner@acme.example', DEMO_PASSWORD);
  await expect(page).toHaveURL(urlOf('/account'));
  for (const { path, action } of sections) {
    await page.goto(path);
    await expectReachedFromSkipLink(page, action(page));
  }
  // An invoice's own page: its PDF.
  await page.goto('/account/invoices');
  await page.getByRole('table', { name: 'All invoices' }).getByRole('rowheader').first().getByRole('link').click();
  await expect(page.getByRole('heading', { name: /^Invoice /, level: 1 })).toBeVisible();
  await page.reload();
  await expectReachedFromSkipLink(page, page.getByRole('link', { name: 'Download PDF', exact: true }));
});

test('on a phone, the menu opens from the keyboard, Escape closes it, and focus returns to its button', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'owner@acme.example', DEMO_PASSWORD, { next: '/account/team' });
  await expect(page).toHaveURL(urlOf('/account/team'));
  const shell = new AccountShell(page);
  await shell.menuButton.focus();
  await page.keyboard.press('Enter');
  await expect(shell.menuButton).toHaveAttribute('aria-expanded', 'true');
  await expect(shell.navigation).toHaveAttribute('id', (await shell.menuButton.getAttribute('aria-controls'))!);
  // The next Tab goes into the list that just opened.
  await page.keyboard.press('Tab');
  await expect(shell.sectionLink('Account')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(shell.menuButton).toBeFocused();
  await expect(shell.menuButton).toHaveAttribute('aria-expanded', 'false');
  await expect(shell.sectionLink('Account')).toBeHidden();

  // Opened again, a link leads to its section and the menu folds away.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(shell.sectionLink('Team')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(urlOf('/account/billing'));
  await expect(page.getByRole('heading', { name: 'Billing', level: 1 })).toBeVisible();
  await expect(shell.menuButton).toHaveAttribute('aria-expanded', 'false');
  await expect(shell.menuButton).toBeFocused();
});

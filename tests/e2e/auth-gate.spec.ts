import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../support/e2e-env';
import { fillSignIn, signIn, urlOf } from '../support/e2e-journeys';

// The gate of /account/*: who gets in, and where they land.

test('an unauthenticated visit is sent to sign-in and comes back to the page it asked for', async ({ page }) => {
  await page.goto('/account/activity');
  await expect(page).toHaveURL(urlOf('/sign-in?next=%2Faccount%2Factivity'));

  await fillSignIn(page, 'owner@globex.example', DEMO_PASSWORD);

  await expect(page).toHaveURL(urlOf('/account/activity'));
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Activity' })).toHaveAttribute('aria-current', 'page');
});

test('next= pointing at another site is ignored', async ({ page }) => {
  await signIn(page, 'admin@globex.example', DEMO_PASSWORD, { next: '//evil.example' });

  await expect(page).toHaveURL(urlOf('/account'));
  await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
  await expect(page.getByText('Globex Corporation').first()).toBeVisible();
});

test('a wrong password keeps the visitor on sign-in with an error', async ({ page }) => {
  await signIn(page, 'viewer@globex.example', 'not-the-password');

  await expect(page.getByText('That email and password do not match.')).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto('/account');
  await expect(page).toHaveURL(urlOf('/sign-in?next=%2Faccount'));
});

test('every section has shipped: none carries a "Soon" badge; unknown ones are 404', async ({ page }) => {
  await signIn(page, 'owner@initech.example', DEMO_PASSWORD);
  await expect(page).toHaveURL(urlOf('/account'));

  const nav = page.getByRole('navigation', { name: 'Account' });
  for (const label of ['Account', 'Team', 'Billing', 'Usage', 'Invoices', 'API keys', 'Support', 'Activity']) {
    await expect(nav.getByRole('link', { name: label, exact: true })).toBeVisible();
  }
  await expect(nav.getByRole('link', { name: 'Account', exact: true })).toHaveAttribute('aria-current', 'page');
  // Support was the last section "coming soon"; the placeholder page remains for a future section.
  await expect(nav.getByRole('link').filter({ hasText: /Soon$/ })).toHaveCount(0);
  await nav.getByRole('link', { name: 'Support', exact: true }).click();
  await expect(page).toHaveURL(urlOf('/account/support'));
  await expect(page.getByRole('heading', { name: 'Support', level: 1 })).toBeVisible();
  await expect(page.getByText('Support is coming soon')).toHaveCount(0);

  const unknown = await page.goto('/account/nope');
  expect(unknown?.status()).toBe(404);
  await expect(page.getByText(/could not be found/i)).toBeVisible();
});

test('a member does not see Activity in the navigation and is told why on the page', async ({ page }) => {
  await signIn(page, 'member@initech.example', DEMO_PASSWORD);
  await expect(page).toHaveURL(urlOf('/account'));

  const nav = page.getByRole('navigation', { name: 'Account' });
  await expect(nav.getByRole('link', { name: 'Account', exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Activity' })).toHaveCount(0);

  await page.goto('/account/activity');
  await expect(page.getByText('Only owners and admins can see activity')).toBeVisible();
});

import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { AccountShell, sidewaysScrollers } from '../support/account-shell';
import { E2E_BASE_URL } from '../support/e2e-env';
import { createHandoff, newHostCustomer } from '../support/e2e-journeys';
import { staffHandoffSignIn } from '../support/e2e-staff';

// A lead rolls the Team section out to one customer from the console: that customer keeps Team (the
// navigation, the page, its JSON route) while another customer finds it gone and its page and route
// not found. The journeys share one portal, so Team is switched back on for everyone afterwards.

const ROLLOUT = '/admin/rollout';
const signedOut = { storageState: { cookies: [], origins: [] } };
const contexts: BrowserContext[] = [];

type Customer = { page: Page; organization: string };

/** A new host customer (owner of a new organization), signed in in a browser of their own. */
async function customerIn(browser: Browser, tag: string): Promise<Customer> {
  const customer = newHostCustomer(tag);
  const context = await browser.newContext(signedOut);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto((await createHandoff(page.request, customer)).url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  return { page, organization: customer.organization.name };
}

test.afterAll(async () => {
  for (const context of contexts) await context.close();
});

/** Team back on for every customer, through the API as the lead of `page`. */
async function restoreTeam(page: Page): Promise<void> {
  const restored = await page.request.patch('/api/admin/sections/team', { data: { mode: 'on' }, headers: { Origin: E2E_BASE_URL } });
  expect(restored.status(), await restored.text()).toBe(200);
}

test('a lead switches Team to an allowlist of one customer: that customer sees Team, another does not', async ({ page, browser }) => {
  const listed = await customerIn(browser, 'rollout-listed');
  const other = await customerIn(browser, 'rollout-other');
  for (const customer of [listed, other]) await expect(new AccountShell(customer.page).sectionLink('Team')).toBeVisible();

  await staffHandoffSignIn(page, 'lead', ROLLOUT);
  try {
    await switchTeamToAllowlist(page, listed);
    await expectTeamShownTo(listed);
    await expectTeamHiddenFrom(other);
  } finally {
    await restoreTeam(page);
  }
});

/** On the rollout page: Team to an allowlist of the one customer, confirmed. */
async function switchTeamToAllowlist(page: Page, listed: Customer): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Rollout' })).toBeVisible();
  const team = page.getByRole('region', { name: 'Team', exact: true });
  await expect(team.getByText('On for every customer')).toBeVisible();

  // Pick the allowlist and find the customer from the keyboard: Enter in the box searches.
  await team.getByRole('radio', { name: /^Allowlist/ }).check();
  await expect(team.getByText('No organization yet: the section is shown to nobody.')).toBeVisible();
  const search = team.getByRole('searchbox');
  await search.fill(listed.organization);
  await search.press('Enter');
  await team.getByRole('button', { name: `Add ${listed.organization}` }).click();
  await expect(team.getByRole('list', { name: 'Organizations that see Team' }).getByText(listed.organization)).toBeVisible();

  // It hides Team from everybody else who sees it now: the console asks first. Cancel keeps it as it was.
  await team.getByRole('button', { name: 'Save Team' }).click();
  const confirm = page.getByRole('dialog', { name: 'Hide Team from customers?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(team.getByText('On for every customer')).toBeVisible();
  await team.getByRole('button', { name: 'Save Team' }).click();
  await confirm.getByRole('button', { name: 'Switch' }).click();
  await expect(team.getByText(`Allowlist: ${listed.organization}`)).toBeVisible();
  await expect(team.getByText(/^Launched /)).toBeVisible();
}

/** The listed customer keeps Team: in the navigation, its page, its JSON route. */
async function expectTeamShownTo(listed: Customer): Promise<void> {
  const shown = new AccountShell(listed.page);
  await listed.page.reload();
  await shown.goTo('Team', '/account/team');
  await expect(listed.page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
  expect((await listed.page.request.get('/api/account/team')).status()).toBe(200);
}

/** Another customer: Team gone from the navigation, its page and JSON route not found. */
async function expectTeamHiddenFrom(other: Customer): Promise<void> {
  const hidden = new AccountShell(other.page);
  await other.page.reload();
  await hidden.openNavigation();
  await expect(hidden.sectionLink('Billing')).toBeVisible();
  await expect(hidden.sectionLink('Team')).toHaveCount(0);
  const visit = await other.page.goto('/account/team');
  expect(visit?.status()).toBe(404);
  const api = await other.page.request.get('/api/account/team');
  expect(api.status()).toBe(404);
  expect(await api.json()).toMatchObject({ success: false, error: { code: 'not_found' } });
}

test('an agent cannot open the rollout page; on a phone the page fits its width', async ({ page, browser }) => {
  await staffHandoffSignIn(page, 'agent', '/admin');
  expect((await page.goto(ROLLOUT))?.status()).toBe(404);

  const phone = await browser.newContext({ ...signedOut, viewport: { width: 390, height: 844 } });
  contexts.push(phone);
  const small = await phone.newPage();
  await staffHandoffSignIn(small, 'lead', ROLLOUT);
  await expect(small.getByRole('heading', { level: 1, name: 'Rollout' })).toBeVisible();
  await small.getByRole('region', { name: 'Billing', exact: true }).getByRole('radio', { name: /^Allowlist/ }).check();
  expect(await sidewaysScrollers(small)).toEqual([]);
});

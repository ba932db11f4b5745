import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectWithinWidth, sidewaysScrollers } from '../support/account-shell';
import { DEMO_PASSWORD, E2E_BASE_URL, E2E_SERVER_SECRET, E2E_STAFF_LEAD, E2E_STAFF_SET_UP_FILE } from '../support/e2e-env';
import { signIn, uniqueId, urlOf } from '../support/e2e-journeys';
import { createStaffHandoff, fillStaffSignIn, finishEnrolment, followSetUpLink, newHostStaff, staffHandoffSignIn } from '../support/e2e-staff';
import { freshCode } from '../support/e2e-totp';

// The support team's two ways into the staff console, and the wall between it and the customers' portal.

const origin = { Origin: E2E_BASE_URL };

test('the first lead: the staff:add link, a password, forced two-factor, the console; then a teammate who must enrol too', async ({ page, browser }) => {
  // The launcher ran `npm run staff:add -- e2e-lead@vendor.example --role lead` on a fresh database.
  const link = readFileSync(E2E_STAFF_SET_UP_FILE, 'utf8').trim();
  const password = `lead-${uniqueId()}-password`;
  await followSetUpLink(page, link, 'Erin Lead', password);
  const authenticator = await finishEnrolment(page);
  await expect(page).toHaveURL(urlOf('/admin'));

  await page.goto('/admin/staff');
  await expect(page.getByRole('heading', { name: 'Staff', level: 1 })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Console' });
  for (const label of ['Customers', 'Audit', 'Staff']) await expect(nav.getByRole('link', { name: label, exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Staff' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('Erin Lead · lead')).toBeVisible();
  const me = page.getByRole('row').filter({ hasText: E2E_STAFF_LEAD });
  await expect(me).toContainText('Erin Lead (you)');
  await expect(me).toContainText('Password + two-factor');

  // The link worked once.
  const replay = await browser.newContext();
  try {
    const other = await replay.newPage();
    await followSetUpLink(other, link, 'Mallory', 'another-long-password');
    await expect(other.getByText('This link is invalid or has expired.')).toBeVisible();
  } finally {
    await replay.close();
  }

  // The lead adds an agent from the console; the set-up link is shown once.
  const agentEmail = `e2e-agent-${uniqueId()}@vendor.example`;
  await page.getByLabel('Email', { exact: true }).fill(agentEmail);
  await page.getByRole('button', { name: 'Add staff member' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${agentEmail} was added as agent.` })).toBeVisible();
  const agentLink = await page.getByLabel('Set-up link').inputValue();
  await expect(page.getByRole('row').filter({ hasText: agentEmail })).toContainText('Set-up pending');

  // The agent sets a password but leaves before the code: no console page opens until they enrol.
  const agentContext = await browser.newContext();
  try {
    const agent = await agentContext.newPage();
    await followSetUpLink(agent, agentLink, 'Ari Agent', 'agent-long-password');
    await expect(agent.getByText('Save your backup codes now.')).toBeVisible();
    await agent.goto('/admin/staff');
    await expect(agent).toHaveURL(urlOf('/admin/sign-in/enrol?next=%2Fadmin%2Fstaff'));
    expect((await agent.request.get('/api/admin/staff')).status()).toBe(401);
    await agent.getByLabel('Password', { exact: true }).fill('agent-long-password');
    await agent.getByRole('button', { name: 'Set up two-factor' }).click();
    await finishEnrolment(agent);
    // An agent is not a lead: the Staff page is not theirs, nor adding staff.
    await expect(agent).toHaveURL(urlOf('/admin/staff'));
    await expect(agent.getByRole('heading', { name: /could not be found/i })).toBeVisible();
    const refused = await agent.request.post('/api/admin/staff', { headers: origin, data: { email: `x-${uniqueId()}@vendor.example`, role: 'lead' } });
    expect(refused.status()).toBe(403);
  } finally {
    await agentContext.close();
  }

  // Signing in again takes the password and a code.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(urlOf('/admin/sign-in?notice=signed-out'));
  await page.goto('/admin/staff');
  await expect(page).toHaveURL(urlOf('/admin/sign-in?next=%2Fadmin%2Fstaff'));
  await fillStaffSignIn(page, E2E_STAFF_LEAD, password);
  await expect(page).toHaveURL(urlOf('/admin/sign-in/two-factor?next=%2Fadmin%2Fstaff'));
  await page.getByLabel('Authentication code').fill(await freshCode(authenticator));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(urlOf('/admin/staff'));

  // Removing the agent asks first.
  const row = page.getByRole('row').filter({ hasText: agentEmail });
  await row.getByRole('button', { name: 'Remove Ari Agent' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove Ari Agent?' });
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ari Agent was removed from the staff.' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: agentEmail })).toHaveCount(0);
});

test('the host’s staff tool signs a lead in once, on the requested console page', async ({ page, request, browser }) => {
  const staff = newHostStaff('lead', '/admin/staff');
  const { url, expiresAt } = await createStaffHandoff(request, staff);
  expect(url).toMatch(/\/api\/admin\/auth\/handoff\?token=/);
  expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(5 * 60_000);

  await page.goto(url);
  await expect(page).toHaveURL(urlOf('/admin/staff'));
  await expect(page.getByText(`${staff.staff.name} · lead`)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: staff.staff.email })).toContainText('Your staff tool');

  const replay = await browser.newContext();
  try {
    const other = await replay.newPage();
    await other.goto(url);
    await expect(other).toHaveURL(urlOf('/admin/sign-in?notice=link-expired'));
    await expect(other.getByText('That sign-in link has expired or was already used.')).toBeVisible();
    expect((await replay.cookies()).filter((c) => c.name.includes('session_token'))).toEqual([]);
  } finally {
    await replay.close();
  }

  const outside = await request.post('/api/v1/staff-sessions', { headers: { Authorization: `Bearer ${E2E_SERVER_SECRET}` }, data: newHostStaff('agent', '/account') });
  expect(outside.status()).toBe(422);
  expect((await outside.json()).error.fields).toHaveProperty('path');
  const noSecret = await request.post('/api/v1/staff-sessions', { data: newHostStaff('agent') });
  expect(noSecret.status()).toBe(401);
});

test('a customer’s session does not open the console, and a staff session does not open the portal', async ({ page, browser }) => {
  await signIn(page, 'owner@globex.example', DEMO_PASSWORD);
  await expect(page).toHaveURL(urlOf('/account'));
  await page.goto('/admin/staff');
  await expect(page).toHaveURL(urlOf('/admin/sign-in?next=%2Fadmin%2Fstaff'));
  expect((await page.request.get('/api/admin/staff')).status()).toBe(401);

  const staffContext = await browser.newContext();
  try {
    const staffPage = await staffContext.newPage();
    await staffHandoffSignIn(staffPage, 'lead');
    await expect(staffPage).toHaveURL(urlOf('/admin/staff'));
    await staffPage.goto('/account');
    await expect(staffPage).toHaveURL(urlOf('/sign-in?next=%2Faccount'));
    expect((await staffPage.request.get('/api/account/me')).status()).toBe(401);
  } finally {
    await staffContext.close();
  }
});

test('the console on a phone: the menu holds the sections and sign-out, and nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const staff = await staffHandoffSignIn(page, 'lead');
  await expect(page.getByRole('heading', { name: 'Staff', level: 1 })).toBeVisible();
  expect(await sidewaysScrollers(page)).toEqual([]);
  await expectWithinWidth(page, page.getByRole('button', { name: 'Add staff member' }));
  const menu = page.getByRole('button', { name: 'Menu', exact: true });
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  const nav = page.getByRole('navigation', { name: 'Console' });
  for (const label of ['Customers', 'Audit', 'Staff']) await expectWithinWidth(page, nav.getByRole('link', { name: label, exact: true }));
  await expect(page.getByText(`${staff.staff.name} · lead`)).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(urlOf('/admin/sign-in?notice=signed-out'));
});

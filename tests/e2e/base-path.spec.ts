import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, E2E_HOST_PRODUCT_TITLE, E2E_PROXY_URL, E2E_SERVER_SECRET } from '../support/e2e-env';
import { latestMail, linkIn } from '../support/e2e-mail';
import { newHostStaff } from '../support/e2e-staff';
import { fillSignIn, invoiceRows, newHostCustomer, uniqueEmail, urlOf } from '../support/e2e-journeys';

// The portal on the product's own domain: Debian's nginx serves a stand-in product at its root and
// Deflect, built with BASE_PATH=/account, under /account (tests/support/e2e-reverse-proxy.ts, with
// the locations of docs/deploy/nginx.conf). The browser talks to nginx only.

const OWNER = 'owner@acme.example';
const signedOut = { storageState: { cookies: [], origins: [] } };

async function signInFromTheProduct(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: E2E_HOST_PRODUCT_TITLE })).toBeVisible();
  await page.getByRole('link', { name: 'Your account' }).click();
  await expect(page).toHaveURL(urlOf('/account/sign-in?next=%2Faccount'));
  await fillSignIn(page, OWNER, DEMO_PASSWORD);
  await expect(page).toHaveURL(urlOf('/account'));
  await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
}

async function openSection(page: Page, name: string, path: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name }).click();
  await expect(page).toHaveURL(urlOf(path));
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

test('from the product, sign-in and every section stay under /account, with the assets of the portal', async ({ page, request }) => {
  const assets: string[] = [];
  page.on('request', (r) => {
    if (['script', 'stylesheet', 'font', 'image'].includes(r.resourceType())) assets.push(new URL(r.url()).pathname);
  });
  await signInFromTheProduct(page);

  await openSection(page, 'Team', '/account/team');
  await expect(page.getByRole('link', { name: 'Team' })).toHaveAttribute('aria-current', 'page');
  await openSection(page, 'Usage', '/account/usage');
  await openSection(page, 'Invoices', '/account/invoices');
  const pdf = page.getByRole('link', { name: /^Download PDF of invoice/ }).first();
  await expect(pdf).toHaveAttribute('href', /^\/account\/api\/account\/invoices\/[^/]+\/pdf$/);
  const download = await page.request.get((await pdf.getAttribute('href'))!);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toBe('application/pdf');
  await invoiceRows(page).first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/account\/invoices\/[^/]+$/);
  await page.getByRole('link', { name: '← All invoices' }).click();
  await expect(page).toHaveURL(urlOf('/account/invoices'));

  expect(assets.length).toBeGreaterThan(0);
  expect(assets.filter((p) => !p.startsWith('/account/'))).toEqual([]);
  // The product keeps its own /_next and everything else outside /account.
  expect(await (await request.get('/_next/static/chunks/main.js')).text()).toBe("the product's own asset");
  expect((await request.get('/api/health')).status()).toBe(404);
});

test("the portal's cookies are scoped to /account: the product's own pages never receive them", async ({ page, context }) => {
  await signInFromTheProduct(page);
  const cookies = (await context.cookies()).filter((c) => c.name.includes('deflect'));
  expect(cookies.map((c) => c.name)).toContain('deflect.session_token');
  for (const cookie of cookies) expect(cookie.path, cookie.name).toBe('/account');
  await page.goto('/cookies');
  await expect(page.locator('body')).not.toContainText('deflect');

  await page.goto('/account');
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(urlOf('/account/sign-in?notice=signed-out'));
  expect((await context.cookies()).filter((c) => c.name === 'deflect.session_token')).toEqual([]);
});

test("the host's handoff link is under /account and lands on the page it names", async ({ browser, request }) => {
  const customer = newHostCustomer('base-path');
  const response = await request.post('/account/api/v1/portal-sessions', {
    headers: { Authorization: `Bearer ${E2E_SERVER_SECRET}` },
    data: { ...customer, path: '/account/team?from=host' },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { url } = ((await response.json()) as { data: { url: string } }).data;
  expect(url.startsWith(`${E2E_PROXY_URL}/account/api/auth/handoff?token=`), url).toBe(true);

  const context = await browser.newContext(signedOut);
  try {
    const page = await context.newPage();
    await page.goto(url);
    await expect(page).toHaveURL(urlOf('/account/team?from=host'));
    await expect(page.getByRole('heading', { name: 'Team', level: 1 })).toBeVisible();
    await page.goto(url); // single-use
    await expect(page).toHaveURL(urlOf('/account/handoff-expired'));
  } finally {
    await context.close();
  }
});

test("Stripe's return URL brings the customer back to /account/billing, and its webhook arrives through the proxy", async ({ page }) => {
  await signInFromTheProduct(page);
  await openSection(page, 'Billing', '/account/billing');
  const plan = page.getByRole('region', { name: 'Plan' });
  await expect(plan.getByText('Visa •••• 4242, expires 12/2030')).toBeVisible();
  await plan.getByRole('button', { name: 'Update card' }).click();
  await expect(page.getByRole('heading', { name: 'Billing portal' })).toBeVisible();
  await page.getByRole('radio', { name: 'Mastercard ending 4444' }).check();
  await page.getByRole('button', { name: 'Save card' }).click();
  await expect(page).toHaveURL(`${E2E_PROXY_URL}/account/billing`);
  await expect(plan.getByText('Mastercard •••• 4444, expires 08/2030')).toBeVisible();
});

test('an invitation mailed from the portal links under /account, and the invitee signs up and joins there', async ({ page, browser }) => {
  const email = uniqueEmail('base-path-invitee');
  await signInFromTheProduct(page);
  await openSection(page, 'Team', '/account/team');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption('viewer');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();

  const invitation = linkIn(await latestMail(email, 'invited you to join Acme Analytics'), '/invitations/accept');
  expect(invitation.startsWith(`${E2E_PROXY_URL}/account/invitations/accept?token=`), invitation).toBe(true);
  const context = await browser.newContext(signedOut);
  try {
    const invitee = await context.newPage();
    await invitee.goto(invitation);
    await invitee.getByRole('link', { name: 'Create an account' }).click();
    await expect(invitee).toHaveURL(/^http:\/\/[^/]+\/account\/sign-up\?invitation=/);
    await invitee.getByLabel('Your name').fill('Bea Basepath');
    await invitee.getByLabel('Password', { exact: true }).fill('base-path-password-123');
    await invitee.getByRole('button', { name: 'Create account' }).click();
    await expect(invitee).toHaveURL(/^http:\/\/[^/]+\/account\/check-email\?/);
    const verify = linkIn(await latestMail(email, 'Verify your email address'), '/api/auth/verify-email');
    expect(verify.startsWith(`${E2E_PROXY_URL}/account/api/auth/verify-email?`), verify).toBe(true);
    await invitee.goto(verify);
    await invitee.getByRole('button', { name: 'Join Acme Analytics' }).click();
    await expect(invitee).toHaveURL(urlOf('/account?notice=joined'));
  } finally {
    await context.close();
  }
});

test("the staff handoff is under /account too, and the console's cookies stay under it", async ({ browser, request }) => {
  const staff = newHostStaff('lead', '/admin/staff');
  const response = await request.post('/account/api/v1/staff-sessions', { headers: { Authorization: `Bearer ${E2E_SERVER_SECRET}` }, data: staff });
  expect(response.status(), await response.text()).toBe(201);
  const { url } = ((await response.json()) as { data: { url: string } }).data;
  expect(url.startsWith(`${E2E_PROXY_URL}/account/api/admin/auth/handoff?token=`), url).toBe(true);

  const context = await browser.newContext(signedOut);
  try {
    const page = await context.newPage();
    await page.goto(url);
    await expect(page).toHaveURL(urlOf('/account/admin/staff'));
    await expect(page.getByRole('heading', { name: 'Staff', level: 1 })).toBeVisible();
    // Enter in the customer search opens the first result, under the base path once.
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Customers' }).click();
    await expect(page).toHaveURL(urlOf('/account/admin'));
    await page.getByRole('searchbox', { name: 'Search customers' }).fill('owner@acme.example');
    await expect(page.getByRole('list', { name: 'Customers found' }).getByRole('link', { name: /Acme Analytics/ })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/^http:\/\/[^/]+\/account\/admin\/customers\/[^/]+$/);
    await expect(page.getByRole('heading', { name: 'Acme Analytics', level: 1 })).toBeVisible();
    const cookies = (await context.cookies()).filter((c) => c.name.startsWith('deflect-staff'));
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) expect(cookie.path, cookie.name).toBe('/account');
  } finally {
    await context.close();
  }
});

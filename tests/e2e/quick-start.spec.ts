import { expect, test as base, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../support/e2e-env';
import { latestMail, linkIn } from '../support/e2e-mail';
import { downloadInvoicesZip, fillSignIn, invoiceRows, previousQuarter, signIn, takeNewKeySecret, uniqueEmail, urlOf } from '../support/e2e-journeys';
import { authenticatorFrom, freshCode } from '../support/e2e-totp';
import { Notifications } from '../support/notifications';

// The ten things a newcomer tries on a fresh `npm install && npm start` (the quick-start project's
// portal: embedded database, demo data, demo billing, no Stripe account), as owner@acme.example.
// They run in this order, on one demo organization: two-factor comes last and is turned off again.

const OWNER = 'owner@acme.example';

// Each journey starts from the state the ones before it left: a retry could not start over.
base.describe.configure({ mode: 'serial', retries: 0 });

type OwnerState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** The owner signs in once, as a person would, and every journey continues in that session. */
const test = base.extend<object, { ownerState: OwnerState }>({
  ownerState: [
    async ({ browser }, use, workerInfo) => {
      const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL });
      const page = await context.newPage();
      await signIn(page, OWNER, DEMO_PASSWORD);
      await expect(page).toHaveURL(urlOf('/account'));
      const state = await context.storageState();
      await context.close();
      await use(state);
    },
    { scope: 'worker' },
  ],
  storageState: ({ ownerState }, use) => use(ownerState),
});

async function openSection(page: Page, name: string, path: string): Promise<void> {
  await page.goto('/account');
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name }).click();
  await expect(page).toHaveURL(urlOf(path));
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

/** Another person's browser, or the owner's other device: contexts made in a test inherit the owner's session otherwise. */
const signedOut = { storageState: { cookies: [], origins: [] } };

const planSection = (page: Page) => page.getByRole('region', { name: 'Plan' });
const teamRow = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

/** Edits one field of Billing details; a reload shows it kept. */
async function changeBillingDetail(page: Page, label: string, before: string, after: string): Promise<void> {
  await openSection(page, 'Billing', '/account/billing');
  const details = page.getByRole('form', { name: 'Billing details' });
  await expect(details.getByLabel(label)).toHaveValue(before);
  await details.getByLabel(label).fill(after);
  await details.getByRole('button', { name: 'Save billing details' }).click();
  await expect(page.getByText('Billing details saved. Your next invoice will show them.')).toBeVisible();
  await page.reload();
  await expect(details.getByLabel(label)).toHaveValue(after);
}

test('card: "Update card" opens the demo billing portal, and the new card shows on Billing', async ({ page }) => {
  await openSection(page, 'Billing', '/account/billing');
  await expect(page.getByRole('note').filter({ hasText: 'Demo billing.' })).toContainText('local Stripe simulator');
  await expect(planSection(page).getByText('Visa •••• 4242, expires 12/2030')).toBeVisible();

  await planSection(page).getByRole('button', { name: 'Update card' }).click();
  await expect(page.getByRole('heading', { name: 'Billing portal' })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('Demo billing.');
  await page.getByRole('radio', { name: 'Mastercard ending 4444' }).check();
  await page.getByRole('button', { name: 'Save card' }).click();

  await expect(page).toHaveURL(urlOf('/account/billing'));
  await expect(planSection(page).getByText('Mastercard •••• 4444, expires 08/2030')).toBeVisible();
});

test('company name: corrected in Billing details, still there after a reload', ({ page }) => changeBillingDetail(page, 'Company legal name', 'Acme Analytics', 'Acme Analytics GmbH'));

test('teammate: an invitation mail arrives, and the invitee joins from it', async ({ page, browser }) => {
  const email = uniqueEmail('quick-start-teammate');
  await openSection(page, 'Team', '/account/team');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption('member');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();

  const inviteeContext = await browser.newContext(signedOut);
  try {
    const invitee = await inviteeContext.newPage();
    await invitee.goto(linkIn(await latestMail(email, 'invited you to join Acme Analytics'), '/invitations/accept'));
    await expect(invitee.getByText('You have been invited to join Acme Analytics as member.')).toBeVisible();
    await invitee.getByRole('link', { name: 'Create an account' }).click();
    await invitee.getByLabel('Your name').fill('Nina Newcomer');
    await invitee.getByLabel('Password', { exact: true }).fill('newcomer-password-123');
    await invitee.getByRole('button', { name: 'Create account' }).click();
    await expect(invitee).toHaveURL(/\/check-email\?/);
    await invitee.goto(linkIn(await latestMail(email, 'Verify your email address'), '/api/auth/verify-email'));
    await invitee.getByRole('button', { name: 'Join Acme Analytics' }).click();
    await expect(invitee).toHaveURL(/\/account\?notice=joined$/);
  } finally {
    await inviteeContext.close();
  }

  await page.reload();
  await expect(teamRow(page, email)).toContainText('Nina Newcomer');
  await expect(page.getByLabel('Role of Nina Newcomer')).toHaveValue('member');
});

test('why was I charged: the invoice that cost more than the others explains its prorations', async ({ page }) => {
  await openSection(page, 'Invoices', '/account/invoices');
  await expect(invoiceRows(page)).toHaveCount(7);
  const unusual = invoiceRows(page).filter({ hasNotText: '€245.00' });
  await expect(unusual).toHaveCount(1);
  const number = (await unusual.getByRole('rowheader').textContent())!.trim();
  await unusual.getByRole('link', { name: number, exact: true }).click();

  await expect(page.getByRole('heading', { name: `Invoice ${number}`, level: 1 })).toBeVisible();
  const why = page.getByRole('region', { name: 'Why was I charged this much?' });
  await expect(why).toContainText('this invoice includes prorations');
  await expect(why).toContainText('Credit for the unused time on the previous plan');
  await expect(why).toContainText('Charge for the rest of the period on the new plan');
  await expect(page.getByRole('table', { name: 'Invoice lines' }).getByText('Proration')).toHaveCount(2);
});

test('last quarter’s invoices: the preset lists them, and they download as one ZIP of PDFs', async ({ page }) => {
  await openSection(page, 'Invoices', '/account/invoices');
  const { from, to } = previousQuarter();
  await page.getByRole('navigation', { name: 'Date range presets' }).getByRole('link', { name: 'Last quarter' }).click();
  await expect(page).toHaveURL(urlOf(`/account/invoices?from=${from}&to=${to}`));
  await expect(invoiceRows(page)).toHaveCount(3);
  const numbers = (await invoiceRows(page).getByRole('rowheader').allTextContents()).map((n) => n.trim());

  const zip = await downloadInvoicesZip(page);
  expect(zip.fileName).toBe(`invoices-from-${from}-to-${to}.zip`);
  expect(zip.pdfNames).toEqual(numbers.map((n) => `${n}.pdf`).sort());
});

test('API key rotation: a new key is shown once, and rotating it shows the new secret and marks the old key', async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: test.info().project.use.baseURL });
  await openSection(page, 'API keys', '/account/api-keys');
  await page.getByRole('button', { name: 'Create key' }).click();
  const form = page.getByRole('dialog', { name: 'Create an API key' });
  await form.getByLabel('Name').fill('Quick start server');
  await form.getByRole('button', { name: 'Create key' }).click();
  const first = await takeNewKeySecret(page, /Copy your new key “Quick start server”/);
  await expect(teamRow(page, first.slice(0, 17))).toContainText('Active');

  await page.getByRole('button', { name: 'Rotate Quick start server' }).click();
  const rotate = page.getByRole('dialog', { name: 'Rotate “Quick start server”' });
  await rotate.getByLabel('In 1 hour').check();
  await rotate.getByRole('button', { name: 'Rotate key' }).click();
  await expect(page.getByText(/The old key keeps working until .* UTC/)).toBeVisible();
  const second = await takeNewKeySecret(page, /Copy your new key “Quick start server”/);
  expect(second).not.toBe(first);
  await expect(teamRow(page, first.slice(0, 17))).toContainText(/Expiring\s*at /);
  await expect(teamRow(page, second.slice(0, 17))).toContainText('Active');
});

test('remove teammate: asked to confirm, then they are gone', async ({ page }) => {
  await openSection(page, 'Team', '/account/team');
  await expect(teamRow(page, 'viewer@acme.example')).toContainText('Vera Viewer');
  await page.getByRole('button', { name: 'Remove Vera Viewer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove Vera Viewer?' });
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByText('Vera Viewer was removed from the organization.')).toBeVisible();
  await page.reload();
  await expect(teamRow(page, 'viewer@acme.example')).toHaveCount(0);
});

test('billing email: changed in Billing details, still there after a reload', ({ page }) => changeBillingDetail(page, 'Billing email', 'billing@acme.example', 'invoices@acme.example'));

test('downgrade and cancel: from the usage alert to Usage and Billing, Starter in the demo portal, then cancel at period end', async ({ page }) => {
  await page.goto('/account');
  const alert = await new Notifications(page).waitForItem('API calls at 80 % of the limit');
  await expect(alert).toContainText('Upgrade your plan before you reach it.');
  await alert.getByRole('link', { name: 'API calls at 80 % of the limit' }).click();
  await expect(page).toHaveURL(urlOf('/account/usage'));
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Billing' }).click();
  await expect(page).toHaveURL(urlOf('/account/billing'));
  await expect(planSection(page).getByText('Pro', { exact: true })).toBeVisible();

  await planSection(page).getByRole('button', { name: 'Change plan' }).click();
  await expect(page.getByRole('heading', { name: 'Billing portal' })).toBeVisible();
  await page.getByRole('radio', { name: /^Starter:/ }).check();
  await page.getByRole('button', { name: 'Change plan' }).click();
  await expect(page).toHaveURL(urlOf('/account/billing'));
  await expect(planSection(page).getByText('Starter', { exact: true })).toBeVisible();
  await expect(planSection(page).getByText(/^Renews on \d{1,2} \w{3} \d{4} for €95\.00$/)).toBeVisible();

  await planSection(page).getByRole('button', { name: 'Cancel subscription' }).click();
  await expect(page.getByRole('heading', { name: 'Billing portal' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel plan' }).click();
  await expect(page).toHaveURL(urlOf('/account/billing'));
  await expect(planSection(page).getByText('Cancels at period end. You are not charged again.')).toBeVisible();
  await expect(planSection(page).getByRole('button', { name: 'Cancel subscription' })).toHaveCount(0);
});

test('2FA: the owner turns on two-factor, signs in with a code, and turns it off again', async ({ page, browser }) => {
  await page.goto('/account');
  const card = page.getByRole('region', { name: 'Two-factor authentication' });
  await expect(card.getByText('Off', { exact: true })).toBeVisible();
  await card.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await card.getByRole('button', { name: 'Set up two-factor' }).click();
  const authenticator = authenticatorFrom((await card.getByRole('link', { name: 'this link' }).getAttribute('href'))!);
  await card.getByLabel('Authentication code').fill(await freshCode(authenticator));
  await card.getByRole('button', { name: 'Turn on two-factor' }).click();
  await expect(card.getByText('On', { exact: true })).toBeVisible();

  // Another device: the password alone is no longer enough.
  const otherContext = await browser.newContext(signedOut);
  try {
    const other = await otherContext.newPage();
    await other.goto('/sign-in');
    await fillSignIn(other, OWNER, DEMO_PASSWORD);
    await expect(other).toHaveURL(urlOf('/two-factor?next=%2Faccount'));
    await other.getByLabel('Authentication code').fill(await freshCode(authenticator));
    await other.getByRole('button', { name: 'Verify' }).click();
    await expect(other).toHaveURL(urlOf('/account'));
    await expect(other.getByText(`${OWNER} · owner`)).toBeVisible();
  } finally {
    await otherContext.close();
  }

  // Back to the demo's password-only sign-in.
  await page.reload();
  await card.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await card.getByRole('button', { name: 'Turn off two-factor' }).click();
  await expect(page.getByRole('status').getByText('Two-factor authentication is off.')).toBeVisible();
});

import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD, E2E_SERVER_SECRET, E2E_STRIPE_URL } from '../support/e2e-env';
import { createHandoff, newHostCustomer, signIn, uniqueId, urlOf } from '../support/e2e-journeys';

/** Cuts the fake Stripe off (every API call answers `status`), or restores it with null. */
async function setStripeDown(request: APIRequestContext, status: number | null): Promise<void> {
  const response = await request.post(`${E2E_STRIPE_URL}/__control/down`, { data: { status } });
  expect(response.ok(), await response.text()).toBe(true);
}

async function openBilling(page: Page, email: string): Promise<void> {
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page).toHaveURL(urlOf('/account'));
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Billing' }).click();
  await expect(page).toHaveURL(urlOf('/account/billing'));
  await expect(page.getByRole('heading', { name: 'Billing', level: 1 })).toBeVisible();
}

test('a Stripe customer sees the plan and card, fixes the company name, and adds and removes a VAT ID', async ({ page }) => {
  await openBilling(page, 'billing@acme.example');

  // Plan, next charge and card, as fetched from Stripe on this first look.
  const plan = page.getByRole('region', { name: 'Plan' });
  await expect(plan.getByText('Pro', { exact: true })).toBeVisible();
  await expect(plan.getByText('Active', { exact: true })).toBeVisible();
  await expect(plan.getByText(/^Renews on \d{1,2} \w{3} \d{4} for €245\.00$/)).toBeVisible();
  await expect(plan.getByText('Visa •••• 4242, expires 12/2030')).toBeVisible();
  for (const name of ['Update card', 'Change plan', 'Cancel subscription']) await expect(plan.getByRole('button', { name })).toBeVisible();
  // STRIPE_SECRET_KEY is set on this portal: the demo data's simulator is not what bills it.
  await expect(page.getByRole('note').filter({ hasText: 'Demo billing.' })).toHaveCount(0);

  // A bad email is refused beside its field; then the company's legal name is corrected.
  const details = page.getByRole('form', { name: 'Billing details' });
  await expect(details.getByLabel('Company legal name')).toHaveValue('Acme Analytics');
  await details.getByLabel('Billing email').fill('billing-at-acme');
  await details.getByRole('button', { name: 'Save billing details' }).click();
  await expect(details.getByText('Enter an email address, e.g. billing@example.com.')).toBeVisible();
  await expect(details.getByLabel('Billing email')).toHaveAttribute('aria-invalid', 'true');

  const companyName = `Acme Analytics GmbH ${uniqueId()}`;
  await details.getByLabel('Billing email').fill('billing@acme.example');
  await details.getByLabel('Company legal name').fill(companyName);
  await details.getByRole('button', { name: 'Save billing details' }).click();
  await expect(page.getByText('Billing details saved. Your next invoice will show them.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('form', { name: 'Billing details' }).getByLabel('Company legal name')).toHaveValue(companyName);
  const overview = await page.request.get('/api/account/billing');
  expect(await overview.json()).toMatchObject({ success: true, data: { provider: 'stripe', details: { companyName, billingEmail: 'billing@acme.example' } } });
  // Kept here at once, pushed to the Stripe customer by the queue after the commit: the note goes once Stripe has it.
  await expect
    .poll(async () => {
      await page.reload();
      return page.getByRole('status').filter({ hasText: 'Syncing with Stripe…' }).count();
    }, { timeout: 15_000 })
    .toBe(0);

  // A VAT ID: the hint follows the type; a malformed number is refused with the expected format.
  const taxIds = page.getByRole('region', { name: 'Tax IDs' });
  const addForm = taxIds.getByRole('form', { name: 'Add a tax ID' });
  await expect(taxIds.getByText('No tax IDs on file')).toBeVisible();
  await addForm.getByLabel('Type').selectOption({ label: 'UK VAT number' });
  await expect(addForm.getByText('Format: GB and 9 digits, e.g. GB980780684')).toBeVisible();
  await addForm.getByLabel('Type').selectOption({ label: 'EU VAT number' });
  await expect(addForm.getByText('Format: a country prefix and number, e.g. DE123456788')).toBeVisible();
  await addForm.getByLabel('Number').fill('DE 136 695 978');
  await addForm.getByRole('button', { name: 'Add tax ID' }).click();
  await expect(addForm.getByRole('alert')).toHaveText('The check digit of this EU VAT number does not match. Enter a valid EU VAT number: a country prefix and number, e.g. DE123456788.');

  await addForm.getByLabel('Number').fill('DE 136 695 976');
  await addForm.getByRole('button', { name: 'Add tax ID' }).click();
  await expect(page.getByText('Tax ID DE136695976 added. Stripe is verifying it.')).toBeVisible();
  const vatRow = taxIds.getByRole('row').filter({ hasText: 'DE136695976' });
  await expect(vatRow).toContainText('EU VAT number');
  await expect(vatRow.getByText('Verification pending')).toBeVisible();
  await expect(addForm.getByLabel('Number')).toHaveValue('');

  // Removing asks first.
  await vatRow.getByRole('button', { name: 'Remove tax ID DE136695976' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove EU VAT number DE136695976?' });
  await confirm.getByRole('button', { name: 'Remove tax ID' }).click();
  await expect(page.getByText('Tax ID removed. Your next invoice will not show it.')).toBeVisible();
  await expect(vatRow).toHaveCount(0);
  await expect(taxIds.getByText('No tax IDs on file')).toBeVisible();
});

test('"Update card" opens Stripe’s billing portal, whose return link comes back to Billing', async ({ page }) => {
  await openBilling(page, 'billing@acme.example');
  await page.getByRole('button', { name: 'Update card' }).click();
  await expect(page).toHaveURL(new RegExp(`^${E2E_STRIPE_URL}/portal/`));
  await expect(page.getByRole('heading', { name: 'Billing portal', level: 1 })).toBeVisible();
  // Deep-linked to the card: the plan and cancelling are not offered on this page.
  await expect(page.getByRole('heading', { name: 'Payment method', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Plan', exact: true })).toHaveCount(0);
  await page.getByRole('link', { name: /^Return to / }).click();
  await expect(page).toHaveURL(urlOf('/account/billing'));
  await expect(page.getByRole('heading', { name: 'Billing', level: 1 })).toBeVisible();
});

test('with Stripe down, "Change plan" explains it and the page stays as it was', async ({ page }) => {
  await openBilling(page, 'owner@acme.example');
  const plan = page.getByRole('region', { name: 'Plan' });
  await expect(plan.getByText('Visa •••• 4242, expires 12/2030')).toBeVisible();
  try {
    await setStripeDown(page.request, 503);
    await plan.getByRole('button', { name: 'Change plan' }).click();
    await expect(plan.getByRole('alert')).toHaveText('Stripe cannot be reached right now, so nothing was changed. Please try again in a minute.');
    await expect(page).toHaveURL(urlOf('/account/billing'));
    await expect(plan.getByText('Visa •••• 4242, expires 12/2030')).toBeVisible();
    await expect(plan.getByRole('button', { name: 'Change plan' })).toBeEnabled();
  } finally {
    await setStripeDown(page.request, null);
  }
});

test('when Stripe cannot be reached on the first look, the page says so and still shows the billing details', async ({ page }) => {
  // A new organization of the host, linked to a Stripe customer it has never fetched.
  const customer = newHostCustomer('billing-first-look');
  const { url } = await createHandoff(page.request, { ...customer, path: '/account' });
  const linked = await page.request.put(`/api/v1/organizations/${customer.organization.externalId}`, {
    headers: { Authorization: `Bearer ${E2E_SERVER_SECRET}` },
    data: { billing: 'stripe', stripeCustomerId: `cus_e2e${uniqueId()}` },
  });
  expect(linked.status(), await linked.text()).toBe(200);
  await page.goto(url);
  await expect(page).toHaveURL(urlOf('/account'));
  try {
    await setStripeDown(page.request, 503);
    await page.goto('/account/billing');
    await expect(page.getByRole('heading', { name: 'Billing', level: 1 })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: /We couldn.t reach Stripe/ })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Plan' })).toContainText('Your plan and card show here once Stripe answers.');
    await expect(page.getByRole('form', { name: 'Billing details' }).getByLabel('Company legal name')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Tax IDs' })).toBeVisible();
  } finally {
    await setStripeDown(page.request, null);
  }
});

test('a contract customer sees its terms read-only, with no way to change the plan or card', async ({ page }) => {
  await openBilling(page, 'billing@globex.example');
  const contract = page.getByRole('region', { name: 'Contract' });
  await expect(contract).toContainText('Annual contract, invoiced quarterly in advance, net 30');
  await expect(contract).toContainText('31 Mar 2027');
  await expect(contract).toContainText('€48,000.00');
  await contract.getByRole('link', { name: 'View your invoice history' }).click();
  await expect(page).toHaveURL(urlOf('/account/invoices'));
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Billing', level: 1 })).toBeVisible();
  for (const name of ['Update card', 'Change plan', 'Cancel subscription']) await expect(page.getByRole('button', { name })).toHaveCount(0);

  // Its details stay editable; its tax ID is its own, not verified by Stripe.
  await expect(page.getByRole('form', { name: 'Billing details' }).getByLabel('Company legal name')).toHaveValue('Globex Corporation GmbH');
  const vatRow = page.getByRole('region', { name: 'Tax IDs' }).getByRole('row').filter({ hasText: 'DE136695976' });
  await expect(vatRow).toContainText('EU VAT number');
  await expect(vatRow.getByText(/verif/i)).toHaveCount(0);
});

test('an organization without billing connected is told so, and keeps its details up to date', async ({ page }) => {
  await openBilling(page, 'owner@initech.example');
  await expect(page.getByRole('region', { name: 'Plan' })).toContainText('Billing isn’t connected for your organization yet');
  for (const name of ['Update card', 'Change plan', 'Cancel subscription']) await expect(page.getByRole('button', { name })).toHaveCount(0);

  const details = page.getByRole('form', { name: 'Billing details' });
  await details.getByLabel('Company legal name').fill('Initech LLC');
  await details.getByLabel('City').fill('Austin');
  await details.getByRole('button', { name: 'Save billing details' }).click();
  await expect(details.getByText('Enter the street address.')).toBeVisible(); // a partial address names what is missing
  await details.getByLabel('Address line 1').fill('4120 Freidrich Lane');
  await details.getByLabel('Postal code').fill('78744');
  await details.getByLabel('State or region (optional)').fill('TX');
  await details.getByLabel('Country').fill('us');
  await details.getByRole('button', { name: 'Save billing details' }).click();
  await expect(page.getByText('Billing details saved. Your next invoice will show them.')).toBeVisible();
  const overview = await page.request.get('/api/account/billing');
  expect(await overview.json()).toMatchObject({
    data: { provider: 'none', details: { companyName: 'Initech LLC', address: { line1: '4120 Freidrich Lane', line2: null, city: 'Austin', postalCode: '78744', state: 'TX', country: 'US' } } },
  });
});

test('a member has no billing in the navigation and is told who handles it', async ({ page }) => {
  await signIn(page, 'member@acme.example', DEMO_PASSWORD);
  await expect(page).toHaveURL(urlOf('/account'));
  const nav = page.getByRole('navigation', { name: 'Account' });
  await expect(nav.getByRole('link', { name: 'Usage' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Billing' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Invoices' })).toHaveCount(0);

  for (const path of ['/account/billing', '/account/invoices']) {
    await page.goto(path);
    await expect(page.getByText('Billing is handled by your organization’s billing team')).toBeVisible();
    await expect(page.getByText('Your role (member) does not include billing.', { exact: false })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'Update card' })).toHaveCount(0);
  expect((await page.request.get('/api/account/billing')).status()).toBe(403);
});

import { expect, test } from '@playwright/test';
import { E2E_SERVER_SECRET } from '../support/e2e-env';
import { createHandoff, invoiceRows, newHostCustomer, uniqueId } from '../support/e2e-journeys';
import { signInAsStaff } from '../support/e2e-staff';

// The support team's side of a reported bank transfer: a contract customer reports it in the portal,
// an agent finds the customer by a member's email, confirms the payment from the customer's page, and
// the customer then sees the invoice paid and the confirmation as Support's in their Activity.

const signedOut = { storageState: { cookies: [], origins: [] } };

test('an agent finds a customer by member email and confirms their reported payment; the customer sees it paid', async ({ browser, request }) => {
  const customer = newHostCustomer('staff-mark-paid');
  const upsert = await request.put(`/api/v1/organizations/${customer.organization.externalId}`, {
    headers: { Authorization: `Bearer ${E2E_SERVER_SECRET}` },
    data: { name: customer.organization.name, billing: 'contract', contract: { terms: 'Net 30', renewalDate: '2027-12-31', amount: 480000, currency: 'eur' } },
  });
  expect(upsert.status(), await upsert.text()).toBe(200);
  const number = `SUP-${uniqueId()}`;
  const issued = await request.post(`/api/v1/organizations/${customer.organization.externalId}/invoices`, {
    headers: { Authorization: `Bearer ${E2E_SERVER_SECRET}` },
    data: { number, issuedAt: '2026-11-01', dueAt: '2026-12-01', periodStart: '2026-11-01', periodEnd: '2026-11-30', currency: 'eur', lines: [{ description: 'Platform fee', quantity: 1, unitAmount: 40000 }] },
  });
  expect(issued.status(), await issued.text()).toBe(201);

  const customerContext = await browser.newContext(signedOut);
  const staffContext = await browser.newContext(signedOut);
  try {
    // The customer reports the transfer.
    const owner = await customerContext.newPage();
    await owner.goto((await createHandoff(owner.request, { ...customer, role: 'owner', path: '/account/invoices' })).url);
    await invoiceRows(owner).filter({ hasText: number }).getByRole('link', { name: number, exact: true }).click();
    const report = owner.getByRole('form', { name: 'Report a bank transfer' });
    await report.getByLabel('Transfer reference').fill('SUP-TRF-1');
    await report.getByRole('button', { name: 'Report payment' }).click();
    await expect(owner.getByRole('status').filter({ hasText: 'Payment reported — awaiting confirmation.' })).toBeVisible();

    // An agent finds them by a member's email and confirms it.
    const agent = await staffContext.newPage();
    await signInAsStaff(agent, 'agent');
    const search = agent.getByRole('searchbox', { name: 'Search customers' });
    await search.fill(customer.user.email);
    await agent.getByRole('list', { name: 'Customers found' }).getByRole('link', { name: new RegExp(customer.organization.name) }).click();
    await expect(agent.getByRole('heading', { level: 1, name: customer.organization.name })).toBeVisible();
    await agent.getByRole('button', { name: `Mark invoice ${number} paid` }).click();
    const dialog = agent.getByRole('dialog', { name: `Mark invoice ${number} paid?` });
    await dialog.getByRole('button', { name: 'Mark paid' }).click();
    await expect(agent.getByText(`Invoice ${number} is marked paid.`)).toBeVisible();
    await expect(agent.getByRole('table', { name: 'Recent invoices' }).getByRole('row').filter({ hasText: number })).toContainText('Paid');

    // The customer sees it paid, and who confirmed it.
    await owner.reload();
    await expect(owner.getByText('Paid', { exact: true })).toBeVisible();
    await owner.goto('/account/activity');
    await expect(owner.getByRole('row').filter({ hasText: 'staff.invoices.mark_paid' })).toContainText(/Support \(Sasha Staff /);
  } finally {
    await customerContext.close();
    await staffContext.close();
  }
});

import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { sidewaysScrollers } from '../support/account-shell';
import { E2E_SERVER_SECRET } from '../support/e2e-env';
import { createHandoff, newHostCustomer } from '../support/e2e-journeys';
import { signInAsStaff } from '../support/e2e-staff';

// The staff console's reading side: find a customer from the keyboard, read their page and their one
// timeline (filtered, and paged with "Load more"), and the audit trail across customers.

/** A new customer of the host product, renamed `renames` times by the host: one audit entry each. */
async function customerWithHistory(request: APIRequestContext, renames: number) {
  const customer = newHostCustomer('console');
  await createHandoff(request, customer);
  for (let i = 1; i <= renames; i++) {
    const response = await request.put(`/api/v1/organizations/${customer.organization.externalId}`, {
      headers: { Authorization: `Bearer ${E2E_SERVER_SECRET}` },
      data: { name: `${customer.organization.name} v${i}` },
    });
    expect(response.status(), await response.text()).toBe(200);
  }
  return { ...customer, currentName: `${customer.organization.name} v${renames}` };
}

async function findByKeyboard(page: Page, query: string, name: string): Promise<void> {
  await page.goto('/admin');
  const box = page.getByRole('searchbox', { name: 'Search customers' });
  await expect(box).toBeFocused();
  await page.keyboard.type(query);
  const result = page.getByRole('list', { name: 'Customers found' }).getByRole('link', { name: new RegExp(name) });
  await expect(result).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(result).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test.describe('staff console', () => {
  test.beforeEach(async ({ page }) => {
    await signInAsStaff(page, 'agent');
  });

  test('finds a customer by a member’s email from the keyboard and shows their page', async ({ page, request }) => {
    const customer = await customerWithHistory(request, 1);
    await findByKeyboard(page, customer.user.email.slice(0, 20), customer.currentName);
    await expect(page).toHaveURL(/\/admin\/customers\//);
    for (const section of ['Plan and billing', 'Members', 'Recent invoices', 'Usage this period', 'API keys', 'Timeline']) {
      await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
    }
    await expect(page.getByRole('table', { name: 'Members' })).toContainText(customer.user.email);
  });

  test('the timeline filters by kind and loads more, each entry once', async ({ page, request }) => {
    const customer = await customerWithHistory(request, 30);
    await findByKeyboard(page, customer.organization.externalId, customer.currentName);
    const entries = page.getByRole('list', { name: 'Timeline entries' }).getByRole('listitem');
    await expect(entries).toHaveCount(25);
    await page.getByRole('link', { name: 'Load more' }).click();
    // 30 renames, the handoff that created the customer, and the in-app notice of the owner joining
    await expect(entries).toHaveCount(32);
    await expect(entries.nth(25)).toBeFocused();
    await expect(page.getByText('The beginning of the timeline.')).toBeVisible();
    const texts = await entries.allTextContents();
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.filter((text) => text.includes('team.member_joined: delivered'))).toHaveLength(1);

    await page.getByRole('link', { name: 'Usage alerts' }).click();
    await expect(page.getByRole('link', { name: 'Usage alerts' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByText('Nothing on the timeline')).toBeVisible();
  });

  test('the audit trail filters by actor and customer and shows each change as a diff', async ({ page, request }) => {
    const customer = await customerWithHistory(request, 2);
    await findByKeyboard(page, customer.organization.externalId, customer.currentName);
    await page.getByRole('link', { name: 'Audit trail' }).click();
    await expect(page).toHaveURL(/\/admin\/audit\?organizationId=/);
    await page.getByLabel('Who acted').selectOption('host');
    await page.getByRole('button', { name: 'Filter' }).click();
    const rows = page.getByRole('table', { name: 'Audit trail' }).getByRole('row');
    await expect(rows).toHaveCount(1 + 3);
    await expect(rows.nth(1)).toContainText(`${customer.organization.name} v1`);
    await expect(rows.nth(1).getByRole('deletion').first()).toHaveText(`${customer.organization.name} v1`);
    await expect(rows.nth(1).getByRole('insertion').first()).toHaveText(customer.currentName);
  });

  test('the three screens fit a phone without sideways scrolling', async ({ page, request }) => {
    const customer = await customerWithHistory(request, 1);
    await page.setViewportSize({ width: 360, height: 740 });
    await findByKeyboard(page, customer.organization.externalId, customer.currentName);
    expect(await sidewaysScrollers(page)).toEqual([]);
    await page.goto('/admin/audit');
    expect(await sidewaysScrollers(page)).toEqual([]);
    await page.goto(`/admin?q=${encodeURIComponent(customer.organization.externalId)}`);
    expect(await sidewaysScrollers(page)).toEqual([]);
  });
});

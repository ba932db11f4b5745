import { expect, test, type Browser, type Page } from '@playwright/test';
import { sidewaysScrollers } from '../support/account-shell';
import { startExtraPortal, type ExtraPortal } from '../support/e2e-extra-portal';
import { E2E_AUDIT_LABEL } from '../support/e2e-inbox-audit-fixture';
import { staffHandoffSignIn } from '../support/e2e-staff';

// The scope document: a lead proposes it from a finished inbox audit, edits and signs it off; an agent
// then reads it, read-only. On a portal of its own, whose database the launcher seeded with that audit
// before it started (tests/support/e2e-seed-inbox-audit.ts): no other journey sees the audit.

let portal: ExtraPortal;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  portal = await startExtraPortal({ seed: 'tests/support/e2e-seed-inbox-audit.ts' });
});
test.afterAll(async () => portal?.stop());

async function staffPage(browser: Browser, role: 'agent' | 'lead'): Promise<{ page: Page; name: string }> {
  const page = await (await browser.newContext({ baseURL: portal.baseUrl })).newPage();
  const { staff } = await staffHandoffSignIn(page, role, '/admin/scope');
  await expect(page.getByRole('heading', { level: 1, name: 'Scope' })).toBeVisible();
  return { page, name: staff.name! };
}

test('a lead proposes the scope from an audit, edits and signs it off; an agent reads it without edit controls', async ({ browser }) => {
  test.setTimeout(120_000);
  const { page: lead, name: leadName } = await staffPage(browser, 'lead');
  await expect(lead.getByRole('region', { name: 'Signed scope' }).getByText('No scope is signed off yet')).toBeVisible();

  const propose = lead.getByRole('form', { name: 'Propose from an audit' });
  await expect(propose.getByLabel('Audit').locator('option:checked')).toHaveText(new RegExp(`^${E2E_AUDIT_LABEL} \\(80 tickets`));
  await propose.getByRole('button', { name: 'Propose' }).click();

  // Billing absorbs card and plan changes (42 of 80), Team 20, Invoices 8; refunds and the rest stay.
  const draft = lead.getByRole('region', { name: 'Draft, version 1' });
  await expect(draft).toBeVisible();
  for (const section of ['Billing', 'Team', 'Invoices']) await expect(draft.getByLabel(`Launch ${section}`)).toBeChecked();
  await expect(draft.getByText('Payment card, Plan change or cancellation · 42 tickets (52.5 %)')).toBeVisible();
  await expect(draft.getByLabel('Why “Refund” stays with support (6 tickets)')).toHaveValue('Refund: no portal screen does this, so a person answers it.');

  // By keyboard: Space unticks Invoices.
  await draft.getByLabel('Launch Invoices').focus();
  await lead.keyboard.press('Space');
  await expect(draft.getByLabel('Launch Invoices')).not.toBeChecked();
  await draft.getByLabel('Note on Billing').fill('Card updates first: the top reason.');
  await draft.getByLabel('Why “Refund” stays with support (6 tickets)').fill('Refunds need a person’s judgement.');
  await draft.getByLabel('Notes', { exact: true }).fill('Start in October.');
  await draft.getByRole('button', { name: 'Save draft' }).click();
  await expect(lead.getByText('Draft version 1 saved.')).toBeVisible();
  // Invoices left the launch: its reason now stays with support, with the default why.
  await expect(draft.getByLabel('Why “Invoices and receipts” stays with support (8 tickets)')).toHaveValue('Invoices and receipts: its screen is not in this launch.');
  await expect(draft.getByLabel('Launch Invoices')).not.toBeChecked();

  // Signing off asks first; Escape leaves the draft as it was.
  await draft.getByRole('button', { name: 'Sign off' }).click();
  const confirm = lead.getByRole('dialog', { name: 'Sign off version 1?' });
  await expect(confirm).toBeVisible();
  await lead.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await draft.getByRole('button', { name: 'Sign off' }).click();
  await confirm.getByRole('button', { name: 'Sign off' }).click();
  await expect(lead.getByText('Version 1 is signed off: every staff member now sees it.')).toBeVisible();
  await expect(draft).toBeHidden();
  const signedForLead = lead.getByRole('region', { name: 'Signed scope' });
  await expect(signedForLead).toContainText('Card updates first: the top reason.');

  // A change after the signature is a new version; the signed one stays as it was.
  await signedForLead.getByRole('button', { name: 'Revise in a new version' }).click();
  await expect(lead.getByRole('region', { name: 'Draft, version 2' })).toBeVisible();
  await lead.setViewportSize({ width: 390, height: 844 });
  expect(await sidewaysScrollers(lead)).toEqual([]);

  const { page: agent } = await staffPage(browser, 'agent');
  await agent.setViewportSize({ width: 390, height: 844 });
  const signed = agent.getByRole('region', { name: 'Signed scope' });
  await expect(signed).toContainText(`signed off by ${leadName}`);
  await expect(signed.getByRole('table').first()).toContainText('Card updates first: the top reason.');
  await expect(signed.getByRole('table').first()).toContainText('52.5 %');
  await expect(signed.getByRole('table').nth(1)).toContainText('Refunds need a person’s judgement.');
  await expect(signed).toContainText('Start in October.');
  await expect(agent.getByRole('textbox')).toHaveCount(0);
  await expect(agent.getByRole('checkbox')).toHaveCount(0);
  await expect(agent.getByRole('button', { name: /Propose|Save draft|Sign off|Revise/ })).toHaveCount(0);
  expect(await sidewaysScrollers(agent)).toEqual([]);

  // The history holds the signed version only for an agent (the lead's version 2 is a draft).
  const history = agent.getByRole('region', { name: 'Version history' });
  await expect(history.getByRole('link')).toHaveText(['Version 1']);
  await history.getByRole('link', { name: 'Version 1' }).focus();
  await agent.keyboard.press('Enter');
  await expect(agent.getByRole('heading', { level: 2, name: 'Version 1' })).toBeVisible();
  await expect(agent.getByRole('region', { name: 'Version 1' })).toContainText('Start in October.');
  await agent.goto('/admin/scope?version=2');
  await expect(agent.getByText('This page could not be found.')).toBeVisible();
});

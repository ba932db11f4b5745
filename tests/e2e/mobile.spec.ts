import { expect, test, type Locator, type Page } from '@playwright/test';
import { AccountShell, expectWithinWidth, sidewaysScrollers } from '../support/account-shell';
import { DEMO_PASSWORD } from '../support/e2e-env';
import { createHandoff, newHostCustomer, signIn, uniqueEmail, uniqueId, urlOf } from '../support/e2e-journeys';
import { staffHandoffSignIn } from '../support/e2e-staff';
import { Notifications } from '../support/notifications';
import { ContactForm, CustomerTicket, StaffTicket } from '../support/support-screens';

// A phone: every section fits its width, its actions in reach without scrolling anything sideways.
test.use({ viewport: { width: 390, height: 844 } });

async function signInAt(page: Page, email: string, path: string): Promise<AccountShell> {
  await signIn(page, email, DEMO_PASSWORD, { next: path });
  await expect(page).toHaveURL(urlOf(path));
  return new AccountShell(page);
}

/** Nothing on the page scrolls sideways, and each action is shown whole inside the window. */
async function expectFits(page: Page, actions: Locator[]): Promise<void> {
  expect(await sidewaysScrollers(page)).toEqual([]);
  for (const action of actions) await expectWithinWidth(page, action);
}

const rowOf = (page: Page, table: string, text: string) => page.getByRole('table', { name: table }).getByRole('row').filter({ hasText: text });

test('the menu reaches every section, and none of them scrolls sideways', async ({ page }) => {
  const shell = await signInAt(page, 'owner@acme.example', '/account');
  const sections: [string, string, string][] = [
    ['Team', '/account/team', 'Team'],
    ['Billing', '/account/billing', 'Billing'],
    ['Usage', '/account/usage', 'Usage'],
    ['Invoices', '/account/invoices', 'Invoices'],
    ['API keys', '/account/api-keys', 'API keys'],
    ['Support', '/account/support', 'Support'],
    ['Activity', '/account/activity', 'Activity'],
    ['Account', '/account', 'Account'],
  ];
  // Closed, the menu leaves the page to the content; open, it lists every section.
  await expect(shell.menuButton).toHaveAttribute('aria-expanded', 'false');
  await expect(shell.sectionLink('Team')).toBeHidden();
  for (const [label, path, heading] of sections) {
    await shell.openNavigation();
    for (const [other] of sections) await expectFits(page, [shell.sectionLink(other)]);
    await shell.goTo(label, path);
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await expect(shell.menuButton).toHaveAttribute('aria-expanded', 'false');
    await expect(shell.sectionLink(label)).toBeHidden();
    expect(await sidewaysScrollers(page)).toEqual([]);
  }

  // Escape closes the open menu and leaves focus on its button.
  await shell.openNavigation();
  await shell.sectionLink('Team').focus();
  await page.keyboard.press('Escape');
  await expect(shell.menuButton).toHaveAttribute('aria-expanded', 'false');
  await expect(shell.menuButton).toBeFocused();
  await expect(shell.sectionLink('Team')).toBeHidden();
});

test('account: profile, sign-in and the sessions list, each with its buttons in reach', async ({ page, browser }) => {
  // A second session, so that the list has one to revoke.
  const elsewhere = await browser.newContext();
  await signIn(await elsewhere.newPage(), 'admin@acme.example', DEMO_PASSWORD);
  await elsewhere.close();
  await signInAt(page, 'admin@acme.example', '/account');
  const sessions = page.getByRole('table', { name: 'Where you are signed in' });
  await expectFits(page, [
    page.getByRole('button', { name: 'Sign out', exact: true }),
    page.getByRole('button', { name: 'Save name' }),
    page.getByRole('button', { name: 'Change email' }),
    page.getByRole('button', { name: 'Change password' }),
    page.getByRole('button', { name: 'Set up two-factor' }),
    page.getByRole('button', { name: 'Sign out everywhere else' }),
    sessions.getByRole('button', { name: /^Revoke session / }).first(),
  ]);
  // Stacked, each row still reads as a table row with its header.
  await expect(sessions.getByRole('columnheader', { name: 'IP address' })).toBeAttached();
});

test('notifications: the bell beside the organization in the header bar, the list and the preferences table in reach', async ({ page }) => {
  const shell = await signInAt(page, 'billing@acme.example', '/account');
  const notifications = new Notifications(page);
  await expectFits(page, [notifications.bell, shell.menuButton]);
  const alert = await notifications.waitForItem('API calls at 80 % of the limit');
  await expectFits(page, [alert.getByRole('link', { name: 'API calls at 80 % of the limit' }), page.getByRole('link', { name: 'Preferences' })]);

  const form = await notifications.openPreferences();
  await expectFits(page, [
    notifications.choice(form, 'Email', 'Usage threshold reached'),
    notifications.choice(form, 'In-app', 'Usage threshold reached'),
    form.getByRole('button', { name: 'Save preferences' }),
  ]);
});

test('team: role, remove and the invitation buttons in reach; an invitation sent and revoked', async ({ page }) => {
  await signInAt(page, 'owner@acme.example', '/account/team');
  const adam = rowOf(page, 'Members', 'Adam Admin');
  await expectFits(page, [adam.getByRole('combobox', { name: 'Role of Adam Admin' }), adam.getByRole('button', { name: 'Remove Adam Admin' }), page.getByRole('button', { name: 'Send invitation' })]);
  await expect(adam).toContainText('admin@acme.example');

  const email = uniqueEmail('mobile-invitee');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  const invitation = rowOf(page, 'Pending invitations', email);
  await expect(invitation).toBeVisible();
  await expectFits(page, [invitation.getByRole('button', { name: `Resend invitation to ${email}` }), invitation.getByRole('button', { name: `Revoke invitation to ${email}` })]);

  await invitation.getByRole('button', { name: `Revoke invitation to ${email}` }).click();
  const confirm = page.getByRole('dialog', { name: `Revoke the invitation to ${email}?` });
  await expectFits(page, [confirm.getByRole('button', { name: 'Revoke' })]);
  await confirm.getByRole('button', { name: 'Revoke' }).click();
  await expect(invitation).toHaveCount(0);
});

test('billing: the Stripe buttons, the details form and the tax ID buttons in reach', async ({ page, browser }) => {
  await signInAt(page, 'owner@acme.example', '/account/billing');
  await expectFits(page, [
    page.getByRole('button', { name: 'Update card' }),
    page.getByRole('button', { name: 'Change plan' }),
    page.getByRole('button', { name: 'Cancel subscription' }),
    page.getByRole('button', { name: 'Save billing details' }),
    page.getByRole('button', { name: 'Add tax ID' }),
  ]);

  // The contract customer has a tax ID on file: its Remove button shows beside it.
  const globex = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const contract = await globex.newPage();
  await signInAt(contract, 'owner@globex.example', '/account/billing');
  const taxId = rowOf(contract, 'Tax IDs', 'DE136695976');
  await expectFits(contract, [taxId.getByRole('button', { name: 'Remove tax ID DE136695976' })]);
  await expect(taxId).toContainText('EU VAT');
  await globex.close();
});

test('usage: both CSV downloads of every meter in reach', async ({ page }) => {
  await signInAt(page, 'owner@acme.example', '/account/usage');
  const downloads = page.getByRole('link', { name: /^Download CSV of / });
  expect(await downloads.count()).toBeGreaterThanOrEqual(2);
  await expectFits(page, await downloads.all());
});

test('invoices: the range, the ZIP, and every invoice with its amount and PDF in reach; the invoice’s own page too', async ({ page }) => {
  await signInAt(page, 'owner@acme.example', '/account/invoices');
  const table = page.getByRole('table', { name: 'All invoices' });
  const rows = table.getByRole('row').filter({ has: page.getByRole('rowheader') });
  await expect(rows).toHaveCount(7);
  const pdfs = rows.getByRole('link', { name: /^Download PDF of invoice / });
  const amounts = rows.getByRole('cell').filter({ hasText: /€\d/ });
  await expect(pdfs).toHaveCount(7);
  await expect(amounts).toHaveCount(7);
  await expectFits(page, [
    page.getByRole('navigation', { name: 'Date range presets' }).getByRole('link', { name: 'Last quarter' }),
    page.getByRole('button', { name: 'Show invoices' }),
    page.getByRole('link', { name: 'Download ZIP' }),
    ...(await pdfs.all()),
    ...(await amounts.all()),
  ]);

  const number = (await rows.first().getByRole('rowheader').textContent())!.trim();
  await rows.first().getByRole('link', { name: number, exact: true }).click();
  await expect(page.getByRole('heading', { name: `Invoice ${number}`, level: 1 })).toBeVisible();
  const lines = page.getByRole('table', { name: 'Invoice lines' }).getByRole('row').filter({ has: page.getByRole('rowheader') });
  // The newest invoice is still open: the bank transfer form is there too.
  await expectFits(page, [
    page.getByRole('link', { name: 'Download PDF' }),
    page.getByRole('link', { name: '← All invoices' }),
    page.getByRole('button', { name: 'Report payment' }),
    ...(await lines.getByRole('cell').all()),
  ]);
});

test('API keys: create in a dialog, then Rotate and Revoke beside the key', async ({ page }) => {
  await signInAt(page, 'owner@acme.example', '/account/api-keys');
  await expectFits(page, [page.getByRole('button', { name: 'Create key' })]);
  const name = `Phone key ${uniqueId()}`;
  await page.getByRole('button', { name: 'Create key' }).click();
  const form = page.getByRole('dialog', { name: 'Create an API key' });
  await form.getByLabel('Name').fill(name);
  await expectFits(page, [form.getByRole('button', { name: 'Create key' })]);
  await form.getByRole('button', { name: 'Create key' }).click();
  const reveal = page.getByRole('dialog', { name: /Copy your new key/ });
  await expectFits(page, [reveal.getByRole('button', { name: 'I have copied it' })]);
  await reveal.getByRole('button', { name: 'I have copied it' }).click();

  const key = rowOf(page, 'API keys', name);
  await expectFits(page, [key.getByRole('button', { name: `Rotate ${name}` }), key.getByRole('button', { name: `Revoke ${name}` })]);
  await key.getByRole('button', { name: `Revoke ${name}` }).click();
  await page.getByRole('dialog', { name: `Revoke “${name}”?` }).getByRole('button', { name: 'Revoke key' }).click();
  await expect(key).toContainText('Revoked');
  expect(await sidewaysScrollers(page)).toEqual([]);
});

test('activity: every entry reads whole, its change included', async ({ page }) => {
  await signInAt(page, 'owner@acme.example', '/account/activity');
  const entries = page.getByRole('table', { name: 'Audit trail' }).getByRole('row').filter({ has: page.getByRole('rowheader') });
  await expect(entries.first()).toBeVisible();
  await expectFits(page, (await entries.all()).slice(0, 10));
});

test('support on a phone: the contact form, the thread and the list, then the console’s queue and ticket, nothing cut off', async ({ page, browser }) => {
  const customer = newHostCustomer('mobile-support');
  await page.goto((await createHandoff(page.request, { ...customer, path: '/account/support' })).url);
  await expect(page).toHaveURL(urlOf('/account/support'));
  await expectFits(page, [page.getByRole('link', { name: 'Contact support' })]);

  // The form, with the card suggestion beside it (unless the visit falls in the holdout), then sent.
  await page.getByRole('link', { name: 'Contact support' }).click();
  const contact = new ContactForm(page);
  // A pasted error code: one long word that has to wrap rather than widen the page.
  const subject = `Renewal failed with card_declined_insufficient_funds_for_the_renewal_amount ${uniqueId()}`;
  const suggestions = await contact.write({ category: 'Payment card', subject, message: 'How do I change the card we pay with? See https://acme.example/settings/billing/payment-methods/pm_1PqRsTuVwXyZ0123456789' });
  await expectFits(page, [contact.category, contact.subject, contact.message, contact.send, ...(suggestions.holdout ? [] : await contact.screens.getByRole('link').all())]);
  const { ticket } = await contact.sendTicket();

  // The thread: the message, the automatic answer with its way to a person, the reply form.
  const thread = new CustomerTicket(page);
  await expect(thread.heading(ticket.number, subject)).toBeVisible();
  await expect(thread.conversation.getByRole('listitem')).toHaveCount(2);
  await expectFits(page, [
    thread.heading(ticket.number, subject),
    ...(await thread.conversation.getByRole('listitem').all()),
    thread.conversation.getByRole('button', { name: 'I still need a person' }),
    thread.reply.getByLabel('Message'),
    thread.reply.getByRole('button', { name: 'Send reply' }),
    thread.markSolved,
  ]);

  await page.getByRole('link', { name: '← All tickets' }).click();
  const row = rowOf(page, 'Tickets', subject);
  await expectFits(page, [row.getByRole('link'), ...(await row.getByRole('cell').all())]);

  // The support team on a phone: the console's menu, the queue and the ticket beside the timeline.
  const staff = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const agent = await staff.newPage();
  await staffHandoffSignIn(agent, 'agent', '/admin/tickets');
  await expect(agent.getByRole('heading', { name: 'Tickets', level: 1 })).toBeVisible();
  const shell = new AccountShell(agent, 'Console');
  await shell.openNavigation();
  await expectFits(agent, await shell.navigation.getByRole('link').all());
  await shell.menuButton.click();

  await agent.getByRole('form', { name: 'Filter the queue' }).getByLabel('Search').fill(subject);
  await agent.getByRole('button', { name: 'Filter', exact: true }).click();
  const queued = rowOf(agent, 'Queue', subject);
  await expect(queued).toHaveCount(1);
  await expectFits(agent, [agent.getByRole('button', { name: 'Filter', exact: true }), queued.getByRole('link'), ...(await queued.getByRole('cell').all())]);

  const desk = new StaffTicket(agent);
  await desk.openFromQueue(subject, ticket.id);
  await expectFits(agent, [
    agent.getByRole('heading', { name: `#${ticket.number} ${subject}`, level: 1 }),
    ...(await desk.conversation.getByRole('listitem').all()),
    desk.replyForm.getByLabel('Message'),
    desk.replyForm.getByRole('button', { name: 'Send' }),
    desk.settingsForm.getByRole('button', { name: 'Save' }),
    agent.getByRole('navigation', { name: 'Timeline kinds' }),
  ]);
  await staff.close();
});

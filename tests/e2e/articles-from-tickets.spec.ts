import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E_SERVER_SECRET } from '../support/e2e-env';
import { createHandoff, newHostCustomer, uniqueId, urlOf } from '../support/e2e-journeys';
import { staffHandoffSignIn } from '../support/e2e-staff';
import { StaffTicket } from '../support/support-screens';

// Issue 25, articles from tickets: a lead turns a solved ticket into a help article. The editor opens
// with the question and the public answer, without the customer's name, company, email, phone or the
// internal note; the lead edits and publishes it, and a customer reads it in the section's help drawer.

/** The host product files `count` tickets of `category` for `customer`: POST /api/v1/tickets. */
async function fileTickets(request: APIRequestContext, customer: ReturnType<typeof newHostCustomer>, category: string, count: number, body = 'A question for support.'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) {
    const filed = await request.post('/api/v1/tickets', {
      headers: { Authorization: `Bearer ${E2E_SERVER_SECRET}` },
      data: { organizationExternalId: customer.organization.externalId, requester: { email: customer.user.email, name: customer.user.name }, subject: `Question ${i} for ${customer.organization.name}`, body, category },
    });
    expect(filed.status(), await filed.text()).toBe(201);
    ids.push(((await filed.json()) as { data: { ticket: { id: string } } }).data.ticket.id);
  }
  return ids;
}

test('a lead drafts a help article from a solved ticket, publishes it, and a customer reads it', async ({ browser, request }) => {
  const customer = newHostCustomer('articles');
  await createHandoff(request, customer);
  const name = customer.user.name!;
  const org = customer.organization.name;
  const question = 'Our accountant needs PDF copies of every invoice from last quarter for the audit.';
  const message = `Hi team,\n\n${question} Call me on +49 30 1234 5678 or write to ${customer.user.email}.\n\nThanks,\n${name}\n${org}`;
  const ticketId = (await fileTickets(request, customer, 'invoices', 1, message))[0]!;

  // The lead answers, leaves a note for colleagues, and solves the ticket.
  const lead = await (await browser.newContext()).newPage();
  await staffHandoffSignIn(lead, 'lead', `/admin/tickets/${ticketId}`);
  await expect(lead).toHaveURL(urlOf(`/admin/tickets/${ticketId}`));
  const desk = new StaffTicket(lead);
  await expect(desk.draftArticle).toHaveCount(0);
  const note = `Customer is on the legacy plan ${uniqueId()}`;
  await desk.addNote(note);
  const firstName = name.split(' ')[0]!;
  const answer = 'Open Invoices in the portal, pick the quarter and choose Download ZIP: every invoice of the quarter as a PDF in one file.';
  await desk.reply(`Hello ${firstName},\n\n${answer}\n\nBest regards,\nSasha`, { status: 'solved' });

  await desk.draftArticle.click();
  await expect(lead).toHaveURL(urlOf(`/admin/help/new?fromTicket=${ticketId}`));
  const form = lead.getByRole('form', { name: 'Help article' });
  await expect(form.getByLabel('Section')).toHaveValue('invoices');
  await expect(form.getByLabel('Title')).toHaveValue('Question 1 for [your company]');
  const body = form.getByLabel('Body (Markdown)');
  const drafted = await body.inputValue();
  expect(drafted).toContain(question);
  expect(drafted).toContain(answer);
  for (const detail of [customer.user.email, name, firstName, org, '1234 5678', note, 'Sasha']) expect(drafted).not.toContain(detail);

  // The lead edits it and publishes it.
  const id = uniqueId();
  const title = `Download a quarter of invoices ${id}`;
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Slug').fill(`quarter-invoices-${id}`);
  await body.fill(`${drafted}\n\nYour accountant can also be invited as a teammate.`);
  await form.getByRole('checkbox', { name: /^Published/ }).check();
  await form.getByRole('button', { name: 'Save article' }).click();
  await expect(lead.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(lead.getByText('Published', { exact: true })).toBeVisible();

  // The customer finds it in the Invoices help drawer.
  const portal = await (await browser.newContext()).newPage();
  await portal.goto((await createHandoff(portal.request, { ...customer, path: '/account/invoices' })).url);
  await expect(portal).toHaveURL(urlOf('/account/invoices'));
  await portal.getByRole('button', { name: 'Help', exact: true }).click();
  const drawer = portal.getByRole('dialog', { name: 'Help: Invoices' });
  await drawer.getByRole('searchbox', { name: 'Search help' }).fill(id);
  await drawer.getByText(title).click();
  await expect(drawer.getByText(question)).toBeVisible();
  await expect(drawer.getByText(answer)).toBeVisible();
});

test('a lead sees a frequent category without an article and starts writing one', async ({ page, request }) => {
  // No published Support article mentions what "Something else" is about, and five tickets arrive.
  const customer = newHostCustomer('attention');
  await createHandoff(request, customer);
  await fileTickets(request, customer, 'other', 5);

  await staffHandoffSignIn(page, 'lead', '/admin/help');
  await page.getByRole('link', { name: 'Needs attention' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Needs attention' })).toBeVisible();
  // Votes and visits are all recent here: nothing to compare with the 30 days before.
  await expect(page.getByText('No article’s helpful-vote rate fell')).toBeVisible();
  await expect(page.getByText('No article’s deflection rate fell')).toBeVisible();
  await expect(page.getByText(/^Helpful-vote rate: of the “Was this helpful\?” votes/)).toBeVisible();

  const uncovered = page.getByRole('table', { name: /^Categories with many tickets/ });
  const row = uncovered.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Something else' }) });
  await expect(row).toContainText('Support');
  await row.getByRole('link', { name: 'Write an article for Something else' }).click();
  await expect(page).toHaveURL(urlOf('/admin/help/new?section=support'));
  await expect(page.getByRole('form', { name: 'Help article' }).getByLabel('Section')).toHaveValue('support');
});

test('an agent gets no draft button on a solved ticket, and no editor', async ({ page, request }) => {
  const customer = newHostCustomer('articles-agent');
  await createHandoff(request, customer);
  const [id] = await fileTickets(request, customer, 'invoices', 1);
  await staffHandoffSignIn(page, 'agent', `/admin/tickets/${id}`);
  const desk = new StaffTicket(page);
  await desk.reply('Download them from the Invoices page.', { status: 'solved' });
  await expect(desk.draftArticle).toHaveCount(0);
  const editor = await page.goto(`/admin/help/new?fromTicket=${id}`);
  expect(editor?.status()).toBe(404);
});

import { expect, test } from '@playwright/test';
import { E2E_SERVER_SECRET } from '../support/e2e-env';
import { createHandoff, newHostCustomer, uniqueId, urlOf } from '../support/e2e-journeys';
import { staffHandoffSignIn } from '../support/e2e-staff';
import { StaffTicket } from '../support/support-screens';

// Issue 25, articles from tickets: a lead turns a solved ticket into a help article. The editor opens
// with the question and the public answer, without the customer's name, company, email, phone or the
// internal note; the lead edits and publishes it, and a customer reads it in the section's help drawer.

test('a lead drafts a help article from a solved ticket, publishes it, and a customer reads it', async ({ browser, request }) => {
  const customer = newHostCustomer('articles');
  await createHandoff(request, customer);
  const { name } = customer.user as { name: string };
  const org = customer.organization.name;
  const question = 'Our accountant needs PDF copies of every invoice from last quarter for the audit.';
  const filed = await request.post('/api/v1/tickets', {
    headers: { Authorization: `Bearer ${E2E_SERVER_SECRET}` },
    data: {
      organizationExternalId: customer.organization.externalId,
      requester: { email: customer.user.email, name },
      subject: `Invoices for ${org}`,
      body: `Hi team,\n\n${question} Call me on +49 30 1234 5678 or write to ${customer.user.email}.\n\nThanks,\n${name}\n${org}`,
      category: 'invoices',
    },
  });
  expect(filed.status(), await filed.text()).toBe(201);
  const { ticket } = ((await filed.json()) as { data: { ticket: { id: string } } }).data;

  // The lead answers, leaves a note for colleagues, and solves the ticket.
  const lead = await (await browser.newContext()).newPage();
  await staffHandoffSignIn(lead, 'lead', `/admin/tickets/${ticket.id}`);
  await expect(lead).toHaveURL(urlOf(`/admin/tickets/${ticket.id}`));
  const desk = new StaffTicket(lead);
  await expect(desk.draftArticle).toHaveCount(0);
  const note = `Customer is on the legacy plan ${uniqueId()}`;
  await desk.addNote(note);
  const firstName = name.split(' ')[0]!;
  const answer = 'Open Invoices in the portal, pick the quarter and choose Download ZIP: every invoice of the quarter as a PDF in one file.';
  await desk.reply(`Hello ${firstName},\n\n${answer}\n\nBest regards,\nSasha`, { status: 'solved' });

  await desk.draftArticle.click();
  await expect(lead).toHaveURL(urlOf(`/admin/help/new?fromTicket=${ticket.id}`));
  const form = lead.getByRole('form', { name: 'Help article' });
  await expect(form.getByLabel('Section')).toHaveValue('invoices');
  await expect(form.getByLabel('Title')).toHaveValue('Invoices for [your company]');
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
  await form.getByLabel(/^Published/).check();
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

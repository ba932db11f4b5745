import { expect, test } from '@playwright/test';
import { escapeRegExp, signUpAndVerify, uniqueId, urlOf } from '../support/e2e-journeys';
import { latestMail } from '../support/e2e-mail';
import { staffHandoffSignIn } from '../support/e2e-staff';
import { ContactForm, CustomerTicket, StaffTicket } from '../support/support-screens';

// Journey (b) of issue 21: a customer writes about a refund in the contact form (no screen does a
// refund, so they send it), a support agent answers from the console (with an internal note the
// customer never sees), the customer reads the answer in the portal and in the mail, marks the
// ticket solved and rates it.

test('a refund ticket: written in the form, answered in the console, read by mail and in the portal, solved and rated', async ({ browser }) => {
  const customer = await (await browser.newContext()).newPage();
  const account = await signUpAndVerify(customer, 'ticket');
  const subject = `Refund for a double charge ${uniqueId()}`;
  const contact = new ContactForm(customer);
  await contact.open();
  const suggestions = await contact.write({ category: 'Refund', subject, message: 'We were charged twice in March. Please refund one of the charges.' });
  // Suggestions come as the customer types, but no screen does a refund: they send it to a person.
  for (const screen of suggestions.screens) await expect(contact.screens.getByRole('link', { name: new RegExp(escapeRegExp(screen.title)) })).toBeVisible();
  const { ticket, posted } = await contact.sendTicket();
  expect(posted).toEqual({ subject, body: 'We were charged twice in March. Please refund one of the charges.', category: 'refund', attemptId: suggestions.attemptId });
  expect(ticket).toMatchObject({ number: 1, status: 'open' });
  const id = ticket.id;

  const thread = new CustomerTicket(customer);
  await expect(thread.heading(1, subject)).toBeVisible();
  await expect(thread.conversation.getByText('We were charged twice in March.', { exact: false })).toBeVisible();
  await expect(customer.getByText('Open', { exact: true })).toBeVisible();
  await customer.goto('/account/support');
  const row = customer.getByRole('row').filter({ hasText: subject });
  await expect(row).toContainText('Open');

  // The agent finds it in the queue and answers, after a note for colleagues.
  const agent = await (await browser.newContext()).newPage();
  await staffHandoffSignIn(agent, 'agent', '/admin/tickets');
  await expect(agent).toHaveURL(urlOf('/admin/tickets'));
  const desk = new StaffTicket(agent);
  await desk.openFromQueue(subject, id);
  const note = `Checked Stripe: two charges on 3 March ${uniqueId()}`;
  await desk.addNote(note);
  const answer = 'We refunded the second charge today; it reaches your card within 5 business days.';
  await desk.reply(answer);

  // The customer gets the reply by mail, with the reply itself and a link to the ticket.
  const mail = await latestMail(account.email, `Re: ${subject}`);
  expect(mail.text).toContain(answer);
  expect(mail.text).toContain(`/account/support/${id}`);
  expect(mail.text).not.toContain(note);

  await thread.open(id);
  await expect(thread.conversation.getByText(answer)).toBeVisible();
  await expect(thread.conversation.getByText(/^Support \(Sasha Staff/)).toBeVisible();
  await expect(customer.getByText(note)).toHaveCount(0);
  await expect(customer.getByText('Waiting on you')).toBeVisible();

  await thread.solve(1);
  await thread.rate('Good', 'Quick and clear, thanks!');

  // What the portal's JSON answers holds: solved, rated, and still no internal note.
  const read = await customer.request.get(`/api/account/support/tickets/${id}`);
  const body = await read.text();
  expect(JSON.parse(body)).toMatchObject({ data: { ticket: { status: 'solved', rating: 'good', ratingComment: 'Quick and clear, thanks!' } } });
  expect(body).not.toContain(note);
  expect(await (await customer.request.get('/api/account/support/tickets')).text()).not.toContain(note);

  // The console shows the customer's verdict.
  await agent.reload();
  await expect(agent.getByText(/rated good: “Quick and clear, thanks!”/)).toBeVisible();
});

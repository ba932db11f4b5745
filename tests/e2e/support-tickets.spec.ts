import { expect, test } from '@playwright/test';
import { E2E_BASE_URL } from '../support/e2e-env';
import { signUpAndVerify, uniqueId, urlOf } from '../support/e2e-journeys';
import { latestMail } from '../support/e2e-mail';
import { staffHandoffSignIn } from '../support/e2e-staff';

// Journey (b) of issue 21: a customer writes about a refund, a support agent answers from the console
// (with an internal note the customer never sees), the customer reads the answer in the portal and in
// the mail, marks the ticket solved and rates it.

test('a refund ticket: sent, answered in the console, read by mail and in the portal, solved and rated', async ({ browser }) => {
  const customer = await (await browser.newContext()).newPage();
  const account = await signUpAndVerify(customer, 'ticket');
  const subject = `Refund for a double charge ${uniqueId()}`;
  const sent = await customer.request.post('/api/account/support/tickets', {
    headers: { Origin: E2E_BASE_URL },
    data: { subject, body: 'We were charged twice in March. Please refund one of the charges.', category: 'refund' },
  });
  expect(sent.status(), await sent.text()).toBe(201);
  const { ticket } = ((await sent.json()) as { data: { ticket: { id: string; number: number; status: string } } }).data;
  expect(ticket).toMatchObject({ number: 1, status: 'open' });

  await customer.goto('/account/support');
  const row = customer.getByRole('row').filter({ hasText: subject });
  await expect(row).toContainText('Open');

  // The agent finds it in the queue and answers, after a note for colleagues.
  const agent = await (await browser.newContext()).newPage();
  await staffHandoffSignIn(agent, 'agent', '/admin/tickets');
  await expect(agent).toHaveURL(urlOf('/admin/tickets'));
  await agent.goto(`/admin/tickets?q=${encodeURIComponent(subject)}`);
  await agent.getByRole('link', { name: new RegExp(subject) }).click();
  await expect(agent).toHaveURL(urlOf(`/admin/tickets/${ticket.id}`));
  await expect(agent.getByRole('heading', { name: 'Timeline' })).toBeVisible();

  const replyForm = agent.getByRole('form', { name: 'Reply to the customer' });
  const note = `Checked Stripe: two charges on 3 March ${uniqueId()}`;
  await replyForm.getByLabel('Message').fill(note);
  await replyForm.getByLabel('Internal note (the customer never sees it)').check();
  await replyForm.getByRole('button', { name: 'Send' }).click();
  await expect(agent.getByText('Internal note added.')).toBeVisible();
  const answer = 'We refunded the second charge today; it reaches your card within 5 business days.';
  await expect(replyForm.getByLabel('Message')).toHaveValue('');
  await replyForm.getByLabel('Message').fill(answer);
  await replyForm.getByRole('button', { name: 'Send' }).click();
  await expect(agent.getByText('Reply sent to the customer.')).toBeVisible();
  await expect(agent.getByRole('list', { name: 'Conversation' }).getByText(answer)).toBeVisible();

  // The customer gets the reply by mail, with the reply itself and a link to the ticket.
  const mail = await latestMail(account.email, `Re: ${subject}`);
  expect(mail.text).toContain(answer);
  expect(mail.text).toContain(`/account/support/${ticket.id}`);
  expect(mail.text).not.toContain(note);

  await customer.goto(`/account/support/${ticket.id}`);
  const thread = customer.getByRole('list', { name: 'Conversation' });
  await expect(thread.getByText(answer)).toBeVisible();
  await expect(thread.getByText(/^Support \(Sasha Staff/)).toBeVisible();
  await expect(customer.getByText(note)).toHaveCount(0);
  await expect(customer.getByText('Waiting on you')).toBeVisible();

  await customer.getByRole('button', { name: 'Mark as solved' }).click();
  await expect(customer.getByText(`Ticket #${ticket.number} is solved.`)).toBeVisible();
  const rating = customer.getByRole('form', { name: 'Rate the answer' });
  await rating.getByLabel('Good').check();
  await rating.getByLabel('Comment (optional)').fill('Quick and clear, thanks!');
  await rating.getByRole('button', { name: 'Send rating' }).click();
  await expect(customer.getByText('Thank you for rating the answer.')).toBeVisible();

  // What the portal's JSON answers holds: solved, rated, and still no internal note.
  const read = await customer.request.get(`/api/account/support/tickets/${ticket.id}`);
  const body = await read.text();
  expect(JSON.parse(body)).toMatchObject({ data: { ticket: { status: 'solved', rating: 'good', ratingComment: 'Quick and clear, thanks!' } } });
  expect(body).not.toContain(note);
  expect(await (await customer.request.get('/api/account/support/tickets')).text()).not.toContain(note);

  // The console shows the customer's verdict.
  await agent.reload();
  await expect(agent.getByText(/rated good: “Quick and clear, thanks!”/)).toBeVisible();
});

import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, E2E_BASE_URL, E2E_STRIPE_URL } from '../support/e2e-env';
import { signIn, urlOf } from '../support/e2e-journeys';
import { ContactForm, type Suggestions } from '../support/support-screens';

const CARD_QUESTION = 'I need to change the credit card we pay with';

/**
 * Opens the contact form and writes the question; answers the suggestions' final answer. A visit drawn
 * into the holdout (shown nothing, by design) is left for a new visit, as a customer reloading would.
 */
async function askOutsideTheHoldout(contact: ContactForm): Promise<Suggestions> {
  for (let visit = 0; visit < 20; visit++) {
    await contact.open();
    const answer = await contact.write({ subject: 'Card', message: CARD_QUESTION });
    if (!answer.holdout) return answer;
  }
  throw new Error('every visit was drawn into the holdout');
}

test('a customer asking how to change the card is sent to Stripe’s update-card flow, and no ticket is written', async ({ page }) => {
  const ticketPosts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/account/support/tickets')) ticketPosts.push(r.url());
  });
  await signIn(page, 'owner@acme.example', DEMO_PASSWORD);
  await expect(page).toHaveURL(urlOf('/account'));

  const contact = new ContactForm(page);
  const answer = await askOutsideTheHoldout(contact);
  expect(answer.screens[0]).toMatchObject({ title: 'Update your card', path: '/account/billing?flow=payment_method_update' });

  // Screens first: the card suggestion, with why it answers the question.
  const card = contact.screens.getByRole('link').first();
  await expect(card).toContainText('Update your card');
  await expect(card).toContainText('Change the card you pay with');

  // Following it records the point-of-contact deflection before leaving.
  const resolved = page.waitForResponse((r) => r.url().endsWith(`/api/account/support/attempts/${answer.attemptId}/resolved`) && r.request().method() === 'POST');
  await card.click();
  expect((await resolved).status()).toBe(204);
  expect((await resolved).request().postDataJSON()).toEqual({ via: 'screen', target: '/account/billing?flow=payment_method_update' });

  // Billing, one click from the flow (a link never opens Stripe by itself), then Stripe's portal.
  await expect(page).toHaveURL(urlOf(`/account/billing?flow=payment_method_update&attempt=${answer.attemptId}`));
  const prompt = page.getByRole('form', { name: 'Continue to Stripe to update your card' });
  await prompt.getByRole('button', { name: 'Continue to Stripe' }).click();
  await expect(page).toHaveURL(new RegExp(`^${E2E_STRIPE_URL}/portal/`));
  await expect(page.getByRole('heading', { name: 'Billing portal', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Payment method', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Plan', exact: true })).toHaveCount(0);

  // No ticket was sent; the attempt stays the customer's own, open to "did this solve it?".
  expect(ticketPosts).toEqual([]);
  const feedback = await page.request.post(`/api/account/support/attempts/${answer.attemptId}/feedback`, { data: { solved: true }, headers: { Origin: E2E_BASE_URL } });
  expect(feedback.status()).toBe(204);
});

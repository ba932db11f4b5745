import { expect, test, type Browser, type Page } from '@playwright/test';
import { createHandoff, newHostCustomer, urlOf } from '../support/e2e-journeys';
import { signInAsStaff } from '../support/e2e-staff';
import { ContactForm, type Suggestions } from '../support/support-screens';

// Honest deflection: a customer who follows a suggestion and answers "Still need help" is taken back to
// the contact form with what they typed, sends the ticket, and the dashboard counts a failed deflection.
// A holdout visit is shown no suggestion, whatever it asks.

const CARD_QUESTION = 'I need to change the credit card we pay with';
const CARD_SCREEN = '/account/billing?flow=payment_method_update';
type CardFigures = { repeatContacts: number; pointOfContactDeflections: number };

/** A new host organization's owner, signed in to the portal in a browser context of their own. */
async function newCustomer(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto((await createHandoff(page.request, newHostCustomer('honest'))).url);
  await expect(page).toHaveURL(urlOf('/account'));
  return page;
}

async function cardFigures(staff: Page): Promise<CardFigures> {
  const response = await staff.request.get('/api/admin/deflection');
  expect(response.status(), await response.text()).toBe(200);
  const { data } = (await response.json()) as { data: { categories: (CardFigures & { category: string })[] } };
  return data.categories.find((c) => c.category === 'card')!;
}

/** Writes the question in new visits until one is outside the holdout (a holdout visit is shown nothing, by design). */
async function askOutsideTheHoldout(contact: ContactForm, subject: string): Promise<Suggestions> {
  for (let visit = 0; visit < 20; visit++) {
    await contact.open();
    const answer = await contact.write({ subject, message: CARD_QUESTION });
    if (!answer.holdout) return answer;
  }
  throw new Error('every visit was drawn into the holdout');
}

test('“Still need help” after a suggestion brings back the typed text, and the dashboard counts a failed deflection', async ({ browser, page }) => {
  await signInAsStaff(page, 'agent');
  const before = await cardFigures(page);

  const customer = await newCustomer(browser);
  const contact = new ContactForm(customer);
  const answer = await askOutsideTheHoldout(contact, 'New company card');
  await contact.screens.getByRole('link', { name: /Update your card/ }).click();

  // The screen, with the attempt in its address, asks whether it solved it.
  await expect(customer).toHaveURL(urlOf(`${CARD_SCREEN}&attempt=${answer.attemptId}`));
  const prompt = customer.getByRole('region', { name: 'Did this solve it?' });
  await expect(prompt).toBeVisible();
  const feedback = customer.waitForResponse((r) => r.url().endsWith(`/api/account/support/attempts/${answer.attemptId}/feedback`));
  await prompt.getByRole('button', { name: 'Still need help' }).click();
  expect((await feedback).status()).toBe(204);
  expect((await feedback).request().postDataJSON()).toEqual({ solved: false });

  // Back in the contact form with the subject and message typed before; sending it writes the ticket.
  await expect(customer).toHaveURL(urlOf(`/account/support/new?resume=${answer.attemptId}`));
  await expect(contact.subject).toHaveValue('New company card');
  await expect(contact.message).toHaveValue(CARD_QUESTION);
  const { posted } = await contact.sendTicket();
  expect(posted).toMatchObject({ subject: 'New company card', body: CARD_QUESTION });

  // The dashboard: a repeat contact, not a point-of-contact deflection.
  const after = await cardFigures(page);
  expect(after.repeatContacts).toBe(before.repeatContacts + 1);
  expect(after.pointOfContactDeflections).toBe(before.pointOfContactDeflections);
  await page.goto('/admin/deflection');
  await expect(page.locator('#figure-repeatContacts')).toContainText('Still need help');
  await expect(page.getByText('Newcombe’s hybrid score interval').first()).toBeVisible();
});

test('“Solved” thanks the customer; a holdout visit is shown no suggestion through the suggestions route', async ({ browser }) => {
  const customer = await newCustomer(browser);
  const contact = new ContactForm(customer);
  const answer = await askOutsideTheHoldout(contact, 'Card');
  await contact.screens.getByRole('link', { name: /Update your card/ }).click();
  const prompt = customer.getByRole('region', { name: 'Did this solve it?' });
  const feedback = customer.waitForResponse((r) => r.url().endsWith(`/api/account/support/attempts/${answer.attemptId}/feedback`));
  await prompt.getByRole('button', { name: 'Solved' }).click();
  expect((await feedback).request().postDataJSON()).toEqual({ solved: true });
  await expect(customer.getByRole('status').filter({ hasText: 'glad that solved it' })).toBeVisible();
  await expect(prompt).toHaveCount(0);

  // Each call without an attempt id is a new visit; draw until one lands in the holdout, then ask again in it.
  const ask = async (query: string) => {
    const response = await customer.request.get(`/api/account/support/suggestions?${query}`);
    expect(response.status()).toBe(200);
    return ((await response.json()) as { data: Suggestions }).data;
  };
  let holdout: Suggestions | null = null;
  for (let visit = 0; visit < 400 && !holdout; visit++) {
    const drawn = await ask(`q=${encodeURIComponent(CARD_QUESTION)}&category=card`);
    if (drawn.holdout) holdout = drawn;
    else expect(drawn.screens.length).toBeGreaterThan(0);
  }
  expect(holdout, 'a visit drawn into the holdout').not.toBeNull();
  expect(holdout).toMatchObject({ screens: [], articles: [] });
  const again = await ask(`q=${encodeURIComponent(`${CARD_QUESTION} update card`)}&category=card&attemptId=${holdout!.attemptId}`);
  expect(again).toMatchObject({ holdout: true, screens: [], articles: [], attemptId: holdout!.attemptId });
});

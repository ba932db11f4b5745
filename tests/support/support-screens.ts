// The support screens as page objects: the contact form (/account/support/new), a ticket's thread as
// the customer reads it (/account/support/[id]) and as the support team answers it (/admin/tickets/[id]).
// The journeys that write in, answer or look at these screens change this file when the screens change.
import { expect, type Locator, type Page } from '@playwright/test';
import { urlOf } from './e2e-journeys';

export type Suggestions = { screens: { title: string; path: string; why: string }[]; articles: { id: string; title: string }[]; attemptId: string; holdout: boolean };
export type Message = { category?: string; subject: string; message: string };

export class ContactForm {
  readonly form: Locator;
  readonly category: Locator;
  readonly subject: Locator;
  readonly message: Locator;
  readonly send: Locator;
  /** The screens that solve it; absent when none does. */
  readonly screens: Locator;
  readonly suggestions: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Contact support' });
    this.category = this.form.getByLabel('What is it about?');
    this.subject = this.form.getByLabel('Subject');
    this.message = this.form.getByLabel('Message');
    this.send = this.form.getByRole('button', { name: 'Send' });
    this.screens = page.getByRole('list', { name: 'Do it yourself' });
    this.suggestions = page.getByRole('region', { name: 'Maybe this solves it' });
  }

  async open(): Promise<void> {
    await this.page.goto('/account/support/new');
    await expect(this.page.getByRole('heading', { name: 'Contact support', level: 1 })).toBeVisible();
  }

  /**
   * Writes as a customer does, the message key by key, and answers the suggestions the form fetched
   * for the whole of it (the form asks again as the text changes; this waits for the last words).
   */
  async write({ category, subject, message }: Message): Promise<Suggestions> {
    if (category) await this.category.selectOption({ label: category });
    await this.subject.fill(subject);
    const answered = this.page.waitForResponse((r) => r.url().includes('/api/account/support/suggestions') && new URL(r.url()).searchParams.get('q') === `${subject}\n${message}`);
    await this.message.pressSequentially(message, { delay: 15 });
    const response = await answered;
    expect(response.status()).toBe(200);
    // Shown, and the visit's attempt kept for the ticket: the form is no longer busy.
    await expect(this.suggestions).toHaveAttribute('aria-busy', 'false');
    return ((await response.json()) as { data: Suggestions }).data;
  }

  /** Sends the message and lands on the new ticket's thread; answers the ticket and what the form posted. */
  async sendTicket(): Promise<{ ticket: { id: string; number: number; status: string }; posted: Record<string, unknown> }> {
    const sent = this.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/account/support/tickets');
    await this.send.click();
    const response = await sent;
    expect(response.status(), await response.text()).toBe(201);
    const { ticket } = ((await response.json()) as { data: { ticket: { id: string; number: number; status: string } } }).data;
    await expect(this.page).toHaveURL(urlOf(`/account/support/${ticket.id}`));
    return { ticket, posted: response.request().postDataJSON() as Record<string, unknown> };
  }
}

/** A ticket's conversation, on either side's page. */
class TicketThread {
  readonly conversation: Locator;

  constructor(readonly page: Page) {
    this.conversation = page.getByRole('list', { name: 'Conversation' });
  }
}

/** A ticket's thread as its customer reads and answers it. */
export class CustomerTicket extends TicketThread {
  get reply(): Locator {
    return this.page.getByRole('form', { name: 'Reply' });
  }

  /** Shown until the ticket is solved; then the rating form takes its place. */
  get markSolved(): Locator {
    return this.page.getByRole('button', { name: 'Mark as solved' });
  }

  async open(id: string): Promise<void> {
    await this.page.goto(`/account/support/${encodeURIComponent(id)}`);
    await expect(this.conversation).toBeVisible();
  }

  heading(number: number, subject: string): Locator {
    return this.page.getByRole('heading', { name: `#${number} ${subject}`, level: 1 });
  }

  async solve(number: number): Promise<void> {
    await this.markSolved.click();
    await expect(this.page.getByText(`Ticket #${number} is solved.`)).toBeVisible();
  }

  async rate(rating: 'Good' | 'Bad', comment: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Rate the answer' });
    await form.getByLabel(rating).check();
    await form.getByLabel('Comment (optional)').fill(comment);
    await form.getByRole('button', { name: 'Send rating' }).click();
    await expect(this.page.getByText('Thank you for rating the answer.')).toBeVisible();
  }
}

/** A ticket in the staff console: the thread beside the customer's timeline, and the forms to answer it. */
export class StaffTicket extends TicketThread {
  get replyForm(): Locator {
    return this.page.getByRole('form', { name: 'Reply to the customer' });
  }

  /** Assignee and category; shown to staff whose role may change them. */
  get settingsForm(): Locator {
    return this.page.getByRole('form', { name: 'Assign and categorize' });
  }

  /** Finds the ticket in the queue by its subject and opens it. */
  async openFromQueue(subject: string, id: string): Promise<void> {
    await this.page.goto(`/admin/tickets?q=${encodeURIComponent(subject)}`);
    await this.page.getByRole('table', { name: 'Queue' }).getByRole('link', { name: new RegExp(subject) }).click();
    await expect(this.page).toHaveURL(urlOf(`/admin/tickets/${id}`));
    await expect(this.page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  }

  async addNote(text: string): Promise<void> {
    await this.replyForm.getByLabel('Message').fill(text);
    await this.replyForm.getByLabel('Internal note (the customer never sees it)').check();
    await this.replyForm.getByRole('button', { name: 'Send' }).click();
    await expect(this.page.getByText('Internal note added.')).toBeVisible();
    await expect(this.replyForm.getByLabel('Message')).toHaveValue('');
  }

  /** Answers the customer; with `status`, sets it too (as "Then set status" does). */
  async reply(text: string, { status }: { status?: 'open' | 'waiting_on_customer' | 'solved' } = {}): Promise<void> {
    await this.replyForm.getByLabel('Message').fill(text);
    if (status) await this.replyForm.getByLabel('Then set status').selectOption(status);
    await this.replyForm.getByRole('button', { name: 'Send' }).click();
    await expect(this.page.getByText('Reply sent to the customer.')).toBeVisible();
    await expect(this.conversation.getByText(text)).toBeVisible();
  }

  /** Shown on a solved ticket to staff who write help articles. */
  get draftArticle(): Locator {
    return this.page.getByRole('link', { name: 'Draft a help article from this ticket' });
  }
}

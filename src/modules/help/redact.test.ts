import { describe, expect, it } from 'vitest';
import { redactCustomerDetails } from './redact';

// Tickets as customers and support write them, turned into text a help article may quote.

const known = { names: ['Anna Schmidt', 'Sasha Meyer'], organization: 'Acme Logistics GmbH', ticketNumber: 42 };

describe('taking the customer’s details out of a ticket message', () => {
  it('keeps the question and removes the greeting, signature, names, company, email, phones and the ticket number', () => {
    const question = [
      'Hi Sasha,',
      '',
      'this is Anna from Acme Logistics. Our accountant needs the VAT number DE123456789 printed on every invoice since 2025-03-03; ticket #42 was about that too.',
      'Reach me at anna.schmidt@acme-logistics.example or +49 30 1234 5678 (office), mobile 0151-2345678, or (030) 1234 5678.',
      'We paid 49 euros on 12.03.2025.',
      '',
      'Kind regards,',
      'Anna Schmidt',
      'Head of Finance, Acme Logistics GmbH',
      '+49 30 1234 5678',
    ].join('\n');
    expect(redactCustomerDetails(question, known)).toBe(
      [
        'this is [name] from [your company]. Our accountant needs the VAT number DE123456789 printed on every invoice since 2025-03-03; [ticket] was about that too.',
        'Reach me at [email] or [phone] (office), mobile [phone], or [phone].',
        'We paid 49 euros on 12.03.2025.',
      ].join('\n'),
    );
  });

  it('keeps the answer with its plain links, and removes links that carry a token or a query', () => {
    const answer = [
      'Hello Anna,',
      '',
      'open https://portal.example.com/account/billing and add the VAT number under Billing details; the next invoice shows it.',
      'Your old invoice is at https://pay.example.com/i/acct_1NxFggKG1cGtw/inv_live_YWNjdF8xTnhGZ2dLRzFjR3R3 and the receipt at https://pay.example.com/receipt?token=abc123.',
      'Thanks for your patience, this fixes it for all future invoices.',
      '',
      'Cheers,',
      'Sasha',
    ].join('\n');
    expect(redactCustomerDetails(answer, known)).toBe(
      [
        'open https://portal.example.com/account/billing and add the VAT number under Billing details; the next invoice shows it.',
        'Your old invoice is at [link] and the receipt at [link].',
        'Thanks for your patience, this fixes it for all future invoices.',
      ].join('\n'),
    );
  });

  it('replaces a name wherever it stands, whole words only, and leaves a number that is not the ticket’s', () => {
    const text = 'Please remove Sasha Meyer and make ANNA an admin. Schmidtke stays. Ticket 42 and ticket number 42 are this one; ticket 421 is not.';
    expect(redactCustomerDetails(text, known)).toBe('Please remove [name] and make [name] an admin. Schmidtke stays. [ticket] and [ticket] are this one; ticket 421 is not.');
  });

  it('leaves a message with no details untouched', () => {
    const text = 'How do I download all invoices of last quarter as one ZIP?';
    expect(redactCustomerDetails(text, known)).toBe(text);
  });
});

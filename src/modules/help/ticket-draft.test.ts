import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { executeAction } from '@/platform/actions/execute';
import { auditLog } from '@/platform/actions/schema';
import { ticketMessages, tickets } from '@/modules/support/schema';
import { appErrorCodeOf } from '../../../tests/support/errors';
import { seedStaff } from '../../../tests/support/staff-fixtures';
import { seedOrg, useTestDatabase } from '../../../tests/support/test-db';
import { createHelpArticle } from './actions';
import { articleDraftFromTicket } from './ticket-draft';

// A lead turns a solved ticket into a help article draft: the question and the public answer, with the
// customer's details taken out; internal notes and the automatic answer never reach it.

const t = useTestDatabase();
let number = 0;

type Message = { authorType: 'customer' | 'staff' | 'auto'; authorName: string; body: string; internal?: boolean };

async function ticketWith(values: { subject: string; category: string | null; status?: string; organization?: string }, messages: Message[]): Promise<string> {
  const org = await seedOrg(t.db, { name: values.organization ?? 'Acme Logistics GmbH' });
  const id = crypto.randomUUID();
  await t.db.insert(tickets).values({
    id,
    organizationId: org.organizationId,
    number: ++number,
    subject: values.subject,
    category: values.category,
    status: values.status ?? 'solved',
    requesterEmail: 'anna.schmidt@acme-logistics.example',
    requesterName: 'Anna Schmidt',
  });
  const start = Date.now();
  await t.db.insert(ticketMessages).values(
    messages.map((m, i) => ({ id: crypto.randomUUID(), ticketId: id, organizationId: org.organizationId, internal: false, ...m, createdAt: new Date(start + i * 1000) })),
  );
  return id;
}

const vatThread: Message[] = [
  {
    authorType: 'customer',
    authorName: 'Anna Schmidt',
    body: 'Hello,\n\nHow do we get our VAT number on the invoices of Acme Logistics? Call me on +49 30 1234 5678 if needed.\n\nBest regards,\nAnna Schmidt\nanna.schmidt@acme-logistics.example',
  },
  { authorType: 'auto', authorName: 'Deflect', body: 'You can edit your billing details yourself: /account/billing' },
  { authorType: 'staff', authorName: 'Sasha Meyer', body: 'Anna is on the legacy plan, do not offer a discount.', internal: true },
  { authorType: 'staff', authorName: 'Sasha Meyer', body: 'Hi Anna,\n\nOpen [Billing](/account/billing), choose Edit billing details and add the VAT number. The next invoice shows it.\n\nCheers,\nSasha' },
  { authorType: 'customer', authorName: 'Anna Schmidt', body: 'That worked, thank you Sasha!' },
  { authorType: 'staff', authorName: 'Sasha Meyer', body: 'Earlier invoices stay as they were; ask us for a corrected copy of ticket #1 if you need one.' },
];

describe('drafting a help article from a solved ticket', () => {
  it('prefills the question and the public answers, without internal notes, the automatic answer or the customer’s details', async () => {
    const id = await ticketWith({ subject: 'VAT number for Acme Logistics GmbH', category: 'billing_details' }, vatThread);
    const lead = await seedStaff(t.db, 'lead');
    expect(await articleDraftFromTicket(lead, t.db, id)).toEqual({
      section: 'billing',
      slug: 'vat-number-for',
      title: 'VAT number for [your company]',
      locale: 'en',
      published: false,
      body: [
        '## The question',
        'How do we get our VAT number on the invoices of [your company]? Call me on [phone] if needed.',
        '## The answer',
        'Open [Billing](/account/billing), choose Edit billing details and add the VAT number. The next invoice shows it.',
        'Earlier invoices stay as they were; ask us for a corrected copy of [ticket] if you need one.',
      ].join('\n\n'),
    });
  });

  it('puts a ticket whose category has no screen, or no category, in the Support section', async () => {
    const lead = await seedStaff(t.db, 'lead');
    const thread: Message[] = [
      { authorType: 'customer', authorName: 'Anna Schmidt', body: 'Can we get a refund for March?' },
      { authorType: 'staff', authorName: 'Sasha Meyer', body: 'Refunds reach the card within 5 business days.' },
    ];
    const refund = await ticketWith({ subject: 'Refund', category: 'refund' }, thread);
    const none = await ticketWith({ subject: 'Refund', category: null }, thread);
    expect((await articleDraftFromTicket(lead, t.db, refund)).section).toBe('support');
    expect((await articleDraftFromTicket(lead, t.db, none)).section).toBe('support');
  });

  it('is for leads only, for solved tickets only, and answers not_found for an unknown ticket', async () => {
    const solved = await ticketWith({ subject: 'VAT number', category: 'billing_details' }, vatThread);
    const open = await ticketWith({ subject: 'VAT number', category: 'billing_details', status: 'open' }, vatThread);
    const agent = await seedStaff(t.db, 'agent');
    const lead = await seedStaff(t.db, 'lead');
    expect(await appErrorCodeOf(articleDraftFromTicket(agent, t.db, solved))).toBe('forbidden');
    expect(await appErrorCodeOf(articleDraftFromTicket(lead, t.db, open))).toBe('validation_failed');
    expect(await appErrorCodeOf(articleDraftFromTicket(lead, t.db, crypto.randomUUID()))).toBe('not_found');
  });

  it('saves as an unpublished article through the audited article action, and an agent cannot save it', async () => {
    const id = await ticketWith({ subject: 'VAT number for Acme Logistics GmbH', category: 'billing_details' }, vatThread);
    const lead = await seedStaff(t.db, 'lead');
    const draft = { ...(await articleDraftFromTicket(lead, t.db, id)), slug: `vat-${id}` };
    const { article } = await executeAction(lead, createHelpArticle, draft, { db: t.db });
    expect(article).toMatchObject({ section: 'billing', published: false, publishedAt: null, title: 'VAT number for [your company]' });
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, article.id));
    expect(audit).toMatchObject({ action: 'staff.help.write', actorType: 'staff', actorId: lead.staffId, entityType: 'help_article' });
    expect(JSON.stringify(audit)).not.toMatch(/Anna|Schmidt|acme-logistics|Acme Logistics/);

    const agent = await seedStaff(t.db, 'agent');
    expect(await appErrorCodeOf(executeAction(agent, createHelpArticle, { ...draft, slug: `vat-agent-${id}` }, { db: t.db }))).toBe('forbidden');
  });
});

import { describe, expect, it } from 'vitest';
import { contactAttempts, tickets } from '@/modules/support/schema';
import { seedOrg, seedUser, useTestDatabase } from '../../../tests/support/test-db';
import { articlesDeflectingLess, articlesLessHelpful } from './falling-articles';
import { helpArticles, helpVotes } from './schema';
import { uncoveredCategories } from './uncovered-categories';

// The console's "Needs attention" lists on a fixture whose rows are worked out by hand below. `now` is
// fixed far ahead so that rows other tests write today fall outside every period.

const t = useTestDatabase();
const now = new Date('2030-01-01T00:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
/** In the 30 days before the last 30 (days 31–60 ago) and in the last 30 days. */
const PREVIOUS = daysAgo(45);
const LAST = daysAgo(10);

async function article(slug: string, values: Partial<typeof helpArticles.$inferInsert> = {}): Promise<string> {
  const id = `${slug}-${crypto.randomUUID()}`;
  await t.db.insert(helpArticles).values({ id, section: 'team', slug: id, title: slug, body: 'Invite people from the Team page.', published: true, ...values });
  return id;
}

describe('articles whose helpful-vote rate fell', () => {
  it('lists the falls of at least 10 points between periods with 5 votes or more each, largest first', async () => {
    const { organizationId } = await seedOrg(t.db);
    /** `yes` helpful and `no` unhelpful votes at `at`, each by a different person. */
    const votes = async (articleId: string, at: Date, yes: number, no: number) => {
      for (let i = 0; i < yes + no; i++) {
        const { userId } = await seedUser(t.db);
        await t.db.insert(helpVotes).values({ articleId, userId, organizationId, helpful: i < yes, createdAt: at });
      }
    };
    const a = await article('twenty-points');
    await votes(a, PREVIOUS, 5, 0); // 100 %
    await votes(a, LAST, 4, 1); // 80 %: 20 points down
    await votes(a, daysAgo(61), 0, 3); // before both periods: not counted
    await votes(a, now, 0, 3); // the end is not included
    const b = await article('ten-points');
    await votes(b, PREVIOUS, 9, 1); // 90 %
    await votes(b, daysAgo(30), 4, 1); // 80 %, on the first instant of the last period: exactly 10 points down
    const c = await article('nine-points');
    await votes(c, PREVIOUS, 4, 1); // 80 %
    await votes(c, LAST, 5, 2); // 71.4 %: 8.6 points down, not enough
    const d = await article('few-votes');
    await votes(d, PREVIOUS, 5, 0);
    await votes(d, LAST, 0, 4); // only 4 votes in the last period
    const e = await article('rose');
    await votes(e, PREVIOUS, 2, 3);
    await votes(e, LAST, 5, 0);

    expect(await articlesLessHelpful(t.db, now)).toEqual([
      { id: a, title: 'twenty-points', section: 'team', locale: 'en', before: { count: 5, hits: 5 }, now: { count: 5, hits: 4 } },
      { id: b, title: 'ten-points', section: 'team', locale: 'en', before: { count: 10, hits: 9 }, now: { count: 5, hits: 4 } },
    ]);
  });
});

describe('articles whose deflection rate fell', () => {
  it('counts the visits that suggested an article and those that left for it, except a “No” to “Did this solve it?”', async () => {
    const { organizationId, userId } = await seedOrg(t.db);
    const visit = (at: Date, articles: string[], outcome: { outcome: string | null; target?: string; solved?: boolean } = { outcome: null }) =>
      t.db.insert(contactAttempts).values({
        id: crypto.randomUUID(),
        organizationId,
        userId,
        shown: { screens: [], articles },
        outcome: outcome.outcome,
        outcomeTarget: outcome.target ?? null,
        solved: outcome.solved ?? null,
        createdAt: at,
      });
    const times = async (n: number, make: () => Promise<unknown>) => {
      for (let i = 0; i < n; i++) await make();
    };
    const p = await article('p');
    const q = await article('q');
    const r = await article('r');
    // Previous period: 10 visits suggest p and q; 6 leave for p (60 %), 4 for q (40 %).
    await times(6, () => visit(PREVIOUS, [p, q], { outcome: 'article', target: p }));
    await times(4, () => visit(PREVIOUS, [p, q], { outcome: 'article', target: q, solved: true }));
    // Last period, p: 10 visits; 4 leave for it, one of them answered “No”: 3 of 10 (30 %), 30 points down.
    await times(3, () => visit(LAST, [p], { outcome: 'article', target: p }));
    await visit(LAST, [p], { outcome: 'article', target: p, solved: false });
    await times(6, () => visit(LAST, [p], { outcome: 'ticket', target: 'ticket-id' }));
    // Last period, q: 12 visits (each listing it twice counts once); 5 leave for it (41.7 %): it rose.
    await times(5, () => visit(LAST, [q, q], { outcome: 'article', target: q }));
    await times(7, () => visit(LAST, [q, q]));
    // r: 9 visits before (too few to compare), all left for it; none of the 10 since.
    await times(9, () => visit(PREVIOUS, [r], { outcome: 'article', target: r }));
    await times(10, () => visit(LAST, [r]));

    expect(await articlesDeflectingLess(t.db, now)).toEqual([{ id: p, title: 'p', section: 'team', locale: 'en', before: { count: 10, hits: 6 }, now: { count: 10, hits: 3 } }]);
  });
});

describe('categories with many tickets and no article', () => {
  it('lists categories with 5 tickets or more in the last 30 days and no published article where it belongs', async () => {
    const { organizationId } = await seedOrg(t.db);
    let number = 0;
    const file = async (category: string, count: number, at = LAST) => {
      for (let i = 0; i < count; i++) {
        await t.db.insert(tickets).values({ id: crypto.randomUUID(), organizationId, number: ++number, subject: category, category, requesterEmail: 'x@example.test', createdAt: at });
      }
    };
    await file('invoices', 6); // only a draft in Invoices: listed
    await file('invoices', 2, now); // at the end of the period: not in it
    await article('invoices-draft', { section: 'invoices', published: false });
    await file('account_access', 5); // an unpublished Account article: listed
    await article('account-draft', { section: 'account', published: false });
    await file('other', 5); // no Support article mentions its phrases: listed
    await file('refund', 7); // a Support article mentions refunds: covered
    await article('refunds', { section: 'support', title: 'How refunds work', body: 'A refund goes back to the card you paid with.' });
    await file('team', 6); // Team articles are published above: covered
    await file('card', 5); // card and plan changes share Billing's article
    await file('plan_change', 5);
    await article('billing', { section: 'billing', title: 'Update your card', body: 'Open Billing.' });
    await file('charge', 8); // a published German Usage article counts
    await article('usage-de', { section: 'usage', locale: 'de', title: 'Nutzung', body: 'Die Nutzung pro Zähler.' });
    await file('api_keys', 4); // 4 in the last 30 days, 3 before: too few
    await file('api_keys', 3, daysAgo(31));

    expect(await uncoveredCategories(t.db, now)).toEqual([
      { category: 'invoices', label: 'Invoices and receipts', section: 'invoices', screenless: false, tickets: 6 },
      { category: 'account_access', label: 'Sign-in and account security', section: 'account', screenless: false, tickets: 5 },
      { category: 'other', label: 'Something else', section: 'support', screenless: true, tickets: 5 },
    ]);
  });
});

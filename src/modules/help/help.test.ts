import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { executeAction } from '@/platform/actions/execute';
import { executeQuery } from '@/platform/actions/execute-query';
import { AppError } from '@/platform/http/errors';
import { seedStaff } from '../../../tests/support/staff-fixtures';
import { seedOrg, userActor, useTestDatabase, type SeededOrg } from '../../../tests/support/test-db';
import { switchSection } from '@/modules/rollout/service';
import { voteOnHelpArticle } from './actions';
import { demoArticles } from './demo-articles';
import { helpQuery } from './queries';
import { helpArticles, helpVotes } from './schema';

// What customers read in the help drawer and how they vote on it.

const t = useTestDatabase();

async function article(values: Partial<typeof helpArticles.$inferInsert> & { slug: string }) {
  const id = crypto.randomUUID();
  await t.db.insert(helpArticles).values({ id, section: 'billing', locale: 'en', title: values.slug, body: 'Text.', published: true, ...values });
  return id;
}

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (e: unknown) => (e instanceof AppError ? e.code : String(e)));

describe('the help a reader gets', () => {
  it('shows published articles only, each once, in the reader’s locale with English as the fallback', async () => {
    const reader = userActor(await seedOrg(t.db));
    const cardEn = await article({ slug: 'locale-card', title: 'Update your card', section: 'usage' });
    const cardDe = await article({ slug: 'locale-card', title: 'Karte ändern', section: 'usage', locale: 'de' });
    const plansEn = await article({ slug: 'locale-plans', title: 'Change plan', section: 'usage' });
    await article({ slug: 'locale-draft', title: 'Draft', section: 'usage', published: false });
    await article({ slug: 'locale-only-fr', title: 'Seulement', section: 'usage', locale: 'fr' });

    const german = await executeQuery(reader, helpQuery, { section: 'usage', locale: 'de-DE,de;q=0.9,en;q=0.8' }, { db: t.db });
    expect(german.articles.map((a) => a.id).toSorted()).toEqual([cardDe, plansEn].toSorted());
    const english = await executeQuery(reader, helpQuery, { section: 'usage' }, { db: t.db });
    expect(english.articles.map((a) => a.id).toSorted()).toEqual([cardEn, plansEn].toSorted());
    const unknown = await executeQuery(reader, helpQuery, { section: 'usage', locale: 'xx' }, { db: t.db });
    expect(unknown.articles.map((a) => a.title).toSorted()).toEqual(['Change plan', 'Update your card']);
  });

  it('filters with full-text search and answers sanitized HTML', async () => {
    const reader = userActor(await seedOrg(t.db));
    const tax = await article({ slug: 'fts-tax', section: 'team', title: 'Add a VAT number', body: 'Tax IDs show on invoices. <script>alert(1)</script>' });
    await article({ slug: 'fts-invite', section: 'team', title: 'Invite people', body: 'Send an invitation.' });
    const found = await executeQuery(reader, helpQuery, { section: 'team', q: 'invoices' }, { db: t.db });
    expect(found.articles.map((a) => a.id)).toEqual([tax]);
    expect(found.articles[0]!.html).toContain('Tax IDs show on invoices.');
    expect(found.articles[0]!.html).not.toContain('script');
  });

  it('shows no article of a section that is not rolled out to the reader’s organization', async () => {
    const listed = await seedOrg(t.db);
    const other = await seedOrg(t.db);
    await article({ slug: 'rollout-invite', section: 'team', title: 'Invite people' });
    await executeAction(await seedStaff(t.db, 'lead'), switchSection, { section: 'team', mode: 'allowlist', organizations: [listed.organizationId] }, { db: t.db });
    const slugs = async (reader: SeededOrg) => (await executeQuery(userActor(reader), helpQuery, { section: 'team' }, { db: t.db })).articles.map((a) => a.slug);
    expect(await slugs(listed)).toContain('rollout-invite');
    expect(await slugs(other)).toEqual([]);
  });

  it('refuses an unknown section (422)', async () => {
    const reader = userActor(await seedOrg(t.db));
    expect(await codeOf(executeQuery(reader, helpQuery, { section: 'nowhere' }, { db: t.db }))).toBe('validation_failed');
  });
});

describe('“Was this helpful?”', () => {
  const votesOn = (articleId: string) => t.db.select().from(helpVotes).where(eq(helpVotes.articleId, articleId));

  it('keeps one vote per person and article: a second replaces the first', async () => {
    const owner = await seedOrg(t.db);
    const id = await article({ slug: 'vote-replace' });
    await executeAction(userActor(owner), voteOnHelpArticle, { id, helpful: true }, { db: t.db });
    await executeAction(userActor(owner), voteOnHelpArticle, { id, helpful: false }, { db: t.db });
    expect((await votesOn(id)).map((v) => ({ userId: v.userId, helpful: v.helpful }))).toEqual([{ userId: owner.userId, helpful: false }]);
  });

  it('counts each person apart, under their own organization', async () => {
    const a = await seedOrg(t.db);
    const b = await seedOrg(t.db);
    const id = await article({ slug: 'vote-people' });
    await executeAction(userActor(a), voteOnHelpArticle, { id, helpful: true }, { db: t.db });
    await executeAction(userActor(b), voteOnHelpArticle, { id, helpful: false }, { db: t.db });
    const rows = await votesOn(id);
    expect(rows.map((v) => [v.userId, v.organizationId, v.helpful]).toSorted()).toEqual(
      [
        [a.userId, a.organizationId, true],
        [b.userId, b.organizationId, false],
      ].toSorted(),
    );
  });

  it('answers not_found for an unknown or unpublished article, and 422 without a yes or no', async () => {
    const reader = userActor(await seedOrg(t.db));
    const draft = await article({ slug: 'vote-draft', published: false });
    expect(await codeOf(executeAction(reader, voteOnHelpArticle, { id: draft, helpful: true }, { db: t.db }))).toBe('not_found');
    expect(await codeOf(executeAction(reader, voteOnHelpArticle, { id: 'nope', helpful: true }, { db: t.db }))).toBe('not_found');
    expect(await codeOf(executeAction(reader, voteOnHelpArticle, { id: draft, helpful: 'yes' }, { db: t.db }))).toBe('validation_failed');
    expect(await t.db.select().from(helpVotes).where(and(eq(helpVotes.articleId, draft)))).toEqual([]);
  });
});

describe('the demo’s articles', () => {
  it('give every portal section three to five articles, with unique slugs', () => {
    for (const id of ['account', 'team', 'billing', 'usage', 'invoices', 'api-keys', 'support', 'activity']) {
      const count = demoArticles.filter((a) => a.section === id).length;
      expect(count, id).toBeGreaterThanOrEqual(3);
      expect(count, id).toBeLessThanOrEqual(5);
    }
    expect(new Set(demoArticles.map((a) => a.slug)).size).toBe(demoArticles.length);
  });
});

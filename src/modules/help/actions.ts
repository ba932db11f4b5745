import { and, eq, ne } from 'drizzle-orm';
import { defineAction, type ActionContext } from '@/platform/actions/define';
import { AppError, forbidden, notFound } from '@/platform/http/errors';
import { findArticle, staffView, type HelpArticleRow } from './articles';
import { articleIdInput, createArticleInput, updateArticleInput, voteInput } from './inputs';
import { helpArticles, helpVotes } from './schema';

type Tx = ActionContext['tx'];

/** "Was this helpful?": one vote per person and article, a second one replacing the first. */
export const voteOnHelpArticle = defineAction({
  name: 'help.vote',
  input: voteInput,
  async run({ actor, tx }, input) {
    if (actor.type !== 'user') throw forbidden();
    const article = await findArticle(tx, input.id);
    if (!article?.published) throw notFound('Article');
    const values = { articleId: article.id, userId: actor.userId, organizationId: actor.organizationId, helpful: input.helpful, createdAt: new Date() };
    await tx
      .insert(helpVotes)
      .values(values)
      .onConflictDoUpdate({ target: [helpVotes.articleId, helpVotes.userId], set: { helpful: values.helpful, organizationId: values.organizationId, createdAt: values.createdAt } });
    return { result: undefined, audit: { entityType: 'help_article', entityId: article.id, after: { helpful: input.helpful } } };
  },
});

/** A slug names one article per locale: a second one is a field error, not a database error. */
async function assertSlugFree(tx: Tx, locale: string, slug: string, except?: string) {
  const [taken] = await tx
    .select({ id: helpArticles.id })
    .from(helpArticles)
    .where(and(eq(helpArticles.locale, locale), eq(helpArticles.slug, slug), except ? ne(helpArticles.id, except) : undefined));
  if (taken) throw new AppError('validation_failed', 'Some fields are not valid.', { slug: `Another ${locale} article already uses this slug.` });
}

const audited = (row: HelpArticleRow) => ({ section: row.section, slug: row.slug, locale: row.locale, title: row.title, published: row.published });

export const createHelpArticle = defineAction({
  name: 'staff.help.write',
  input: createArticleInput,
  async run({ tx }, input) {
    await assertSlugFree(tx, input.locale, input.slug);
    const now = new Date();
    const [row] = await tx
      .insert(helpArticles)
      .values({ id: crypto.randomUUID(), ...input, publishedAt: input.published ? now : null, createdAt: now, updatedAt: now })
      .returning();
    return { result: { article: staffView(row!) }, audit: { entityType: 'help_article', entityId: row!.id, after: audited(row!) } };
  },
});

export const updateHelpArticle = defineAction({
  name: 'staff.help.write',
  input: updateArticleInput,
  async run({ tx }, { id, ...change }) {
    const before = await findArticle(tx, id);
    if (!before) throw notFound('Article');
    await assertSlugFree(tx, change.locale ?? before.locale, change.slug ?? before.slug, id);
    const now = new Date();
    const publishedAt = change.published === undefined ? before.publishedAt : change.published ? (before.published ? before.publishedAt : now) : null;
    const [row] = await tx
      .update(helpArticles)
      .set({ ...change, publishedAt, updatedAt: now })
      .where(eq(helpArticles.id, id))
      .returning();
    return { result: { article: staffView(row!) }, audit: { entityType: 'help_article', entityId: id, before: audited(before), after: audited(row!) } };
  },
});

export const deleteHelpArticle = defineAction({
  name: 'staff.help.delete',
  input: articleIdInput,
  async run({ tx }, { id }) {
    const [row] = await tx.delete(helpArticles).where(eq(helpArticles.id, id)).returning();
    if (!row) throw notFound('Article');
    return { result: { article: staffView(row) }, audit: { entityType: 'help_article', entityId: id, before: audited(row) } };
  },
});

import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/platform/db/types';
import { DEFAULT_HELP_LOCALE, HELP_LOCALES } from './inputs';
import { renderArticle } from './render';
import { helpArticles } from './schema';

export type HelpArticleRow = typeof helpArticles.$inferSelect;
export type ReaderArticle = { id: string; slug: string; title: string; section: string; html: string; updatedAt: string };

/** The portal locale a reader asked for (an Accept-Language value or a locale), or the default one. */
export function readerLocale(wanted: string | null | undefined): string {
  for (const part of (wanted ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase().split('-')[0]!;
    if ((HELP_LOCALES as readonly string[]).includes(tag)) return tag;
  }
  return DEFAULT_HELP_LOCALE;
}

/**
 * The published articles a reader sees: each slug once, in the reader's locale where it is written
 * there, else in the default locale. `q` keeps those matching PostgreSQL's full-text search.
 */
export async function publishedArticles(db: Db, query: { section?: string; q?: string; locale?: string }): Promise<ReaderArticle[]> {
  const locale = readerLocale(query.locale);
  const where: SQL[] = [eq(helpArticles.published, true), inArray(helpArticles.locale, [...new Set([locale, DEFAULT_HELP_LOCALE])])];
  if (query.section) where.push(eq(helpArticles.section, query.section));
  if (query.q) where.push(sql`${helpArticles.search} @@ websearch_to_tsquery('english', ${query.q})`);
  const rows = await db
    .select()
    .from(helpArticles)
    .where(and(...where))
    .orderBy(helpArticles.section, helpArticles.createdAt, helpArticles.slug);
  const bySlug = new Map<string, HelpArticleRow>();
  for (const row of rows) if (!bySlug.has(row.slug) || row.locale === locale) bySlug.set(row.slug, row);
  return [...bySlug.values()].map(readerView);
}

export function readerView(row: HelpArticleRow): ReaderArticle {
  return { id: row.id, slug: row.slug, title: row.title, section: row.section, html: renderArticle(row.body), updatedAt: row.updatedAt.toISOString() };
}

export type StaffArticle = Omit<HelpArticleRow, 'search' | 'publishedAt' | 'createdAt' | 'updatedAt'> & { publishedAt: string | null; createdAt: string; updatedAt: string };

export function staffView(row: HelpArticleRow): StaffArticle {
  const { search: _search, ...rest } = row;
  return { ...rest, publishedAt: row.publishedAt?.toISOString() ?? null, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

/** Every article, drafts too, for the console's list. */
export async function allArticles(db: Db, filter: { section?: string; locale?: string; published?: 'true' | 'false' }): Promise<StaffArticle[]> {
  const where: SQL[] = [];
  if (filter.section) where.push(eq(helpArticles.section, filter.section));
  if (filter.locale) where.push(eq(helpArticles.locale, filter.locale));
  if (filter.published) where.push(eq(helpArticles.published, filter.published === 'true'));
  const rows = await db.select().from(helpArticles).where(and(...where)).orderBy(helpArticles.section, desc(helpArticles.updatedAt));
  return rows.map(staffView);
}

export async function findArticle(db: Db, id: string): Promise<HelpArticleRow | undefined> {
  const [row] = await db.select().from(helpArticles).where(eq(helpArticles.id, id));
  return row;
}

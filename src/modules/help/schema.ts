import { sql, type SQL } from 'drizzle-orm';
import { boolean, customType, index, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { user } from '@/platform/auth/schema';
import { organization } from '@/platform/tenancy/schema';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Help articles, written and published in the staff console (no deploy): Markdown per portal section
 * and locale, searched with PostgreSQL's full-text search (PGlite has it too).
 */
export const helpArticles = pgTable(
  'help_articles',
  {
    id: text('id').primaryKey(),
    /** A portal section id of config/sections.ts (`billing`, `team`, …). */
    section: text('section').notNull(),
    slug: text('slug').notNull(),
    locale: text('locale').notNull().default('en'),
    title: text('title').notNull(),
    /** Markdown as written; rendered to sanitized HTML on the server. */
    body: text('body').notNull(),
    published: boolean('published').notNull().default(false),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs((): SQL => sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(body, '')), 'B')`),
  },
  (t) => [
    uniqueIndex('help_articles_slug_key').on(t.locale, t.slug),
    index('help_articles_section_idx').on(t.section, t.locale).where(sql`published`),
    index('help_articles_search_idx').using('gin', t.search),
  ],
);

/** "Was this helpful?": one vote per person and article; a second vote replaces the first. */
export const helpVotes = pgTable(
  'help_votes',
  {
    articleId: text('article_id')
      .notNull()
      .references(() => helpArticles.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    helpful: boolean('helpful').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.userId] })],
);
